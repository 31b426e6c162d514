import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { accessLog, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

let t: TestApi
let sam: string
let noor: string
let kim: string
const bridge = () => `/clients/${t.ids.sam}/bridge`
const placements = () => `/clients/${t.ids.sam}/bridge/placements`
const money = () => `/clients/${t.ids.sam}/money`
const current = async (pillar: string) => {
  const view = await (await t.json('GET', bridge(), { cookie: sam })).json()
  return view.pillars.find((p: { pillar: string }) => p.pillar === pillar).current
}

beforeAll(async () => {
  t = await createTestApi()
  const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  await t.deps.db.insert(users).values({ organisationId: samRow!.organisationId, role: 'client', username: 'kim', displayName: 'Kim', passwordHash: samRow!.passwordHash })
  ;[sam, noor, kim] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('kim')])
})
afterAll(() => t.close())

describe('the bridge', () => {
  it('shows the five pillars in a fixed order, each with every placement kept (the demo placed Sam twice)', async () => {
    const view = await (await t.json('GET', bridge(), { cookie: sam })).json()
    expect(view.pillars.map((p: { pillar: string }) => p.pillar)).toEqual(['family', 'wellbeing', 'money', 'education', 'work'])
    const money = view.pillars.find((p: { pillar: string }) => p.pillar === 'money')
    expect(money.history.map((p: { step: number }) => p.step)).toEqual([1, 2])
    expect(money.current).toMatchObject({ step: 2, nextStep: 3 })
  })

  it('keeps every placement as a version: the newest is where the client stands now', async () => {
    const before = await current('money')
    t.advance(60_000)
    const saved = await t.json('POST', placements(), { cookie: sam, body: { pillar: 'money', step: 3, after: before.id } })
    expect(saved.status).toBe(201)
    const body = await saved.json()
    expect(body.placement).toMatchObject({ pillar: 'money', step: 3, nextStep: null, note: null, version: 1 })
    expect(body.safety.detected).toBe(false)
    const view = await (await t.json('GET', bridge(), { cookie: sam })).json()
    const pillar = view.pillars.find((p: { pillar: string }) => p.pillar === 'money')
    expect(pillar.history.map((p: { step: number }) => p.step)).toEqual([1, 2, 3])
    expect(pillar.current.id).toBe(body.placement.id)
  })

  it('refuses a placement from a stale page (409) and saves nothing', async () => {
    const before = await current('money')
    // The page still thought there was nothing on this pillar.
    const stale = await t.json('POST', placements(), { cookie: sam, body: { pillar: 'money', step: 5, after: null } })
    expect(stale.status).toBe(409)
    expect((await stale.json()).code).toBe('version_conflict')
    expect(await current('money')).toEqual(before)
  })

  it('lets the client change a placement on its version, and refuses a stale version', async () => {
    const now = await current('money')
    const changed = await t.json('PATCH', `${placements()}/${now.id}`, { cookie: sam, body: { version: now.version, nextStep: 3, note: 'Met hulp van Fatima' } })
    expect(changed.status).toBe(200)
    expect((await changed.json()).placement).toMatchObject({ step: 3, nextStep: 3, note: 'Met hulp van Fatima', version: now.version + 1 })
    const stale = await t.json('PATCH', `${placements()}/${now.id}`, { cookie: sam, body: { version: now.version, step: 4 } })
    expect(stale.status).toBe(409)
    expect((await current('money')).step).toBe(3)
  })

  it('lets the client remove a placement: the pillar shows the one before it', async () => {
    const now = await current('money')
    expect((await t.json('DELETE', `${placements()}/${now.id}?version=${now.version - 1}`, { cookie: sam })).status).toBe(409)
    expect((await t.json('DELETE', `${placements()}/${now.id}?version=${now.version}`, { cookie: sam })).status).toBe(204)
    expect((await current('money')).step).toBe(2)
    expect((await t.json('DELETE', `${placements()}/${now.id}?version=${now.version}`, { cookie: sam })).status).toBe(404)
  })

  it('screens the note and answers with the help lines, saving the words as written', async () => {
    const text = 'Soms denk ik dat iedereen beter af is zonder mij'
    const saved = await t.json('POST', placements(), { cookie: sam, body: { pillar: 'wellbeing', step: 2, note: text, after: (await current('wellbeing')).id } })
    expect(saved.status).toBe(201)
    const body = await saved.json()
    expect(body.placement.note).toBe(text)
    expect(body.safety).toMatchObject({ detected: true })
  })
})

