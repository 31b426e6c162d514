import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { accessLog, organisations, trajectoryPhases, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

let t: TestApi
let sam: string
let noor: string
let otherWorker: string
let otherClientId: string
const path = (clientId = t.ids.sam) => `/clients/${clientId}/trajectory`

beforeAll(async () => {
  t = await createTestApi()
  ;[sam, noor] = await Promise.all([t.signIn('sam'), t.signIn('noor')])
  // A second organisation with its own worker and client.
  const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  const [other] = await t.deps.db.insert(organisations).values({ name: 'Andere Stichting' }).returning()
  const made = await t.deps.db
    .insert(users)
    .values([
      { organisationId: other!.id, role: 'worker', username: 'wim', displayName: 'Wim', passwordHash: samRow!.passwordHash },
      { organisationId: other!.id, role: 'client', username: 'ivy', displayName: 'Ivy', passwordHash: samRow!.passwordHash },
    ])
    .returning()
  otherClientId = made.find((u) => u.username === 'ivy')!.id
  otherWorker = await t.signIn('wim')
})
afterAll(() => t.close())

const logRows = (actorId: string) =>
  t.deps.db
    .select()
    .from(accessLog)
    .where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, actorId), eq(accessLog.scope, 'trajectory')))

describe('trajectory', () => {
  it('is empty before a start, for the client and the linked worker alike', async () => {
    for (const cookie of [sam, noor]) {
      const response = await t.json('GET', path(), { cookie })
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ model: null, phase: null, phases: [] })
    }
  })

  it('refuses an unknown model with a stable code, and starts nothing', async () => {
    const response = await t.json('POST', path(), { cookie: noor, body: { model: 'fact' } })
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe('unknown_trajectory_model')
    expect((await (await t.json('GET', path(), { cookie: noor })).json()).model).toBeNull()
  })

  it('refuses the client starting or moving their own trajectory (the worker does)', async () => {
    expect((await t.json('POST', path(), { cookie: sam, body: { model: 'cti' } })).status).toBe(403)
    expect((await t.json('POST', `${path()}/next`, { cookie: sam })).status).toBe(403)
  })

  it('answers next before a start with trajectory_not_started', async () => {
    const response = await t.json('POST', `${path()}/next`, { cookie: noor })
    expect(response.status).toBe(409)
    expect((await response.json()).code).toBe('trajectory_not_started')
  })

  it('starts a CTI trajectory in structuring with its planned end, and logs the start', async () => {
    const before = (await logRows(t.ids.noor)).length
    const response = await t.json('POST', path(), { cookie: noor, body: { model: 'cti' } })
    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body).toMatchObject({ model: 'cti', phase: 'structuring', nextPhase: 'testing' })
    expect(body.phases).toHaveLength(1)
    expect(body.phases[0]).toMatchObject({ id: 'structuring', endedAt: null, contact: 'high' })
    expect(new Date(body.phases[0].plannedEndAt).getTime() - new Date(body.phases[0].startedAt).getTime()).toBe(91 * 86_400_000)
    const rows = await logRows(t.ids.noor)
    expect(rows.length).toBe(before + 1)
    expect(rows.at(-1)).toMatchObject({ action: 'create', outcome: 'allowed', basis: 'linked_worker' })
  })

  it('refuses a second start (trajectory_exists) and keeps the first', async () => {
    const response = await t.json('POST', path(), { cookie: noor, body: { model: 'icm' } })
    expect(response.status).toBe(409)
    expect((await response.json()).code).toBe('trajectory_exists')
    expect((await (await t.json('GET', path(), { cookie: sam })).json()).model).toBe('cti')
  })

  it('moves on to testing: the phase behind it ends, the client sees it; each change is logged', async () => {
    t.advance(30 * 86_400_000)
    // A month later: everyone signs in again (sessions end after 30 idle minutes).
    ;[sam, noor, otherWorker] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('wim')])
    const response = await t.json('POST', `${path()}/next`, { cookie: noor, body: { from: 'structuring' } })
    expect(response.status).toBe(200)
    const seen = await (await t.json('GET', path(), { cookie: sam })).json()
    expect(seen.phase).toBe('testing')
    expect(seen.phases.map((p: { id: string }) => p.id)).toEqual(['structuring', 'testing'])
    expect(seen.phases[0].endedAt).not.toBeNull()
    expect(seen.phases[1].endedAt).toBeNull()
    const rows = await logRows(t.ids.noor)
    expect(rows.at(-1)).toMatchObject({ action: 'update', resource: 'trajectory_phase', outcome: 'allowed', basis: 'linked_worker' })
  })

  it('refuses a stale "next" (phase_changed): a second tap does not skip a phase', async () => {
    const response = await t.json('POST', `${path()}/next`, { cookie: noor, body: { from: 'structuring' } })
    expect(response.status).toBe(409)
    expect((await response.json()).code).toBe('phase_changed')
    expect((await (await t.json('GET', path(), { cookie: noor })).json()).phase).toBe('testing')
  })

  it('refuses a next phase after the last, and changes nothing', async () => {
    expect((await t.json('POST', `${path()}/next`, { cookie: noor })).status).toBe(200)
    const before = await t.deps.db.select().from(trajectoryPhases)
    const response = await t.json('POST', `${path()}/next`, { cookie: noor })
    expect(response.status).toBe(409)
    expect((await response.json()).code).toBe('trajectory_last_phase')
    const after = await t.deps.db.select().from(trajectoryPhases)
    expect(after).toEqual(before)
    expect((await (await t.json('GET', path(), { cookie: sam })).json()).phase).toBe('transfer')
  })

  it("refuses a worker of another organisation, logged, with the reason and nothing changed", async () => {
    const read = await t.json('GET', path(), { cookie: otherWorker })
    expect(read.status).toBe(403)
    expect(await read.json()).toMatchObject({ code: 'forbidden', fields: { reason: 'other_organisation' } })
    const start = await t.json('POST', path(), { cookie: otherWorker, body: { model: 'cti' } })
    expect(start.status).toBe(403)
    const [wim] = await t.deps.db.select().from(users).where(eq(users.username, 'wim'))
    const rows = await t.deps.db.select().from(accessLog).where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, wim!.id)))
    expect(rows.map((r) => [r.outcome, r.basis])).toEqual([
      ['denied', 'other_organisation'],
      ['denied', 'other_organisation'],
    ])
  })

  it("refuses noor a trajectory for another organisation's client", async () => {
    const response = await t.json('POST', path(otherClientId), { cookie: noor, body: { model: 'krachtwerk' } })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 'forbidden', fields: { reason: 'other_organisation' } })
    expect((await t.json('GET', path(otherClientId), { cookie: otherWorker })).status).toBe(403)
  })

  it('refuses a malformed body and an unknown field with a JSON problem', async () => {
    const bad = await t.json('POST', path(), { cookie: noor, body: '{"model":' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).code).toBe('invalid_json')
    const extra = await t.json('POST', `${path()}/next`, { cookie: noor, body: { from: 'x'.repeat(41) } })
    expect(extra.status).toBe(400)
  })
})

