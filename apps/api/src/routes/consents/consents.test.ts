import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { consents, organisations, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

let t: TestApi
let sam: string
let noor: string
let base: string
let otherOrgWorker: string
beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  noor = await t.signIn('noor')
  base = `/clients/${t.ids.sam}`
  const [org] = await t.deps.db.insert(organisations).values({ name: 'Elders' }).returning()
  const [worker] = await t.deps.db.insert(users).values({ organisationId: org!.id, role: 'worker', username: 'elders', displayName: 'Elders' }).returning()
  otherOrgWorker = worker!.id
  await t.json('POST', `${base}/statements`, { cookie: sam, body: { domain: 'partner', time: 'present', text: 'Ik heb contact met mijn ex over de kinderen' } })
})
afterAll(() => t.close())

const share = (body: Record<string, unknown>) => t.json('POST', `${base}/consents`, { cookie: sam, body })
const count = async () => (await t.deps.db.select().from(consents).where(eq(consents.clientId, t.ids.sam))).length

describe('consents', () => {
  it('nothing is shared by default', async () => {
    expect(await (await t.json('GET', `${base}/consents`, { cookie: sam })).json()).toEqual([])
    expect((await t.json('GET', `${base}/inventory`, { cookie: noor })).status).toBe(403)
  })

  it.each([
    ['unknown grantee', { granteeId: '00000000-0000-4000-8000-000000000000', scopes: ['inventory'] }, 'unknown_grantee'],
    ['not a uuid', { granteeId: 'noor', scopes: ['inventory'] }, 'unknown_grantee'],
    ['unknown scope', { granteeId: 'NOOR', scopes: ['diary'] }, 'unknown_scope'],
    ['no scope', { granteeId: 'NOOR', scopes: [] }, 'unknown_scope'],
    ['unknown domain', { granteeId: 'NOOR', scopes: ['inventory'], excludeDomains: ['dreams'] }, 'unknown_life_domain'],
    ['end date in the past', { granteeId: 'NOOR', scopes: ['inventory'], endsAt: '2020-01-01T00:00:00Z' }, 'ends_in_past'],
    ['grantee of another organisation', { granteeId: 'OTHER', scopes: ['inventory'] }, 'grantee_other_organisation'],
    ['the coordinator', { granteeId: 'ADMIN', scopes: ['inventory'] }, 'grantee_role_not_allowed'],
  ])('refuses %s with a clear code and changes nothing', async (_name, body, code) => {
    const resolved = { ...body, granteeId: body.granteeId === 'NOOR' ? t.ids.noor : body.granteeId === 'OTHER' ? otherOrgWorker : body.granteeId === 'ADMIN' ? t.ids.admin : body.granteeId }
    const response = await share(resolved)
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe(code)
    expect(await count()).toBe(0)
  })

  it('refuses a worker who is not linked to the client', async () => {
    const [org] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.noor))
    const [bas] = await t.deps.db.insert(users).values({ organisationId: org!.organisationId, role: 'worker', username: 'bas', displayName: 'Bas' }).returning()
    const response = await share({ granteeId: bas!.id, scopes: ['inventory'] })
    expect((await response.json()).code).toBe('grantee_not_linked')
    expect(await count()).toBe(0)
  })

  it('shares, filters the left-out domain, and stops at once on revoke', async () => {
    const response = await share({ granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains: ['partner'], access: 'comment', endsAt: null })
    expect(response.status).toBe(201)
    const consent = await response.json()
    expect(consent).toMatchObject({ granteeName: 'Noor Haddou', scopes: ['inventory'], excludeDomains: ['partner'], access: 'comment', active: true })

    const inventory = await (await t.json('GET', `${base}/inventory`, { cookie: noor })).json()
    expect(inventory.statements.length).toBeGreaterThan(10)
    expect(JSON.stringify(inventory)).not.toContain('partner')
    expect(JSON.stringify(await (await t.json('GET', `${base}/inventory/history`, { cookie: noor })).json())).not.toContain('partner')
    expect(await (await t.json('GET', `${base}/statements?domain=partner`, { cookie: noor })).json()).toEqual([])
    // Reading is not writing.
    expect((await t.json('POST', `${base}/statements`, { cookie: noor, body: { domain: 'work', time: 'present', text: 'Ik kan het' } })).status).toBe(403)

    expect((await t.json('DELETE', `${base}/consents/${consent.id}`, { cookie: sam })).status).toBe(200)
    expect((await t.json('GET', `${base}/inventory`, { cookie: noor })).status).toBe(403)
    const again = await t.json('DELETE', `${base}/consents/${consent.id}`, { cookie: sam })
    expect(again.status).toBe(409)
    expect((await again.json()).code).toBe('consent_already_revoked')
  })

  it('an end date bites at once', async () => {
    const endsAt = new Date(t.deps.now().getTime() + 60_000).toISOString()
    expect((await share({ granteeId: t.ids.noor, scopes: ['inventory'], endsAt })).status).toBe(201)
    expect((await t.json('GET', `${base}/inventory`, { cookie: noor })).status).toBe(200)
    t.advance(61_000)
    expect((await t.json('GET', `${base}/inventory`, { cookie: noor })).status).toBe(403)
  })

  it('only the client manages consents and reads the log', async () => {
    expect((await t.json('GET', `${base}/consents`, { cookie: noor })).status).toBe(403)
    expect((await t.json('POST', `${base}/consents`, { cookie: noor, body: { granteeId: t.ids.noor, scopes: ['inventory'] } })).status).toBe(403)
    expect((await t.json('GET', `${base}/access-log`, { cookie: noor })).status).toBe(403)
    expect((await t.json('GET', `${base}/access-log`)).status).toBe(401)
  })

  it('the client sees who looked, with names, newest first', async () => {
    const log = await (await t.json('GET', `${base}/access-log`, { cookie: sam })).json()
    expect(log[0]).toMatchObject({ actorName: 'Noor Haddou' })
    expect(log.some((entry: { outcome: string; basis: string }) => entry.outcome === 'denied' && entry.basis === 'consent_revoked')).toBe(true)
    expect(log.some((entry: { outcome: string; basis: string }) => entry.outcome === 'allowed' && entry.basis.startsWith('consent:'))).toBe(true)
    const times = log.map((entry: { at: string }) => entry.at)
    expect([...times].sort().reverse()).toEqual(times)
    // Sam's own look at the log is logged too.
    const own = await (await t.json('GET', `${base}/access-log?includeOwn=true`, { cookie: sam })).json()
    expect(own.some((entry: { actorId: string; scope: string }) => entry.actorId === t.ids.sam && entry.scope === 'access_log')).toBe(true)
  })

  it("names the worker's team among the grantees, so the client can share for one team strengths meeting", async () => {
    const grantees = await (await t.json('GET', `${base}/grantees`, { cookie: sam })).json()
    const worker = grantees.find((person: { id: string }) => person.id === t.ids.noor)
    expect(worker).toMatchObject({ role: 'worker', teamName: 'Team Centrum' })
    expect(worker.teamId).toMatch(/^[0-9a-f-]{36}$/)
    expect((await t.json('GET', `${base}/grantees`, { cookie: noor })).status).toBe(403)
    // A team share needs an end date; with one, it is shared with the team by name.
    const without = await share({ teamId: worker.teamId, scopes: ['inventory'] })
    expect(without.status).toBe(400)
    const endsAt = new Date(t.deps.now().getTime() + 7 * 86_400_000).toISOString()
    const shared = await share({ teamId: worker.teamId, scopes: ['inventory'], endsAt })
    expect(shared.status).toBe(201)
    expect(await shared.json()).toMatchObject({ teamId: worker.teamId, teamName: 'Team Centrum', granteeId: null })
  })
})
