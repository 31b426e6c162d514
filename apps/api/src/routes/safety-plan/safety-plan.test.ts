import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { accessLog, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'
import { createNetworkPerson } from '../../services/network'

let t: TestApi
let sam: string
let noor: string
const plan = (version: number, extra: Record<string, unknown> = {}) => ({
  version,
  warningSigns: ['Ik slaap slecht en blijf binnen'],
  selfHelp: ['Ik ga wandelen met de hond'],
  people: ['Mijn zus Fatima'],
  places: ['De bibliotheek'],
  reasons: ['Mijn hond Bo'],
  professionals: ['Noor, mijn begeleider'],
  ...extra,
})
const path = () => `/clients/${t.ids.sam}/safety-plan`

beforeAll(async () => {
  t = await createTestApi()
  ;[sam, noor] = await Promise.all([t.signIn('sam'), t.signIn('noor')])
})
afterAll(() => t.close())

describe('safety plan', () => {
  it('starts empty, saves on version 0, and refuses a stale version without changing anything', async () => {
    await createNetworkPerson(t.deps, { clientId: t.ids.sam, person: { name: 'Oma Jet', area: 'family', ring: 1, support: [], note: null, provenance: 'client', facilitatorId: null } })
    const empty = await (await t.json('GET', path(), { cookie: sam })).json()
    expect(empty).toMatchObject({ version: 0, warningSigns: [], people: [], updatedAt: null })
    expect(empty.networkNames).toContain('Oma Jet')

    const saved = await t.json('PUT', path(), { cookie: sam, body: plan(0) })
    expect(saved.status).toBe(200)
    const body = await saved.json()
    expect(body.plan).toMatchObject({ version: 1, reasons: ['Mijn hond Bo'] })
    expect(body.safety).toEqual({ detected: false, kind: null, level: null, helpLines: [] })

    const stale = await t.json('PUT', path(), { cookie: sam, body: plan(0, { reasons: ['Anders'] }) })
    expect(stale.status).toBe(409)
    expect((await stale.json()).code).toBe('version_conflict')
    const again = await t.json('PUT', path(), { cookie: sam, body: plan(5, { reasons: ['Anders'] }) })
    expect(again.status).toBe(409)
    expect((await (await t.json('GET', path(), { cookie: sam })).json()).reasons).toEqual(['Mijn hond Bo'])
  })

  it('saves a line that fires the screen as written, and answers with the help lines', async () => {
    const current = await (await t.json('GET', path(), { cookie: sam })).json()
    const text = 'Als ik denk dat iedereen beter af is zonder mij'
    const saved = await t.json('PUT', path(), { cookie: sam, body: plan(current.version, { warningSigns: [text] }) })
    expect(saved.status).toBe(200)
    const body = await saved.json()
    expect(body.plan.warningSigns).toEqual([text])
    expect(body.safety).toMatchObject({ detected: true, kind: 'suicide' })
    const tels = body.safety.helpLines.flatMap((line: { numbers: { tel: string }[] }) => line.numbers.map((n) => n.tel))
    expect(tels).toEqual(expect.arrayContaining(['tel:113', 'tel:08000113']))
  })

  it('is shared only through the safety_plan scope, and every read by someone else is logged', async () => {
    await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory', 'network'], endsAt: null } })
    expect((await t.json('GET', path(), { cookie: noor })).status).toBe(403)
    const granted = await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['safety_plan'], endsAt: null } })
    expect(granted.status).toBe(201)
    const read = await t.json('GET', path(), { cookie: noor })
    expect(read.status).toBe(200)
    const shared = await read.json()
    expect(shared.reasons).toEqual(['Mijn hond Bo'])
    // The VIP card names are the client's picking aid, not part of what the plan shares.
    expect(shared.networkNames).toBeUndefined()
    const rows = await t.deps.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor), eq(accessLog.scope, 'safety_plan')))
    expect(rows.map((row) => row.outcome)).toEqual(expect.arrayContaining(['denied', 'allowed']))
    expect(JSON.stringify(rows)).not.toContain('Bo')
    // Reading is not writing: the worker never writes the client's plan.
    expect((await t.json('PUT', path(), { cookie: noor, body: plan(2) })).status).toBe(403)
  })
})

