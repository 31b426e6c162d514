import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, queriesSent, type TestApi } from '../../testing'
import type { InternalCall } from '../../lib/env'
import { accessLogBatch } from '../../lib/access-log'

let t: TestApi
beforeAll(async () => {
  t = await createTestApi()
})
afterAll(() => t.close())

// The portal reading one page calls the API several times in-process with one cookie; the server
// hands all those calls one map, so the session is looked up once (apps/server/src/host.ts).
describe('one session lookup per page read', () => {
  /** What the server hands the calls of one page read (apps/server/src/host.ts). */
  const pageRead = (): InternalCall => ({ clientIp: '127.0.0.1', sessions: new Map(), accessFacts: new Map(), reads: new Map(), accessLog: accessLogBatch() })
  const call = (path: string, cookie: string, internal?: InternalCall) =>
    t.api.fetch(new Request(`http://kracht.internal${path}`, { headers: { cookie } }), internal ? { internal } : undefined)

  it('calls that share a page read share one lookup', async () => {
    const cookie = await t.signIn('noor')
    const internal: InternalCall = { clientIp: '127.0.0.1', sessions: new Map() }
    const [me, again] = await Promise.all([call('/me', cookie, internal), call('/me', cookie, internal)])
    expect([me.status, again.status]).toEqual([200, 200])
    expect(internal.sessions?.size).toBe(1)
    expect((await (await call('/health', cookie, internal)).json()).status).toBe('ok')
    expect(internal.sessions?.size).toBe(1)
  })

  it('a call outside a page read looks the session up anew: a signed-out cookie is refused', async () => {
    const cookie = await t.signIn('sam')
    const logout = await t.api.fetch(new Request('http://kracht.internal/auth/logout', { method: 'POST', headers: { cookie } }))
    expect(logout.status).toBeLessThan(300)
    expect((await call('/me', cookie)).status).toBe(401)
    expect((await call('/me', cookie, { clientIp: '127.0.0.1', sessions: new Map() })).status).toBe(401)
  })

  it('the consent gate reads its facts once per page read, and still logs every read', async () => {
    const sam = await t.signIn('sam')
    const noor = await t.signIn('noor')
    const base = `/clients/${t.ids.sam}`
    expect((await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'] } })).status).toBe(201)
    const logged = async () => ((await (await t.json('GET', `${base}/access-log`, { cookie: sam })).json()) as unknown[]).length
    const before = await logged()
    const internal: InternalCall = { clientIp: '127.0.0.1', sessions: new Map(), accessFacts: new Map() }
    const [one, two] = await Promise.all([call(`${base}/inventory`, noor, internal), call(`${base}/inventory`, noor, internal)])
    expect([one.status, two.status]).toEqual([200, 200])
    expect(internal.accessFacts?.size).toBe(1)
    expect(await logged()).toBe(before + 2)
  })

  it('a page read reads a client\'s statements once, logs each call, and a write in it ends what it shares', async () => {
    const sam = await t.signIn('sam')
    const noor = await t.signIn('noor')
    const base = `/clients/${t.ids.sam}`
    const created = await t.json('POST', `${base}/statements`, { cookie: sam, body: { domain: 'housing', time: 'present', form: 'i_can', text: 'Ik kan mijn huis schoon houden' } })
    expect(created.status).toBe(201)
    const { statement } = (await created.json()) as { statement: { id: string; version: number; createdAt: string; updatedAt: string } }
    const logged = async () => ((await (await t.json('GET', `${base}/access-log`, { cookie: sam })).json()) as unknown[]).length
    const before = await logged()
    const internal = pageRead()
    // Two calls side by side: both gated and logged (their rows in one insert), the list read once.
    const [inventory, agreement] = await Promise.all([call(`${base}/inventory`, noor, internal), call(`${base}/agreement`, noor, internal)])
    expect([inventory.status, agreement.status]).toEqual([200, 200])
    expect(await logged()).toBe(before + 2)
    expect([...(internal.reads?.keys() ?? [])].filter((key) => key.startsWith('statements:'))).toHaveLength(1)
    // The list as one JSON value: the same times, to the millisecond, as the row the write returned.
    const shown = ((await inventory.json()) as { statements: { id: string; createdAt: string; updatedAt: string }[] }).statements.find((one) => one.id === statement.id)
    expect(shown).toMatchObject({ createdAt: statement.createdAt, updatedAt: statement.updatedAt })
    // A write within the page read (the client's own, in-process) ends what it shares: the next read is fresh.
    const own = (path: string, init: RequestInit = {}) =>
      t.api.fetch(new Request(`http://kracht.internal${path}`, { ...init, headers: { cookie: sam, 'content-type': 'application/json' } }), { internal })
    expect((await own(`${base}/inventory`)).status).toBe(200)
    const patched = await own(`${base}/statements/${statement.id}`, { method: 'PATCH', body: JSON.stringify({ version: statement.version, text: 'Ik kan mijn huis gezellig maken' }) })
    expect(patched.status).toBe(200)
    const after = (await (await own(`${base}/inventory`)).json()) as { statements: { id: string; text: string }[] }
    expect(after.statements.find((one) => one.id === statement.id)?.text).toBe('Ik kan mijn huis gezellig maken')
  })

  it("a client's page: its share list for that client comes from the gate's facts, and the comments and the agreement's open suggestions from one read", async () => {
    const sam = await t.signIn('sam')
    const noor = await t.signIn('noor')
    const base = `/clients/${t.ids.sam}`
    expect((await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], access: 'comment' } })).status).toBe(201)
    const created = await t.json('POST', `${base}/statements`, { cookie: sam, body: { domain: 'work', time: 'present', form: 'i_can', text: 'Ik kan goed plannen' } })
    const { statement } = (await created.json()) as { statement: { id: string } }
    const suggested = await t.json('POST', `${base}/statements/${statement.id}/comments`, { cookie: noor, body: { kind: 'suggestion', body: 'Wanneer?', suggestedText: 'Ik kan elke dinsdag goed plannen' } })
    expect(suggested.status).toBe(201)
    // Outside a page read: the whole list, and the agreement's count from its own query.
    const whole = (await (await call('/me/shared-with-me', noor)).json()) as { clientId: string }[]
    const direct = (await (await call(`${base}/agreement`, noor)).json()) as { openSuggestions: number }
    expect(direct.openSuggestions).toBeGreaterThan(0)
    const logged = async () => ((await (await t.json('GET', `${base}/access-log`, { cookie: sam })).json()) as unknown[]).length
    const before = await logged()
    const internal = pageRead()
    const [mine, inventory] = await Promise.all([call(`/me/shared-with-me?clientId=${t.ids.sam}`, noor, internal), call(`${base}/inventory`, noor, internal)])
    expect([mine.status, inventory.status]).toEqual([200, 200])
    // The same entry as in the whole list, and one read of the facts for both calls.
    expect(await mine.json()).toEqual(whole.filter((entry) => entry.clientId === t.ids.sam))
    expect(internal.accessFacts?.size).toBe(1)
    const [comments, agreement] = await Promise.all([call(`${base}/comments`, noor, internal), call(`${base}/agreement`, noor, internal)])
    expect([comments.status, agreement.status]).toEqual([200, 200])
    expect(((await agreement.json()) as { openSuggestions: number }).openSuggestions).toBe(direct.openSuggestions)
    expect([...(internal.reads?.keys() ?? [])].filter((key) => key.startsWith('statement-comments:'))).toHaveLength(1)
    // Every read by someone else still has its row (the share list reads no client data: none).
    expect(await logged()).toBe(before + 3)
    // Another client's id, or one that is no client: no entry, never a name.
    expect(await (await call(`/me/shared-with-me?clientId=${t.ids.noor}`, noor, internal)).json()).toEqual([])
    // Someone Sam shares nothing with (Eva, the peer expert) and a forged id: no entry, in a page read or not.
    const eva = await t.signIn('eva')
    for (const inPage of [pageRead(), undefined]) {
      expect(await (await call(`/me/shared-with-me?clientId=${t.ids.sam}`, eva, inPage)).json()).toEqual([])
      expect(await (await call(`/me/shared-with-me?clientId=00000000-0000-4000-8000-000000000000`, noor, inPage)).json()).toEqual([])
    }
    expect((await call('/me/shared-with-me?clientId=not-an-id', noor)).status).toBe(400)
  })
})

// The lookup every request makes is built once per database (auth/sessions.ts): each request still
// reads its session from the database, and never the passphrase's hash or the authenticator's secrets.
describe('the session lookup', () => {
  it('reads the session each time, one query, without secrets, with or without a client in the path', async () => {
    const noor = await t.signIn('noor')
    for (const path of ['/me', `/clients/${t.ids.sam}/inventory`, '/me']) {
      const sent = await queriesSent(t, async () => void (await t.json('GET', path, { cookie: noor })))
      if (!sent) return // PostgreSQL: queries are not counted
      const lookups = sent.filter((text) => text.includes('"sessions"') && text.includes('"require_staff_totp"'))
      expect(lookups).toHaveLength(1)
      expect(lookups[0]).not.toMatch(/password_hash|totp_secret|totp_pending_secret|totp_last_step/)
    }
    // Signed out: the next lookup finds nothing (no answer is kept between requests).
    await t.json('POST', '/auth/logout', { cookie: noor })
    expect((await t.json('GET', '/me', { cookie: noor })).status).toBe(401)
  })
})