describe('the bridge: bad input changes nothing', () => {
  const attempts: [string, Record<string, unknown>, string][] = [
    ['a pillar that does not exist', { pillar: 'housing', step: 2, after: null }, 'unknown_pillar'],
    ['step 7', { pillar: 'work', step: 7, after: null }, 'step_out_of_range'],
    ['step 0', { pillar: 'work', step: 0, after: null }, 'step_out_of_range'],
    ['a next step of 6', { pillar: 'work', step: 2, nextStep: 6, after: null }, 'step_out_of_range'],
    ['half a step', { pillar: 'work', step: 2.5, after: null }, 'step_out_of_range'],
    ['a 10 kB note', { pillar: 'work', step: 2, note: 'x'.repeat(10_000), after: null }, 'too_long'],
    ['a grade from somewhere else', { pillar: 'work', step: 2, after: null, score: 5 }, ''],
  ]
  it.each(attempts)('%s', async (_name, body, fieldMessage) => {
    const before = await (await t.json('GET', bridge(), { cookie: sam })).json()
    const response = await t.json('POST', placements(), { cookie: sam, body })
    expect(response.status).toBe(400)
    const problem = await response.json()
    expect(problem.code).toBe('validation_failed')
    if (fieldMessage) expect(Object.values(problem.fields)).toContain(fieldMessage)
    expect(await (await t.json('GET', bridge(), { cookie: sam })).json()).toEqual(before)
  })

  it("another client's bridge: refused and nothing changes", async () => {
    const before = await (await t.json('GET', bridge(), { cookie: sam })).json()
    expect((await t.json('GET', bridge(), { cookie: kim })).status).toBe(403)
    expect((await t.json('POST', placements(), { cookie: kim, body: { pillar: 'work', step: 3, after: null } })).status).toBe(403)
    const money = before.pillars.find((p: { pillar: string }) => p.pillar === 'money').current
    expect((await t.json('DELETE', `${placements()}/${money.id}?version=${money.version}`, { cookie: kim })).status).toBe(403)
    // Kim's own bridge does not reach Sam's placement either.
    expect((await t.json('PATCH', `/clients/${await kimId()}/bridge/placements/${money.id}`, { cookie: kim, body: { version: money.version, step: 5 } })).status).toBe(404)
    expect(await (await t.json('GET', bridge(), { cookie: sam })).json()).toEqual(before)
  })
})

const kimId = async () => (await t.deps.db.select({ id: users.id }).from(users).where(eq(users.username, 'kim')))[0]!.id

const page = (version: number, extra: Record<string, unknown> = {}) => ({
  version,
  income: [{ source: 'Bijstand', amountCents: null }, { source: 'Toeslag voor de zorg', amountCents: 12300 }],
  fixedCosts: [{ what: 'Huur', amountCents: 52000 }],
  debts: [{ toWhom: 'De zorgverzekeraar', amountCents: null, arrangement: 'Elke maand een klein bedrag' }],
  helpers: [{ kind: 'budget_coach', name: 'Fatima' }, { kind: 'debt_help', name: null }],
  note: '',
  ...extra,
})

