import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { createRoute, z } from '@hono/zod-openapi'
import { and, count, eq } from 'drizzle-orm'
import { accessLog, organisations, teams, users } from '@kracht/db'
import { createRouter } from '../lib/router'
import { cookieFrom, createTestApi, demoPassword, type TestApi } from '../testing'
import { clientRoute } from './client-route'
import { walkProblems } from './route-walk'

/**
 * Attacks on the consent gate, one test each; every one failed before the gate was part of the
 * route definitions (issue 12, items 12, 2, 7 and 9). The client is sam; noor is sam's worker, in
 * the demo team with eva (peer expert) and the coordinator.
 */

const tomorrow = (t: TestApi) => new Date(t.deps.now().getTime() + 86_400_000).toISOString()
const logRows = async (t: TestApi, actorId: string) =>
  (await t.deps.db.select({ n: count() }).from(accessLog).where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, actorId))))[0]?.n ?? 0

describe('a route without a declared rule fails the OpenAPI walk', () => {
  it('names a client route that declares no rule, and one that has no matrix row', () => {
    const params = z.object({ clientId: z.string().uuid() })
    const ok = { 200: { description: 'ok', content: { 'application/json': { schema: z.object({}) } } } }
    const router = createRouter()
      .openapi(createRoute({ method: 'get', path: '/clients/{clientId}/secret', request: { params }, responses: ok }), (c) => c.json({}, 200))
      .openapi(
        clientRoute({ access: { scope: 'inventory', action: 'read' }, method: 'get', path: '/clients/{clientId}/declared', request: { params }, responses: ok }),
        (c) => c.json({}, 200),
      )
    const document = router.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } })
    expect(walkProblems(document, new Set(['GET /clients/{clientId}/secret']))).toEqual([
      'GET /clients/{clientId}/secret: no access rule declared',
      'GET /clients/{clientId}/declared: no row in the authorisation matrix',
    ])
  })
})

