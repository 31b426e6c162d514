import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../../testing'

let t: TestApi
let sam: string
let base: string
beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  base = `/clients/${t.ids.sam}`
})
afterAll(() => t.close())

const add = (body: Record<string, unknown>, cookie = sam) => t.json('POST', `${base}/statements`, { cookie, body })

describe('statements', () => {
  it('the demo client starts with a partly filled inventory', async () => {
    const inventory = await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()
    expect(inventory.statements.length).toBeGreaterThanOrEqual(24)
    expect(new Set(inventory.statements.map((s: { domain: string }) => s.domain)).size).toBe(7)
    expect(inventory.priorities.map((p: { domain: string }) => p.domain)).toEqual(['housing', 'work'])
    expect(inventory.statements.some((s: { time: string }) => s.time === 'past')).toBe(true)
    expect(inventory.domains).toHaveLength(10)
  })

  it('adds a statement and gives feedback that advises, never blocks', async () => {
    const response = await add({ domain: 'work', time: 'present', text: 'ik ben niet lui' })
    expect(response.status).toBe(201)
    const { statement, feedback } = await response.json()
    expect(statement).toMatchObject({ domain: 'work', time: 'present', text: 'ik ben niet lui', version: 1, provenance: 'client', form: null })
    expect(feedback.suggestions.some((s: { kind: string }) => s.kind === 'negation')).toBe(true)
    expect(feedback.suggestedForm).toBe('i_am')
  })

  it('keeps the provenance of an accepted suggestion', async () => {
    const { statement } = await (await add({ domain: 'meaning', time: 'future', form: 'i_want', text: 'Ik wil leren mediteren', provenance: 'client_accepted_assistant' })).json()
    expect(statement.provenance).toBe('client_accepted_assistant')
  })

  it('changes a statement with its version, and refuses a stale version without overwriting', async () => {
    const { statement } = await (await add({ domain: 'leisure', time: 'present', form: 'i_can', text: 'Ik kan schaken' })).json()
    const path = `${base}/statements/${statement.id}`
    const first = await t.json('PATCH', path, { cookie: sam, body: { version: 1, text: 'Ik kan goed schaken' } })
    expect(first.status).toBe(200)
    expect((await first.json()).statement.version).toBe(2)
    const stale = await t.json('PATCH', path, { cookie: sam, body: { version: 1, text: 'Ik kan een beetje schaken' } })
    expect(stale.status).toBe(409)
    expect(await stale.json()).toMatchObject({ code: 'version_conflict' })
    const list = await (await t.json('GET', `${base}/statements?domain=leisure`, { cookie: sam })).json()
    expect(list.find((s: { id: string }) => s.id === statement.id).text).toBe('Ik kan goed schaken')
  })

  it('removes a statement with its version; a stale or double remove changes nothing', async () => {
    const { statement } = await (await add({ domain: 'health', time: 'present', text: 'Ik slaap goed' })).json()
    const path = `${base}/statements/${statement.id}`
    expect((await t.json('DELETE', `${path}?version=7`, { cookie: sam })).status).toBe(409)
    expect((await t.json('DELETE', `${path}?version=1`, { cookie: sam })).status).toBe(204)
    expect((await t.json('DELETE', `${path}?version=2`, { cookie: sam })).status).toBe(404)
    expect((await t.json('DELETE', path, { cookie: sam })).status).toBe(400)
  })

  it.each([
    ['empty text', { domain: 'work', time: 'present', text: '   ' }, 'text'],
    ['text over 1,000 characters', { domain: 'work', time: 'present', text: 'a'.repeat(1001) }, 'text'],
    ['an unknown domain', { domain: 'space', time: 'present', text: 'Ik kan vliegen' }, 'domain'],
    ['an unknown time', { domain: 'work', time: 'tomorrow', text: 'Ik kan werken' }, 'time'],
    ['an unknown form', { domain: 'work', time: 'present', form: 'i_might', text: 'Ik kan werken' }, 'form'],
  ])('refuses %s with a field message and saves nothing', async (_label, body, field) => {
    const before = (await (await t.json('GET', `${base}/statements`, { cookie: sam })).json()).length
    const response = await add(body)
    expect(response.status).toBe(400)
    const problem = await response.json()
    expect(problem.code).toBe('validation_failed')
    expect(problem.fields[field]).toBeTruthy()
    expect((await (await t.json('GET', `${base}/statements`, { cookie: sam })).json()).length).toBe(before)
  })

  it('stores HTML and script as plain text', async () => {
    const text = '<script>alert(1)</script><b>Ik kan</b> koken'
    const { statement } = await (await add({ domain: 'housing', time: 'present', text })).json()
    expect(statement.text).toBe(text)
  })

  it("refuses someone else's client id, and anyone who is not the client", async () => {
    const noor = await t.signIn('noor')
    expect((await t.json('GET', `${base}/inventory`, { cookie: noor })).status).toBe(403)
    expect((await add({ domain: 'work', time: 'present', text: 'Ik kan alles' }, noor)).status).toBe(403)
    expect((await t.json('GET', `/clients/${t.ids.noor}/inventory`, { cookie: sam })).status).toBe(403)
    expect((await t.json('GET', `/clients/00000000-0000-4000-8000-000000000000/statements`, { cookie: sam })).status).toBe(403)
    expect((await t.json('GET', `${base}/inventory`)).status).toBe(401)
    expect((await t.json('GET', `/clients/not-a-uuid/inventory`, { cookie: sam })).status).toBe(400)
  })
})