describe('the money page', () => {
  it('saves on the version read and refuses a stale version without changing anything', async () => {
    const demo = await (await t.json('GET', money(), { cookie: sam })).json()
    expect(demo).toMatchObject({ version: 1, income: [{ source: 'Uitkering', amountCents: null }] })
    const saved = await t.json('PUT', money(), { cookie: sam, body: page(demo.version) })
    expect(saved.status).toBe(200)
    const body = await saved.json()
    expect(body.money).toMatchObject({ version: 2, fixedCosts: [{ what: 'Huur', amountCents: 52000 }] })
    expect(body.money.debts[0]).toEqual({ toWhom: 'De zorgverzekeraar', amountCents: null, arrangement: 'Elke maand een klein bedrag' })
    expect(body.safety.detected).toBe(false)
    const stale = await t.json('PUT', money(), { cookie: sam, body: page(demo.version, { note: 'anders' }) })
    expect(stale.status).toBe(409)
    expect((await stale.json()).code).toBe('version_conflict')
    expect((await (await t.json('GET', money(), { cookie: sam })).json()).note).toBe('')
  })

  it('screens every text: a debt arrangement that fires the screen is saved as written, with help', async () => {
    const before = await (await t.json('GET', money(), { cookie: sam })).json()
    const text = 'Hij pakt mijn geld af en slaat me als ik niks zeg'
    const saved = await t.json('PUT', money(), { cookie: sam, body: page(before.version, { debts: [{ toWhom: 'Mijn ex', arrangement: text }] }) })
    expect(saved.status).toBe(200)
    const body = await saved.json()
    expect(body.money.debts[0].arrangement).toBe(text)
    expect(body.safety.detected).toBe(true)
  })

  const bad: [string, Record<string, unknown>, string][] = [
    ['a 10 kB note', { note: 'x'.repeat(10_000) }, 'too_long'],
    ['a negative amount', { fixedCosts: [{ what: 'Huur', amountCents: -5 }] }, 'invalid_amount'],
    ['an amount as words', { income: [{ source: 'Werk', amountCents: 'veel' }] }, 'invalid_amount'],
    ['an unknown helper', { helpers: [{ kind: 'judge', name: null }] }, 'unknown_helper'],
    ['an empty debt line', { debts: [{ toWhom: '  ' }] }, 'required'],
    ['twenty-one costs', { fixedCosts: Array.from({ length: 21 }, (_, i) => ({ what: `Kosten ${i}` })) }, 'too_many_lines'],
  ]
  it.each(bad)('bad input: %s', async (_name, change, fieldMessage) => {
    const before = await (await t.json('GET', money(), { cookie: sam })).json()
    const response = await t.json('PUT', money(), { cookie: sam, body: page(before.version, change) })
    expect(response.status).toBe(400)
    const problem = await response.json()
    expect(problem.code).toBe('validation_failed')
    expect(Object.values(problem.fields)).toContain(fieldMessage)
    expect(await (await t.json('GET', money(), { cookie: sam })).json()).toEqual(before)
  })

  it("another client's money page: refused and nothing changes", async () => {
    const before = await (await t.json('GET', money(), { cookie: sam })).json()
    expect((await t.json('GET', money(), { cookie: kim })).status).toBe(403)
    expect((await t.json('PUT', money(), { cookie: kim, body: page(before.version, { note: 'overschreven' }) })).status).toBe(403)
    expect(await (await t.json('GET', money(), { cookie: sam })).json()).toEqual(before)
  })
})

describe('sharing the bridge and the money page', () => {
  it('only through the livelihood scope, never implied by another share; every read by someone else is logged', async () => {
    await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory', 'action_plan', 'safety_plan'], endsAt: null } })
    expect((await t.json('GET', bridge(), { cookie: noor })).status).toBe(403)
    expect((await t.json('GET', money(), { cookie: noor })).status).toBe(403)
    const granted = await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['livelihood'], endsAt: null } })
    expect(granted.status).toBe(201)
    expect((await t.json('GET', bridge(), { cookie: noor })).status).toBe(200)
    const shared = await (await t.json('GET', money(), { cookie: noor })).json()
    expect(shared.fixedCosts).toEqual([{ what: 'Huur', amountCents: 52000 }])
    // The VIP card names are the client's picking aid, not part of what is shared.
    expect(shared.networkNames).toBeUndefined()
    // Reading is not writing: the worker never writes the client's bridge or money page.
    expect((await t.json('POST', placements(), { cookie: noor, body: { pillar: 'work', step: 3, after: null } })).status).toBe(403)
    expect((await t.json('PUT', money(), { cookie: noor, body: page(shared.version) })).status).toBe(403)
    const rows = await t.deps.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor), eq(accessLog.scope, 'livelihood')))
    expect(rows.map((row) => row.outcome)).toEqual(expect.arrayContaining(['denied', 'allowed']))
    expect(rows.map((row) => row.resource)).toEqual(expect.arrayContaining(['bridge', 'money']))
    expect(JSON.stringify(rows)).not.toContain('Huur')
  })

  it('the export holds every placement and the money page; nobody else gets it', async () => {
    const file = await (await t.json('GET', `/clients/${t.ids.sam}/export`, { cookie: sam })).json()
    expect(file.livelihood.bridge.length).toBeGreaterThanOrEqual(2)
    expect(file.livelihood.money.fixedCosts).toEqual([{ what: 'Huur', amountCents: 52000 }])
    expect(file.tables.bridge_placements).toBe('livelihood.bridge')
  })
})
