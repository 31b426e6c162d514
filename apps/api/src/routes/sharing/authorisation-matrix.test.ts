import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { accessLog, clientWorkers, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

/**
 * The authorisation matrix: every client-data route, for every kind of caller, with the status the
 * caller must get. The client is sam. What sam shared (set up below):
 *   noor  (linked worker): inventory, without `partner`, read and comment
 *   eva   (peer expert):   inventory, without `partner`, read only
 *   token (noor's API token, scope inventory): whatever noor may read, never more, never a write
 * Nobody else has a consent: lotte (a second linked worker), bas (a worker not linked to sam),
 * pim (a peer expert), kim (another client), the coordinator, and nobody signed in.
 */
const actors = ['sam', 'kim', 'noor', 'lotte', 'bas', 'eva', 'pim', 'admin', 'token', 'nobody'] as const
type ActorName = (typeof actors)[number]

// Columns in the order of `actors`. 2xx = allowed; 400/409 for sam = the gate let sam in and the
// request itself was refused (on purpose: the matrix must not change sam's data as it walks).
const R = (...codes: number[]) => Object.fromEntries(actors.map((actor, i) => [actor, codes[i]])) as Record<ActorName, number>
//                            sam  kim  noor lotte bas  eva  pim  admin token nobody
const sharedRead = /* ---- */ R(200, 403, 200, 403, 403, 200, 403, 403, 200, 401)
const clientOnly = /* ---- */ R(200, 403, 403, 403, 403, 403, 403, 403, 403, 401)
const clientWrite = /* --- */ R(409, 403, 403, 403, 403, 403, 403, 403, 403, 401)

interface Row {
  route: string
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  path: (ids: Ids) => string
  body?: (ids: Ids) => unknown
  expect: Record<ActorName, number>
}
interface Ids {
  sam: string
  work: string
  partner: string
}

const matrix: Row[] = [
  { route: 'inventory', method: 'GET', path: (i) => `/clients/${i.sam}/inventory`, expect: sharedRead },
  { route: 'statements', method: 'GET', path: (i) => `/clients/${i.sam}/statements`, expect: sharedRead },
  { route: 'statements of the left-out domain', method: 'GET', path: (i) => `/clients/${i.sam}/statements?domain=partner`, expect: sharedRead },
  { route: 'history', method: 'GET', path: (i) => `/clients/${i.sam}/inventory/history`, expect: sharedRead },
  { route: 'comments', method: 'GET', path: (i) => `/clients/${i.sam}/comments`, expect: sharedRead },
  { route: 'agreement', method: 'GET', path: (i) => `/clients/${i.sam}/agreement`, expect: sharedRead },
  { route: 'add statement', method: 'POST', path: (i) => `/clients/${i.sam}/statements`, body: () => ({ domain: 'nope', time: 'present', text: 'Ik kan het' }), expect: R(400, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'change statement', method: 'PATCH', path: (i) => `/clients/${i.sam}/statements/${i.work}`, body: () => ({ version: 999, text: 'Anders' }), expect: clientWrite },
  { route: 'remove statement', method: 'DELETE', path: (i) => `/clients/${i.sam}/statements/${i.work}?version=999`, expect: clientWrite },
  { route: 'priorities', method: 'PUT', path: (i) => `/clients/${i.sam}/priorities`, body: () => ({ version: 999, priorities: [] }), expect: clientWrite },
  { route: 'remarks', method: 'PUT', path: (i) => `/clients/${i.sam}/remarks`, body: () => ({ version: 999, remarks: 'x' }), expect: clientWrite },
  { route: 'consents', method: 'GET', path: (i) => `/clients/${i.sam}/consents`, expect: clientOnly },
  { route: 'share', method: 'POST', path: (i) => `/clients/${i.sam}/consents`, body: () => ({ granteeId: '00000000-0000-4000-8000-000000000000', scopes: ['inventory'] }), expect: R(400, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'access log', method: 'GET', path: (i) => `/clients/${i.sam}/access-log`, expect: clientOnly },
  { route: 'comment on a shared domain', method: 'POST', path: (i) => `/clients/${i.sam}/statements/${i.work}/comments`, body: () => ({ kind: 'comment', body: 'Goed!' }), expect: R(403, 403, 201, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'comment on the left-out domain', method: 'POST', path: (i) => `/clients/${i.sam}/statements/${i.partner}/comments`, body: () => ({ kind: 'comment', body: 'x' }), expect: R(403, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'sign the agreement', method: 'POST', path: (i) => `/clients/${i.sam}/agreement/signatures`, body: () => ({}), expect: R(201, 403, 201, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'mark reviewed', method: 'POST', path: (i) => `/clients/${i.sam}/inventory/reviews`, expect: R(403, 403, 201, 403, 403, 403, 403, 403, 403, 401) },
]

let t: TestApi
const auth: Partial<Record<ActorName, { cookie?: string; headers?: Record<string, string> }>> = {}
const userIds: Partial<Record<ActorName, string>> = {}
let ids: Ids

beforeAll(async () => {
  t = await createTestApi()
  const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  if (!samRow) throw new Error('no sam')
  const extra = { kim: 'client', lotte: 'worker', bas: 'worker', pim: 'peer' } as const
  for (const [username, role] of Object.entries(extra)) {
    const [row] = await t.deps.db
      .insert(users)
      .values({ organisationId: samRow.organisationId, role, username, displayName: username, passwordHash: samRow.passwordHash })
      .returning()
    userIds[username as ActorName] = row!.id
  }
  await t.deps.db.insert(clientWorkers).values({ clientId: t.ids.sam, workerId: userIds.lotte! })
  for (const name of ['sam', 'kim', 'noor', 'lotte', 'bas', 'eva', 'pim', 'admin'] as const) {
    auth[name] = { cookie: await t.signIn(name) }
    userIds[name] ??= t.ids[name as keyof typeof t.ids]
  }
  const sam = auth.sam!.cookie!
  const base = `/clients/${t.ids.sam}`
  const partner = await (await t.json('POST', `${base}/statements`, { cookie: sam, body: { domain: 'partner', time: 'present', text: 'Ik zie mijn ex alleen op het station' } })).json()
  const inventory = await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()
  ids = { sam: t.ids.sam, work: inventory.statements.find((s: { domain: string }) => s.domain === 'work').id, partner: partner.statement.id }
  await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains: ['partner'], access: 'comment', endsAt: null } })
  await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.eva, scopes: ['inventory'], excludeDomains: ['partner'], access: 'read', endsAt: null } })
  const token = await (await t.json('POST', '/me/api-tokens', { cookie: auth.noor!.cookie!, body: { name: 'ECD', scopes: ['inventory'], expiresAt: new Date(t.deps.now().getTime() + 86_400_000).toISOString() } })).json()
  auth.token = { headers: { authorization: `Bearer ${token.token}` } }
  userIds.token = t.ids.noor
  auth.nobody = {}
})
afterAll(() => t.close())