describe('team shares name the people they cover; a coordinator gives nobody access', () => {
  let t: TestApi
  let sam: string
  let admin: string
  let teamId: string
  beforeAll(async () => {
    t = await createTestApi({ LOGIN_MAX_FAILURES_PER_IP: '1000' })
    sam = await t.signIn('sam')
    admin = await t.signIn('admin')
    const [noor] = await t.deps.db.select({ teamId: users.teamId }).from(users).where(eq(users.id, t.ids.noor))
    teamId = noor!.teamId!
  })
  afterAll(() => t.close())

  async function join(displayName: string, username: string, team: string | null) {
    const invited = await (await t.json('POST', '/invitations', { cookie: admin, body: { role: 'worker', displayName, ...(team ? { teamId: team } : {}) } })).json()
    const accepted = await t.json('POST', '/invitations/accept', { body: { code: invited.code, username, password: 'een lange zin voor mij' } })
    expect(accepted.status).toBe(201)
    return { cookie: cookieFrom(accepted), id: (await accepted.json()).id as string }
  }

  it('covers the people named at grant time; whoever is invited or moved into the team later gets 403', async () => {
    const otherTeam = await (await t.json('POST', '/teams', { cookie: admin, body: { name: 'Nachtploeg' } })).json()
    const bas = await join('Bas', 'bas', otherTeam.id)

    const before = await (await t.json('GET', `/clients/${t.ids.sam}/grantee-teams`, { cookie: sam })).json()
    expect(before[0].members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['Eva de Wit', 'Noor Haddou'])
    const granted = await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { teamId, scopes: ['inventory'], endsAt: tomorrow(t) } })
    expect(granted.status).toBe(201)
    expect((await granted.json()).members.map((m: { id: string }) => m.id).sort()).toEqual([t.ids.eva, t.ids.noor].sort())

    const eva = await t.signIn('eva')
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: eva })).status).toBe(200)

    // Invited straight into the team after the share.
    const newcomer = await join('Nieuw', 'nieuw', teamId)
    const invitedRead = await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: newcomer.cookie })
    expect(invitedRead.status).toBe(403)
    expect((await invitedRead.json()).fields).toEqual({ reason: 'not_covered' })

    // Moved into the team by the coordinator after the share.
    expect((await t.json('PUT', `/people/${bas.id}/team`, { cookie: admin, body: { teamId } })).status).toBe(204)
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: bas.cookie })).status).toBe(403)

    // The client sees who joined later and is not covered.
    const list = await (await t.json('GET', `/clients/${t.ids.sam}/consents`, { cookie: sam })).json()
    const team = list.find((consent: { teamId: string | null }) => consent.teamId === teamId)
    expect(team.notCovered.map((p: { displayName: string }) => p.displayName).sort()).toEqual(['Bas', 'Nieuw'])
  })

  it("refuses a team of another organisation with 404, and a malformed team id with 400 (never a 500)", async () => {
    const [org] = await t.deps.db.insert(organisations).values({ name: 'Andere Stichting' }).returning()
    const [foreign] = await t.deps.db.insert(teams).values({ organisationId: org!.id, name: 'Hun team' }).returning()
    const into = (team: string) => t.json('POST', '/invitations', { cookie: admin, body: { role: 'worker', displayName: 'Indringer', teamId: team } })
    expect((await into(foreign!.id)).status).toBe(404)
    expect((await into('00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await into('not-a-team')).status).toBe(400)
    const move = await t.json('PUT', `/people/${t.ids.noor}/team`, { cookie: admin, body: { teamId: foreign!.id } })
    expect(move.status).toBe(404)
    expect((await t.json('PUT', `/people/${t.ids.noor}/team`, { cookie: admin, body: { teamId: 'x' } })).status).toBe(400)
  })
})

describe('left-out domains never leak', () => {
  let t: TestApi
  let sam: string
  let noor: string
  let work: { id: string; version: number }
  let partner: { id: string; version: number }
  const base = () => `/clients/${t.ids.sam}`
  const share = async (body: Record<string, unknown>) => (await t.json('POST', `${base()}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, access: 'comment', endsAt: null, ...body } })).json()

  beforeAll(async () => {
    t = await createTestApi()
    sam = await t.signIn('sam')
    noor = await t.signIn('noor')
    const created = await (await t.json('POST', `${base()}/statements`, { cookie: sam, body: { domain: 'work', time: 'present', text: 'Ik kan goed plannen' } })).json()
    const hidden = await (await t.json('POST', `${base()}/statements`, { cookie: sam, body: { domain: 'partner', time: 'present', text: 'Ik zie mijn ex alleen op het station' } })).json()
    work = created.statement
    partner = hidden.statement
  })
  afterAll(() => t.close())

  it('a conversation about a domain left out later is withheld from the facilitator, and none can be started on it', async () => {
    const open = await share({ scopes: ['inventory'], excludeDomains: [] })
    const started = await t.json('POST', `${base()}/conversations`, { cookie: noor, body: { flow: 'strengths', context: { domains: ['partner'] } } })
    expect(started.status).toBe(201)
    const conversationId = (await started.json()).conversation.id
    await t.json('DELETE', `${base()}/consents/${open.id}`, { cookie: sam })
    await share({ scopes: ['inventory', 'sessions'], excludeDomains: ['partner'] })

    const list = await (await t.json('GET', `${base()}/conversations`, { cookie: noor })).json()
    expect(list.map((c: { id: string }) => c.id)).not.toContain(conversationId)
    expect((await t.json('GET', `${base()}/conversations/${conversationId}`, { cookie: noor })).status).toBe(404)
    const again = await t.json('POST', `${base()}/conversations`, { cookie: noor, body: { flow: 'strengths', context: { domains: ['partner'] } } })
    expect(again.status).toBe(403)
    // The client still has it.
    expect((await t.json('GET', `${base()}/conversations/${conversationId}`, { cookie: sam })).status).toBe(200)
  })

  it('comments and suggestions follow their statement into a left-out domain, in the list and the caseload count', async () => {
    await t.json('POST', `${base()}/statements/${work.id}/comments`, { cookie: noor, body: { kind: 'suggestion', body: 'Mooi', suggestedText: 'Ik plan graag mijn week' } })
    const caseloadCount = async () => ((await (await t.json('GET', '/caseload', { cookie: noor })).json()) as { clientId: string; openSuggestions: number }[]).find((row) => row.clientId === t.ids.sam)?.openSuggestions
    expect(await caseloadCount()).toBe(1)
    const moved = await t.json('PATCH', `${base()}/statements/${work.id}`, { cookie: sam, body: { version: work.version, domain: 'partner' } })
    expect(moved.status).toBe(200)
    const comments = await (await t.json('GET', `${base()}/comments`, { cookie: noor })).text()
    expect(comments).not.toContain(work.id)
    expect(comments).not.toContain('Ik plan graag')
    expect(await caseloadCount()).toBe(0)
    // Back in a shared domain, it shows again: the filter follows where the statement lives now.
    await t.json('PATCH', `${base()}/statements/${work.id}`, { cookie: sam, body: { version: work.version + 1, domain: 'work' } })
    work = { id: work.id, version: work.version + 2 }
    expect(await caseloadCount()).toBe(1)
  })

  it("the inventory's version and last change do not move when only a left-out domain changes", async () => {
    const look = async () => {
      const body = await (await t.json('GET', `${base()}/inventory`, { cookie: noor })).json()
      return { version: body.version, updatedAt: body.updatedAt }
    }
    const first = await look()
    t.advance(60_000)
    const own = await (await t.json('GET', `${base()}/inventory`, { cookie: sam })).json()
    await t.json('PATCH', `${base()}/statements/${partner.id}`, { cookie: sam, body: { version: partner.version, text: 'Ik zie mijn ex nooit meer' } })
    partner = { id: partner.id, version: partner.version + 1 }
    await t.json('PUT', `${base()}/priorities`, { cookie: sam, body: { version: own.version, priorities: [{ domain: 'partner', wish: 'Rust' }] } })
    expect(await look()).toEqual(first)
    // A change noor may see does move it (so the check above can fail).
    await t.json('PATCH', `${base()}/statements/${work.id}`, { cookie: sam, body: { version: work.version, text: 'Ik kan heel goed plannen' } })
    work = { id: work.id, version: work.version + 1 }
    expect(await look()).not.toEqual(first)
  })

  it("the agreement shows no hash or 'changed since signed' that covers a left-out domain", async () => {
    // Signing waits for open suggestions: sam answers them first.
    const open = ((await (await t.json('GET', `${base()}/comments`, { cookie: sam })).json()) as { id: string; kind: string; status: string }[]).filter(
      (c) => c.kind === 'suggestion' && c.status === 'open',
    )
    for (const c of open) await t.json('POST', `${base()}/suggestions/${c.id}/decision`, { cookie: sam, body: { decision: 'decline', version: 1 } })
    expect((await t.json('POST', `${base()}/agreement/signatures`, { cookie: sam, body: {} })).status).toBe(201)
    const full = (await (await t.json('GET', `${base()}/agreement`, { cookie: sam })).json()).contentHash
    const seen = async () => (await t.json('GET', `${base()}/agreement`, { cookie: noor })).text()
    const before = await seen()
    expect(before).not.toContain(full)
    expect(JSON.parse(before).signatures[0]).toMatchObject({ signerRole: 'client', contentHash: null, current: null })
    await t.json('PATCH', `${base()}/statements/${partner.id}`, { cookie: sam, body: { version: partner.version, text: 'Ik zie hem op zondag' } })
    partner = { id: partner.id, version: partner.version + 1 }
    expect(await seen()).toBe(before)
  })

  it('session notes stay private while a domain is left out (free text may speak of it)', async () => {
    const planned = await t.json('POST', '/sessions', {
      cookie: noor,
      body: { kind: 'one_to_one', title: 'Gesprek', agenda: '', startsAt: new Date(t.deps.now().getTime() + 60_000).toISOString(), clientIds: [t.ids.sam] },
    })
    expect(planned.status).toBe(201)
    t.advance(120_000)
    const sessionId = (await planned.json()).id
    expect((await t.json('PUT', `${base()}/sessions/${sessionId}/note`, { cookie: sam, body: { text: 'Mijn ex belde weer' } })).status).toBe(200)
    const notes = await t.json('GET', `${base()}/sessions/notes`, { cookie: noor })
    expect(notes.status).toBe(200)
    expect(await notes.json()).toEqual([])
  })
})

describe('the gate runs exactly once per request, and tokens stay inside their scopes', () => {
  let t: TestApi
  let token: string
  beforeAll(async () => {
    t = await createTestApi()
    const sam = await t.signIn('sam')
    const noor = await t.signIn('noor')
    await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], access: 'comment', endsAt: null } })
    token = (await (await t.json('POST', '/me/api-tokens', { cookie: noor, body: { name: 'ECD', scopes: ['inventory'], expiresAt: tomorrow(t), password: demoPassword } })).json()).token
  })
  afterAll(() => t.close())

  it('one log row for a request that finds its target first (a comment on a statement)', async () => {
    const noor = await t.signIn('noor')
    const inventory = await (await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: noor })).json()
    const before = await logRows(t, t.ids.noor)
    const response = await t.json('POST', `/clients/${t.ids.sam}/statements/${inventory.statements[0].id}/comments`, { cookie: noor, body: { kind: 'comment', body: 'Fijn' } })
    expect(response.status).toBe(201)
    expect((await logRows(t, t.ids.noor)) - before).toBe(1)
  })

  it.each(['/me', '/me/sessions', '/me/api-tokens', '/notifications', '/organisation', '/teams', '/people', '/my-clients', '/invitations'])(
    'a read-only token is refused on %s (not a declared consent read)',
    async (path) => {
      const response = await t.json('GET', path, { headers: { authorization: `Bearer ${token}` } })
      expect(response.status).toBe(403)
      expect((await response.json()).code).toBe('token_scope')
    },
  )

  it('a token is refused on the client-only routes without reaching the gate, and reads what was shared', async () => {
    const headers = { authorization: `Bearer ${token}` }
    const before = await logRows(t, t.ids.noor)
    expect((await t.json('GET', `/clients/${t.ids.sam}/consents`, { headers })).status).toBe(403)
    expect((await t.json('GET', `/clients/${t.ids.sam}/access-log`, { headers })).status).toBe(403)
    expect(await logRows(t, t.ids.noor)).toBe(before)
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { headers })).status).toBe(200)
    expect((await t.json('GET', '/health', { headers })).status).toBe(200)
    // The caseload (allow-listed): the same rules decide each figure, with the token's scopes.
    expect((await t.json('GET', '/caseload', { headers })).status).toBe(200)
  })

  it('holds the same when the API is mounted in the host under /api/v1 (which wraps its handlers)', async () => {
    const host = new Hono().route('/api/v1', t.api)
    const get = (path: string) => host.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })
    expect((await get(`/clients/${t.ids.sam}/inventory`)).status).toBe(200)
    expect((await get('/caseload')).status).toBe(200)
    expect((await get('/me')).status).toBe(403)
  })
})