describe('priorities and remarks', () => {
  it('sets up to 4 priorities in order with wishes, with a version check', async () => {
    const inventory = await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()
    const priorities = [
      { domain: 'work', wish: 'Weer bakken' },
      { domain: 'housing', wish: null },
      { domain: 'children' },
    ]
    const saved = await t.json('PUT', `${base}/priorities`, { cookie: sam, body: { version: inventory.version, priorities } })
    expect(saved.status).toBe(200)
    const { version } = await saved.json()
    expect(version).toBe(inventory.version + 1)
    const after = await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()
    expect(after.priorities).toEqual([
      { domain: 'work', wish: 'Weer bakken' },
      { domain: 'housing', wish: null },
      { domain: 'children', wish: null },
    ])
    const stale = await t.json('PUT', `${base}/priorities`, { cookie: sam, body: { version: inventory.version, priorities: [] } })
    expect(stale.status).toBe(409)
  })

  it('refuses more than the organisation allows, duplicates and unknown domains', async () => {
    const { version } = await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()
    const five = ['work', 'housing', 'children', 'health', 'leisure'].map((domain) => ({ domain }))
    const tooMany = await t.json('PUT', `${base}/priorities`, { cookie: sam, body: { version, priorities: five } })
    expect((await tooMany.json()).fields.priorities).toBe('too_many_priorities')
    const twice = await t.json('PUT', `${base}/priorities`, { cookie: sam, body: { version, priorities: [{ domain: 'work' }, { domain: 'work' }] } })
    expect((await twice.json()).fields.priorities).toBe('duplicate_priority')
    const unknown = await t.json('PUT', `${base}/priorities`, { cookie: sam, body: { version, priorities: [{ domain: 'moon' }] } })
    expect(unknown.status).toBe(400)
  })

  it('saves remarks', async () => {
    const { version } = await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()
    const saved = await t.json('PUT', `${base}/remarks`, { cookie: sam, body: { version, remarks: 'Dit wil ik met Noor bespreken.' } })
    expect(saved.status).toBe(200)
    expect((await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()).remarks).toBe('Dit wil ik met Noor bespreken.')
  })
})

describe('quality and history', () => {
  it('computes the quality checklist', async () => {
    const { quality } = await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()
    const byId = Object.fromEntries(quality.items.map((item: { id: string }) => [item.id, item]))
    expect(byId.first_person.status).toBe('done')
    expect(byId.positive.statementIds.length).toBeGreaterThan(0)
    expect(byId.domains_covered).toMatchObject({ total: 10 })
    expect(byId.priorities.status).toBe('done')
    expect(byId.agreement.status).toBe('not_yet')
  })

  it('looks back to a date and shows what changed since', async () => {
    const sixtyDaysAgo = new Date(Date.now() - 60 * 86_400_000).toISOString()
    const history = await (await t.json('GET', `${base}/inventory/history?at=${encodeURIComponent(sixtyDaysAgo)}`, { cookie: sam })).json()
    expect(history.statements.length).toBeGreaterThan(10)
    expect(history.statements.length).toBeLessThan(20)
    expect(history.changesSince.filter((c: { kind: string }) => c.kind === 'added').length).toBeGreaterThan(5)
    expect(history.growth.length).toBeGreaterThan(1)
    expect(history.growth.at(-1).total).toBeGreaterThan(history.growth[0].total)
    const plainDate = await t.json('GET', `${base}/inventory/history?at=2020-03-01`, { cookie: sam })
    expect((await plainDate.json()).statements).toEqual([])
    const bad = await t.json('GET', `${base}/inventory/history?at=yesterday`, { cookie: sam })
    expect(bad.status).toBe(400)
  })

  it('keeps removed and changed statements in the history', async () => {
    const { statement } = await (await add({ domain: 'meaning', time: 'present', text: 'Ik geloof in tweede kansen' })).json()
    const moment = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 5))
    await t.json('DELETE', `${base}/statements/${statement.id}?version=1`, { cookie: sam })
    const history = await (await t.json('GET', `${base}/inventory/history?at=${encodeURIComponent(moment)}`, { cookie: sam })).json()
    expect(history.statements.map((s: { id: string }) => s.id)).toContain(statement.id)
    expect(history.changesSince).toContainEqual(expect.objectContaining({ kind: 'removed' }))
  })
})
