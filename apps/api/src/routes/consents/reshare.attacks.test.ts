import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../../testing'

/**
 * Attacks on sharing again with `replaces` (decision 012) and on the peer expert's view of comments:
 * another client's ids, a worker or peer without consent, forged ids, a huge body. Each changes
 * nothing and tells nothing. (Cross-site posts: test/security/cross-site.test.ts.)
 */
let t: TestApi
let sam: string
let noor: string
let eva: string
let samsNoorShare: string
const base = () => `/clients/${t.ids.sam}`
const active = async () => ((await (await t.json('GET', `${base()}/consents`, { cookie: sam })).json()) as { id: string; granteeId: string; scopes: string[] }[]).map((c) => `${c.id}:${c.scopes.join(',')}`).sort()

beforeAll(async () => {
  t = await createTestApi()
  ;[sam, noor, eva] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('eva')])
  const granted = await t.json('POST', `${base()}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], access: 'comment', replaces: null } })
  expect(granted.status).toBe(201)
  samsNoorShare = (await granted.json()).id
})
afterAll(() => t.close())

describe('sharing again: attacks', () => {
  it('a forged or another share\'s id in replaces replaces nothing (409), and a malformed one is refused (400)', async () => {
    const before = await active()
    for (const replaces of ['00000000-0000-4000-8000-000000000000', crypto.randomUUID()]) {
      const response = await t.json('POST', `${base()}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['network'], replaces } })
      expect(response.status).toBe(409)
      const problem = await response.json()
      expect(problem.code).toBe('share_changed')
      // The answer names no share: the client reads their own list to see it.
      expect(JSON.stringify(problem)).not.toContain(samsNoorShare)
    }
    for (const replaces of ['x', "'; drop table consents; --", 42, ['a'], { id: samsNoorShare }]) {
      expect((await t.json('POST', `${base()}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['network'], replaces } })).status).toBe(400)
    }
    expect(await active()).toEqual(before)
  })

  it("nobody shares a client's data for them: a worker, a peer expert, another client, even with the right replaces", async () => {
    const before = await active()
    for (const cookie of [noor, eva]) {
      const response = await t.json('POST', `${base()}/consents`, { cookie, body: { granteeId: t.ids.noor, scopes: ['inventory', 'network'], access: 'comment', replaces: samsNoorShare } })
      expect(response.status).toBe(403)
    }
    // Sam against another client's id: refused by the gate before any consent is looked at.
    const other = crypto.randomUUID()
    const foreign = await t.json('POST', `/clients/${other}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], replaces: null } })
    expect([403, 404]).toContain(foreign.status)
    expect(await active()).toEqual(before)
  })

  it('a huge body is refused before anything is read: 413, nothing changed', async () => {
    const before = await active()
    const response = await t.json('POST', `${base()}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], replaces: samsNoorShare, padding: 'x'.repeat(200_000) } })
    expect(response.status).toBe(413)
    expect((await response.json()).code).toBe('payload_too_large')
    expect(await active()).toEqual(before)
  })
})

describe("the peer expert's view of comments: attacks", () => {
  let statementId: string
  beforeAll(async () => {
    const statements = (await (await t.json('GET', `${base()}/statements`, { cookie: noor })).json()) as { id: string }[]
    statementId = statements[0]?.id ?? ''
    expect((await t.json('POST', `${base()}/statements/${statementId}/comments`, { cookie: noor, body: { kind: 'comment', body: 'Alleen voor Sam bedoeld' } })).status).toBe(201)
  })

  it('without a share a peer expert gets nothing, not by list, statement or overview', async () => {
    for (const path of ['/comments', `/comments?statementId=${statementId}`, '/inventory/overview']) {
      const response = await t.json('GET', `${base()}${path}`, { cookie: eva })
      expect(response.status).toBe(403)
      expect(await response.text()).not.toContain('Alleen voor Sam')
    }
  })

  it("with a share, asking for the one statement, the open ones, or with a forged id still shows no worker's comment", async () => {
    expect((await t.json('POST', `${base()}/consents`, { cookie: sam, body: { granteeId: t.ids.eva, scopes: ['inventory'], access: 'read', replaces: null } })).status).toBe(201)
    for (const path of ['/comments', `/comments?statementId=${statementId}`, '/comments?open=true', '/inventory/overview', `/comments?statementId=${statementId}&authorId=${t.ids.noor}`]) {
      const response = await t.json('GET', `${base()}${path}`, { cookie: eva })
      expect(response.status).toBe(200)
      expect(await response.text()).not.toContain('Alleen voor Sam')
    }
    expect((await t.json('GET', `${base()}/comments?statementId=not-an-id`, { cookie: eva })).status).toBe(400)
  })

  it("a peer expert cannot read another client's comments through sam's share", async () => {
    const response = await t.json('GET', `/clients/${t.ids.noor}/comments`, { cookie: eva })
    expect([403, 404]).toContain(response.status)
  })
})