describe('capacity assessment (draagkracht/draaglast)', () => {
  const assessments = `/clients/{id}/capacity-assessments`
  const at = () => assessments.replace('{id}', t.ids.sam)
  const assessment = { capacity: 'Sam houdt vol en zoekt zelf hulp', load: 'Schulden en een kleine kamer', risks: 'Weinig slaap', safety: '', balance: 'in_balance' }

  it('is written by the linked worker only, screened, and never mixed into the inventory', async () => {
    expect((await t.json('POST', at(), { cookie: sam, body: assessment })).status).toBe(403)
    const saved = await t.json('POST', at(), { cookie: noor, body: { ...assessment, risks: 'Ze zegt: ik wil dood' } })
    expect(saved.status).toBe(201)
    const body = await saved.json()
    expect(body.assessment).toMatchObject({ capacity: assessment.capacity, balance: 'in_balance', authorName: 'Noor Haddou' })
    expect(body.safety.detected).toBe(true)
    const inventory = await (await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: sam })).json()
    expect(JSON.stringify(inventory)).not.toContain('Schulden en een kleine kamer')
  })

  it('is shown to the client on request, newest first, and to nobody outside the link', async () => {
    t.advance(1000)
    await t.json('POST', at(), { cookie: noor, body: { ...assessment, balance: 'capacity_outweighs' } })
    const own = await t.json('GET', at(), { cookie: sam })
    expect(own.status).toBe(200)
    const list = await own.json()
    expect(list.map((a: { balance: string }) => a.balance)).toEqual(['capacity_outweighs', 'in_balance'])
    expect((await t.json('GET', at(), { cookie: otherWorker })).status).toBe(403)
    expect((await t.json('GET', at(), { cookie: await t.signIn('eva') })).status).toBe(403)
  })

  it('refuses an unknown balance or an empty part with field messages, and saves nothing', async () => {
    const before = (await (await t.json('GET', at(), { cookie: noor })).json()).length
    const bad = await t.json('POST', at(), { cookie: noor, body: { ...assessment, balance: 'zwaar', capacity: '' } })
    expect(bad.status).toBe(400)
    expect((await bad.json()).fields).toMatchObject({ balance: 'invalid', capacity: 'required' })
    expect((await (await t.json('GET', at(), { cookie: noor })).json()).length).toBe(before)
  })
})
