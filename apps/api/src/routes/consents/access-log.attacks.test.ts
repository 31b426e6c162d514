import { MockLanguageModelV3 } from 'ai/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, count, desc, eq } from 'drizzle-orm'
import { accessLog, notifications, verifyAccessLogChain } from '@kracht/db'
import { createTestApi, demoPassword, type TestApi } from '../../testing'

// What the access log must hold up against, tried through the API: every row says where it came
// from; nobody who is not signed in can write into a client's log; the reads that were not logged
// before (notifications, the coordinator's list, an AI call) now are; and the chain stays whole.
// The database side (roles, the chain against an operator) is in db/src/access-log.attacks.test.ts.

let t: TestApi
let sam: string
let noor: string
let admin: string
let tokenId: string
let tokenSecret: string

const samRows = async () => (await t.deps.db.select({ n: count() }).from(accessLog).where(eq(accessLog.clientId, t.ids.sam)))[0]?.n ?? 0
const lastSamRow = async () => (await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, t.ids.sam)).orderBy(desc(accessLog.seq)).limit(1))[0]

beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  noor = await t.signIn('noor')
  admin = await t.signIn('admin')
  await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains: [], access: 'read', endsAt: null } })
  const token = await (
    await t.json('POST', '/me/api-tokens', {
      cookie: noor,
      // `password`: the passphrase asked again where the auth work requires it; ignored where not.
      body: { name: 'ECD', scopes: ['inventory'], expiresAt: new Date(t.deps.now().getTime() + 86_400_000).toISOString(), password: demoPassword },
    })
  ).json()
  tokenId = token.id
  tokenSecret = token.token
})
afterAll(() => t.close())

describe('each row says where the access came from', () => {
  it('a session through the portal: the browser address and its user agent, cut to 200 characters', async () => {
    const agent = `Mozilla/5.0 (Linux; Android 14) ${'x'.repeat(400)}`
    // The portal calls in-process and passes the browser's address as a binding (apps/server/src/host.ts).
    const response = await t.api.request(`/clients/${t.ids.sam}/inventory`, { headers: { cookie: noor, 'user-agent': agent } }, { internal: { clientIp: '203.0.113.7' } })
    expect(response.status).toBe(200)
    const row = await lastSamRow()
    expect(row).toMatchObject({ actorId: t.ids.noor, via: 'session', ipAddress: '203.0.113.7', userAgent: agent.slice(0, 200) })
    expect(row?.viaId).toBeTruthy()
  })

  it('an API token: the token id, the caller address and its user agent', async () => {
    const response = await t.api.request(
      `/clients/${t.ids.sam}/inventory`,
      { headers: { authorization: `Bearer ${tokenSecret}`, 'user-agent': 'ECD-koppeling/2.1' } },
      { incoming: { socket: { remoteAddress: '198.51.100.4' } } },
    )
    expect(response.status).toBe(200)
    expect(await lastSamRow()).toMatchObject({ via: 'token', viaId: tokenId, onBehalfOf: t.ids.noor, ipAddress: '198.51.100.4', userAgent: 'ECD-koppeling/2.1' })
  })
})

describe('nobody who is not signed in writes into a client log', () => {
  it('leaves no row for any attempt without a signed-in actor, however many', async () => {
    const before = await samRows()
    const attempts: [string, string, Record<string, string>][] = [
      ['GET', `/clients/${t.ids.sam}/inventory`, {}],
      ['GET', `/clients/${t.ids.sam}/consents`, {}],
      ['GET', `/clients/${t.ids.sam}/access-log`, {}],
      ['GET', `/clients/${t.ids.sam}/inventory`, { cookie: 'kracht_session=forged-or-expired' }],
      ['GET', `/clients/${t.ids.sam}/inventory`, { authorization: 'Bearer not-a-token' }],
    ]
    for (let round = 0; round < 10; round++) {
      for (const [method, path, headers] of attempts) {
        const response = await t.json(method, path, { headers })
        expect(response.status).toBe(401)
      }
      const write = await t.json('POST', `/clients/${t.ids.sam}/statements`, { body: { domain: 'work', time: 'present', text: 'spam' } })
      expect([401, 403]).toContain(write.status)
    }
    expect(await samRows()).toBe(before)
  })
})