describe('safety plan through the assistant', () => {
  it('a short offline conversation: each kept card becomes a line of the plan, a dropped one does not', async () => {
    const conversations = `/clients/${t.ids.sam}/conversations`
    let view = await (await t.json('POST', conversations, { cookie: sam, body: { flow: 'safety_plan' } })).json()
    expect(view.step.id).toBe('warningSigns')
    const answer = async (body: Record<string, unknown>) =>
      (await t.json('POST', `${conversations}/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: view.step.id, version: view.conversation.version, ...body } })).json()
    view = await answer({ text: 'Ik trek me terug, ik eet weinig' })
    expect(view.step.id).toBe('selfHelp')
    const cards = view.proposals.filter((p: { kind: string; status: string }) => p.kind === 'safety_plan_line' && p.status === 'proposed')
    expect(cards.map((c: { part: string; text: string }) => [c.part, c.text])).toEqual([
      ['warningSigns', 'Ik trek me terug'],
      ['warningSigns', 'ik eet weinig'],
    ])
    const before = await (await t.json('GET', path(), { cookie: sam })).json()
    const kept = await t.json('POST', `${conversations}/${view.conversation.id}/proposals/${cards[0].id}/accept`, { cookie: sam, body: {} })
    expect(kept.status).toBe(200)
    expect((await kept.json()).saved).toMatchObject({ kind: 'safety_plan_line', id: t.ids.sam })
    await t.json('POST', `${conversations}/${view.conversation.id}/proposals/${cards[1].id}/drop`, { cookie: sam, body: {} })
    const after = await (await t.json('GET', path(), { cookie: sam })).json()
    expect(after.warningSigns).toEqual([...before.warningSigns, 'Ik trek me terug'])
    expect(after.version).toBe(before.version + 1)
  })
})

describe('safety plan: bad input changes nothing', () => {
  const attempts: [string, Record<string, unknown>, string][] = [
    ['a 10 kB warning sign', { warningSigns: ['x'.repeat(10_000)] }, 'too_long'],
    ['script in a reason to go on', { reasons: ['<script>alert(1)</script>'] }, 'no_markup'],
    ['an image tag with a handler', { places: ['<img src=x onerror=alert(1)>'] }, 'no_markup'],
    ['thirteen lines in one part', { selfHelp: Array.from({ length: 13 }, (_, i) => `Stap ${i}`) }, 'too_many_lines'],
    ['an empty line', { people: ['   '] }, 'required'],
    ['a part that is not a list', { people: 'Fatima' }, ''],
    ['an unknown part', { secrets: ['x'] }, ''],
  ]
  it.each(attempts)('%s', async (_name, change, fieldMessage) => {
    const before = await (await t.json('GET', path(), { cookie: sam })).json()
    const response = await t.json('PUT', path(), { cookie: sam, body: plan(before.version, change) })
    expect(response.status).toBe(400)
    const problem = await response.json()
    expect(problem.code).toBe('validation_failed')
    if (fieldMessage) expect(Object.values(problem.fields)).toContain(fieldMessage)
    expect(await (await t.json('GET', path(), { cookie: sam })).json()).toEqual(before)
  })

  it('invisible and control characters are taken out at the edge (lib/schemas.ts), the words are kept', async () => {
    const before = await (await t.json('GET', path(), { cookie: sam })).json()
    const response = await t.json('PUT', path(), { cookie: sam, body: plan(before.version, { people: ['Fa\u0000ti\u202Ema'] }) })
    expect(response.status).toBe(200)
    expect((await response.json()).plan.people).toEqual(['Fatima'])
  })

  it("another client's plan: refused, logged, and nothing changes", async () => {
    const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
    await t.deps.db.insert(users).values({ organisationId: samRow!.organisationId, role: 'client', username: 'kim', displayName: 'Kim', passwordHash: samRow!.passwordHash })
    const kim = await t.signIn('kim')
    const before = await (await t.json('GET', path(), { cookie: sam })).json()
    expect((await t.json('GET', path(), { cookie: kim })).status).toBe(403)
    expect((await t.json('PUT', path(), { cookie: kim, body: plan(before.version, { reasons: ['overschreven'] }) })).status).toBe(403)
    expect(await (await t.json('GET', path(), { cookie: sam })).json()).toEqual(before)
  })

  it('a body that is not JSON gets a problem, not a stack trace', async () => {
    const response = await t.json('PUT', path(), { cookie: sam, body: '{"version": 1, "reasons": [' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'invalid_json' })
  })
})
