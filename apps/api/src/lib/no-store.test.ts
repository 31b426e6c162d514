import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../testing'

/**
 * Every API answer is about one person: `Cache-Control: no-store` on each, whatever made it (a
 * handler's JSON, a refusal, a validation problem, an unknown route, a write). Set on the answer's
 * own headers (app.ts, `noStore`), so the answer keeps its body as it was (issue 19).
 */
let t: TestApi
let sam: string
beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
})
afterAll(() => t.close())

describe('no-store on every API answer', () => {
  it('on reads, refusals, problems and writes, with the body intact', async () => {
    const answers = [
      await t.json('GET', '/health', { cookie: sam }),
      await t.json('GET', '/me', { cookie: sam }),
      await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: sam }),
      await t.json('GET', `/clients/${t.ids.sam}/inventory`),
      await t.json('GET', `/clients/not-a-uuid/inventory`, { cookie: sam }),
      await t.json('GET', '/no-such-route', { cookie: sam }),
      await t.json('POST', `/clients/${t.ids.sam}/statements`, { cookie: sam, body: { domain: 'work', time: 'present', form: 'i_can', text: 'Ik kan goed plannen en overzicht houden.' } }),
    ]
    for (const answer of answers) {
      expect(answer.headers.get('cache-control')).toBe('no-store')
      // The body is still whole JSON.
      expect(typeof (await answer.json())).toBe('object')
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 401, 400, 404, 201])
  })
})