const logCount = async () => (await t.deps.db.select({ n: count() }).from(accessLog).where(eq(accessLog.clientId, t.ids.sam)))[0]?.n ?? 0

describe('authorisation matrix', () => {
  const cases = matrix.flatMap((row) => actors.map((actor) => [row.route, actor, row] as const))
  it.each(cases)('%s × %s', async (_route, actor, row) => {
    const before = await logCount()
    const response = await t.json(row.method, row.path(ids), { ...auth[actor], ...(row.body ? { body: row.body(ids) } : {}) })
    const text = await response.text()
    expect(response.status, text).toBe(row.expect[actor])

    // A left-out domain never appears in anything a consented reader gets back.
    if (actor !== 'sam' && response.ok) {
      expect(text).not.toContain('partner')
      expect(text).not.toContain('station')
    }

    // Every access by someone other than the client wrote one log row with the right outcome;
    // token writes are refused at the door (read-only) before any client data is touched.
    const rows = (await logCount()) - before
    if (actor === 'sam') expect(rows).toBe(row.route === 'access log' ? 1 : 0)
    else if (actor === 'token' && row.method !== 'GET') expect(rows).toBe(0)
    else {
      expect(rows).toBe(1)
      const [entry] = await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, t.ids.sam)).orderBy(accessLog.at).offset(before)
      expect(entry).toMatchObject({
        actorId: actor === 'nobody' ? null : userIds[actor],
        outcome: response.ok ? 'allowed' : 'denied',
        via: actor === 'nobody' ? null : actor === 'token' ? 'token' : 'session',
      })
      if (response.ok) expect(entry?.basis).toMatch(/^consent:/)
    }
  })
})