describe('the reads that were not logged before now are', () => {
  it('a worker reading notifications about a client', async () => {
    await t.deps.db.insert(notifications).values({ recipientId: t.ids.noor, clientId: t.ids.sam, kind: 'safety_contact' })
    const response = await t.json('GET', '/notifications', { cookie: noor })
    expect(response.status).toBe(200)
    expect(await lastSamRow()).toMatchObject({ actorId: t.ids.noor, action: 'read', scope: 'notifications', resource: 'notifications', outcome: 'allowed' })
  })

  it("the coordinator's list of people: a row in each listed client's log; staff-only lists leave none", async () => {
    const before = await samRows()
    expect((await t.json('GET', '/people?role=worker', { cookie: admin })).status).toBe(200)
    expect(await samRows()).toBe(before)
    const list = await (await t.json('GET', '/people?role=client', { cookie: admin })).json()
    expect(list.some((person: { id: string }) => person.id === t.ids.sam)).toBe(true)
    expect(await lastSamRow()).toMatchObject({ actorId: t.ids.admin, actorRole: 'admin', action: 'read', scope: 'organisation', resource: 'people' })
  })

  it("the coordinator reading and changing a client's workers", async () => {
    expect((await t.json('GET', `/clients/${t.ids.sam}/workers`, { cookie: admin })).status).toBe(200)
    expect(await lastSamRow()).toMatchObject({ actorId: t.ids.admin, resource: 'client_workers' })
    expect((await t.json('DELETE', `/clients/${t.ids.sam}/workers/${t.ids.noor}`, { cookie: admin })).status).toBe(204)
    expect(await lastSamRow()).toMatchObject({ action: 'delete', resource: `worker_link:${t.ids.noor}` })
    expect((await t.json('PUT', `/clients/${t.ids.sam}/workers/${t.ids.noor}`, { cookie: admin })).status).toBe(204)
    expect(await lastSamRow()).toMatchObject({ action: 'create', resource: `worker_link:${t.ids.noor}` })
  })

  it('every call to an AI model: one row per call, export to ai_model, never the text; the client sees it', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async () => ({
        content: [{ type: 'text', text: JSON.stringify({ question: 'Wat kun jij goed, thuis?', reformulations: ['Ik ben eerlijk tegen iedereen'] }) }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 10, text: 10, reasoning: undefined },
        },
        warnings: [],
      }),
    })
    t.deps.model = model
    try {
      await t.json('PUT', `/clients/${t.ids.sam}/settings/ai-help`, { cookie: sam, body: { enabled: true } })
      const base = `/clients/${t.ids.sam}/conversations`
      const view = await (await t.json('POST', base, { cookie: sam, body: { flow: 'strengths', context: { domains: ['housing'] } } })).json()
      const turn = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: view.step?.id, text: 'eerlijk tegen mijn buurvrouw Fatima' } })
      expect(turn.status).toBe(200)
      expect(model.doGenerateCalls.length).toBeGreaterThan(0)
      const rows = await t.deps.db.select().from(accessLog).where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.resource, 'ai_model')))
      expect(rows).toHaveLength(model.doGenerateCalls.length)
      for (const row of rows) expect(row).toMatchObject({ actorId: t.ids.sam, action: 'export', scope: 'assistant', outcome: 'allowed', basis: 'ai_help_on' })
      expect(JSON.stringify(rows)).not.toMatch(/eerlijk|Fatima|buurvrouw/)
      // The client's own page shows these, though the client's own reads are otherwise left out.
      const log = await (await t.json('GET', `/clients/${t.ids.sam}/access-log`, { cookie: sam })).json()
      expect(log.filter((entry: { resource: string }) => entry.resource === 'ai_model')).toHaveLength(rows.length)
    } finally {
      t.deps.model = null
    }
  })

  it('all of the above still forms one unbroken hash chain', async () => {
    expect(await verifyAccessLogChain(t.deps.db)).toMatchObject({ ok: true })
  })
})
