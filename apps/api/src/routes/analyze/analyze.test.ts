import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../../testing'
import { AnalysisSchema } from './analyze.routes'

let t: TestApi
let cookie: string
beforeAll(async () => {
  t = await createTestApi()
  cookie = await t.signIn('sam')
})
afterAll(() => t.close())

describe('POST /analyze', () => {
  it('returns the analysis of a Dutch statement, in the documented shape', async () => {
    const response = await t.json('POST', '/analyze', { cookie, body: { text: 'ik ben niet lui', locale: 'nl' } })
    expect(response.status).toBe(200)
    const body = AnalysisSchema.parse(await response.json())
    expect(body.person).toBe('first')
    expect(body.negative).toBe(true)
    expect(body.negations[0]).toMatchObject({ word: 'niet', start: 7, end: 11 })
    expect(body.form).toBe('i_am')
    expect(body.suggestions.length).toBeGreaterThan(0)
  })

  it('defaults to Dutch and handles English', async () => {
    const dutch = await (await t.json('POST', '/analyze', { cookie, body: { text: 'ik kan goed koken' } })).json()
    expect(dutch.locale).toBe('nl')
    const english = await (await t.json('POST', '/analyze', { cookie, body: { text: "I can't cook", locale: 'en' } })).json()
    expect(english).toMatchObject({ locale: 'en', negative: true, form: 'i_can' })
  })

  it('says how sure the crisis screen is: an alarm, or a gentle check-in', async () => {
    const alarm = AnalysisSchema.parse(await (await t.json('POST', '/analyze', { cookie, body: { text: 'ik wil niet meer leven' } })).json())
    expect(alarm.crisis).toMatchObject({ detected: true, kind: 'suicide', level: 'alarm' })
    const checkIn = AnalysisSchema.parse(await (await t.json('POST', '/analyze', { cookie, body: { text: 'ik sta op de brug' } })).json())
    expect(checkIn.crisis).toMatchObject({ detected: true, level: 'check_in' })
    const quiet = AnalysisSchema.parse(await (await t.json('POST', '/analyze', { cookie, body: { text: 'ik ga dood van het lachen' } })).json())
    expect(quiet.crisis).toMatchObject({ detected: false, kind: null, level: null, kinds: [] })
  })

  it('carries the help lines of the one screen a save runs, so the portal shows the same card while typing', async () => {
    const risky = AnalysisSchema.parse(await (await t.json('POST', '/analyze', { cookie, body: { text: 'mijn ex dreigt dat hij me vermoordt' } })).json())
    expect(risky.safety).toMatchObject({ detected: true, kind: 'violence' })
    expect(risky.safety.helpLines.flatMap((line) => line.numbers.map((n) => n.tel))).toEqual(['tel:08002000', 'tel:112'])
    const calm = AnalysisSchema.parse(await (await t.json('POST', '/analyze', { cookie, body: { text: 'ik kan goed koken' } })).json())
    expect(calm.safety).toEqual({ detected: false, kind: null, level: null, helpLines: [] })
  })

  it('is for signed-in users only', async () => {
    expect((await t.json('POST', '/analyze', { body: { text: 'ik ben sterk' } })).status).toBe(401)
  })

  it.each([
    ['text over 2,000 characters', { text: 'a'.repeat(2001) }, 'text_too_long'],
    ['an unknown locale', { text: 'hallo', locale: 'de' }, 'unknown_locale'],
    ['no text', { locale: 'nl' }, 'validation_failed'],
  ])('answers %s with 400 and a clear code', async (_label, body, code) => {
    const response = await t.json('POST', '/analyze', { cookie, body })
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe(code)
  })

  it('is in the OpenAPI document', async () => {
    const doc = await (await t.json('GET', '/openapi.json')).json()
    expect(doc.paths['/analyze'].post).toBeDefined()
    expect(doc.components.schemas.Analysis).toBeDefined()
  })
})