describe('free text of a partly shared inventory', () => {
  it('keeps the remarks private when a domain is left out, since they may speak of it', async () => {
    const sam = auth.sam!.cookie!
    const own = await (await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: sam })).json()
    await t.json('PUT', `/clients/${t.ids.sam}/remarks`, { cookie: sam, body: { version: own.version, remarks: 'Over mijn ex wil ik later praten' } })
    const shared = await (await t.json('GET', `/clients/${t.ids.sam}/inventory`, { ...auth.eva })).json()
    expect(shared.remarks).toBe('')
    expect(JSON.stringify(shared)).not.toContain('ex wil ik')
    expect((await (await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: sam })).json()).remarks).toBe('Over mijn ex wil ik later praten')
  })
})

describe('revocation and end dates bite on the very next request', () => {
  it('revoke: the next read by the grantee and by their token is refused and logged as such', async () => {
    const sam = auth.sam!.cookie!
    const list = await (await t.json('GET', `/clients/${t.ids.sam}/consents`, { cookie: sam })).json()
    const noorConsent = list.find((consent: { granteeId: string }) => consent.granteeId === t.ids.noor)
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { ...auth.noor })).status).toBe(200)
    await t.json('DELETE', `/clients/${t.ids.sam}/consents/${noorConsent.id}`, { cookie: sam })
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { ...auth.noor })).status).toBe(403)
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { ...auth.token })).status).toBe(403)
    const [last] = await t.deps.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor)))
      .orderBy(accessLog.at)
      .offset(Number((await t.deps.db.select({ n: count() }).from(accessLog).where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor))))[0]?.n ?? 1) - 1)
    expect(last).toMatchObject({ outcome: 'denied', basis: 'consent_revoked', via: 'token' })
  })

  it('end date: allowed one moment, refused the next', async () => {
    const sam = auth.sam!.cookie!
    const endsAt = new Date(t.deps.now().getTime() + 5_000).toISOString()
    await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: userIds.pim, scopes: ['inventory'], excludeDomains: [], access: 'read', endsAt } })
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { ...auth.pim })).status).toBe(200)
    t.advance(5_001)
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { ...auth.pim })).status).toBe(403)
  })
})

// ---- Safety plan (scope `safety_plan`): its own share, never implied by sharing the inventory. ----
// Runs last: by now noor's consent is revoked and pim's has ended. Eva gets `safety_plan` here;
// noor's token has only the `inventory` scope.
describe('authorisation matrix: safety plan', () => {
  //                              sam  kim  noor lotte bas  eva  pim  admin token nobody
  const planRead = /* ------- */ R(200, 403, 403, 403, 403, 200, 403, 403, 403, 401)
  const rows: Row[] = [
    { route: 'safety plan', method: 'GET', path: (i) => `/clients/${i.sam}/safety-plan`, expect: planRead },
    { route: 'save safety plan', method: 'PUT', path: (i) => `/clients/${i.sam}/safety-plan`, body: () => ({ version: 999, warningSigns: [], selfHelp: [], people: [], places: [], reasons: ['x'], professionals: [] }), expect: clientWrite },
  ]
  beforeAll(async () => {
    const granted = await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: auth.sam!.cookie!, body: { granteeId: t.ids.eva, scopes: ['safety_plan'], access: 'read', endsAt: null } })
    expect(granted.status).toBe(201)
  })
  it.each(rows.flatMap((row) => actors.map((actor) => [row.route, actor, row] as const)))('%s × %s', async (_route, actor, row) => {
    const before = await logCount()
    const response = await t.json(row.method, row.path(ids), { ...auth[actor], ...(row.body ? { body: row.body(ids) } : {}) })
    expect(response.status, await response.text()).toBe(row.expect[actor])
    const logged = (await logCount()) - before
    if (actor === 'sam' || (actor === 'token' && row.method !== 'GET')) expect(logged).toBe(0)
    else {
      expect(logged).toBe(1)
      const [entry] = await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, t.ids.sam)).orderBy(accessLog.at).offset(before)
      expect(entry).toMatchObject({ scope: 'safety_plan', outcome: response.ok ? 'allowed' : 'denied' })
    }
  })
})
