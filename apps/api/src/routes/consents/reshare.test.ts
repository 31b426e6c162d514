import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq, isNull } from 'drizzle-orm'
import { accessLog, consents } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

// Sharing again with the same person: one share per person, the old consent ended (never edited),
// so the access log keeps pointing at the terms that allowed each look.

let t: TestApi
let sam: string
let noor: string
let eva: string
let base: string
beforeAll(async () => {
  t = await createTestApi()
  ;[sam, noor, eva] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('eva')])
  base = `/clients/${t.ids.sam}`
  await t.json('POST', `${base}/statements`, { cookie: sam, body: { domain: 'partner', time: 'present', text: 'Ik spreek mijn ex alleen op het station' } })
})
afterAll(() => t.close())

interface Granted {
  id: string
  granteeId: string | null
  scopes: string[]
  excludeDomains: string[]
  access: string
  endsAt: string | null
  revokedAt: string | null
  active: boolean
  replacedIds: string[]
}

async function share(body: Record<string, unknown>): Promise<Granted> {
  const response = await t.json('POST', `${base}/consents`, { cookie: sam, body })
  expect(response.status).toBe(201)
  return (await response.json()) as Granted
}
const activeFor = async (granteeId: string) =>
  (await (await t.json('GET', `${base}/consents`, { cookie: sam })).json()).filter((c: { granteeId: string }) => c.granteeId === granteeId) as Granted[]
const basesOfNoor = async () =>
  (await t.deps.db.select({ basis: accessLog.basis }).from(accessLog).where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor)))).map((row) => row.basis)

describe('sharing again with the same person', () => {
  let first: Granted
  let second: Granted

  it('a first share replaces nothing', async () => {
    first = await share({ granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains: ['partner'], access: 'read' })
    expect(first.replacedIds).toEqual([])
    expect((await t.json('GET', `${base}/inventory`, { cookie: noor })).status).toBe(200)
    expect(await basesOfNoor()).toContain(`consent:${first.id}`)
  })

  it('replaces the share: the old consent ends with its terms unchanged, the new one starts, one share for the person', async () => {
    const endsAt = new Date(t.deps.now().getTime() + 30 * 86_400_000).toISOString()
    second = await share({ granteeId: t.ids.noor, scopes: ['inventory', 'action_plan'], excludeDomains: [], access: 'comment', endsAt })
    expect(second.id).not.toBe(first.id)
    expect(second).toMatchObject({ replacedIds: [first.id], scopes: ['inventory', 'action_plan'], excludeDomains: [], access: 'comment', active: true, revokedAt: null })

    // The client sees exactly one share with Noor: the new one.
    expect((await activeFor(t.ids.noor)).map((c) => c.id)).toEqual([second.id])
    const active = await t.deps.db
      .select()
      .from(consents)
      .where(and(eq(consents.clientId, t.ids.sam), eq(consents.granteeId, t.ids.noor), isNull(consents.revokedAt)))
    expect(active.map((row) => row.id)).toEqual([second.id])

    // The old consent is kept as it was, only ended (at the moment the new one starts).
    const all = (await (await t.json('GET', `${base}/consents?all=true`, { cookie: sam })).json()) as (Granted & { createdAt: string })[]
    const old = all.find((c) => c.id === first.id)
    expect(old).toMatchObject({ scopes: ['inventory'], excludeDomains: ['partner'], access: 'read', active: false })
    expect(old?.revokedAt).toBe(all.find((c) => c.id === second.id)?.createdAt)
  })

  it('the access log stays truthful: old rows point at the old consent, new rows at the new one', async () => {
    const inventory = await (await t.json('GET', `${base}/inventory`, { cookie: noor })).json()
    // The new terms hold: partner is no longer left out, the plan is shared too.
    expect(JSON.stringify(inventory)).toContain('station')
    expect((await t.json('GET', `${base}/goals`, { cookie: noor })).status).toBe(200)
    const bases = await basesOfNoor()
    expect(bases).toContain(`consent:${first.id}`)
    expect(bases).toContain(`consent:${second.id}`)
    const [oldRow] = await t.deps.db.select().from(consents).where(eq(consents.id, first.id))
    expect(oldRow).toMatchObject({ scopes: ['inventory'], excludeDomains: ['partner'], access: 'read' })
  })

  it('narrows too: leaving a domain out again hides it at once (the old, wider share no longer counts)', async () => {
    const third = await share({ granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains: ['partner'], access: 'read' })
    expect(third.replacedIds).toEqual([second.id])
    const inventory = await (await t.json('GET', `${base}/inventory`, { cookie: noor })).json()
    expect(JSON.stringify(inventory)).not.toContain('station')
    expect((await t.json('GET', `${base}/goals`, { cookie: noor })).status).toBe(403)
    expect((await activeFor(t.ids.noor)).map((c) => c.id)).toEqual([third.id])
  })

  it('another person is another share: sharing with Eva leaves Noor\'s share alone', async () => {
    const [noorsShare] = await activeFor(t.ids.noor)
    const withEva = await share({ granteeId: t.ids.eva, scopes: ['inventory'], access: 'read' })
    expect(withEva.replacedIds).toEqual([])
    expect((await activeFor(t.ids.noor)).map((c) => c.id)).toEqual([noorsShare?.id])
    expect((await t.json('GET', `${base}/inventory`, { cookie: eva })).status).toBe(200)
  })

  it('a refused re-share changes nothing: the share that was there still holds', async () => {
    const [before] = await activeFor(t.ids.noor)
    const response = await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains: ['dreams'] } })
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe('unknown_life_domain')
    expect((await activeFor(t.ids.noor)).map((c) => c.id)).toEqual([before?.id])
    expect((await t.json('GET', `${base}/inventory`, { cookie: noor })).status).toBe(200)
  })

  it('a share that was stopped or has ended is not replaced, only a share in force', async () => {
    const [current] = await activeFor(t.ids.noor)
    expect((await t.json('DELETE', `${base}/consents/${current?.id}`, { cookie: sam })).status).toBe(200)
    const soon = new Date(t.deps.now().getTime() + 60_000).toISOString()
    const short = await share({ granteeId: t.ids.noor, scopes: ['inventory'], endsAt: soon })
    expect(short.replacedIds).toEqual([])
    t.advance(61_000)
    const again = await share({ granteeId: t.ids.noor, scopes: ['inventory'] })
    expect(again.replacedIds).toEqual([])
    const [ended] = await t.deps.db.select().from(consents).where(eq(consents.id, short.id))
    // An ended share keeps its own end: it was not stopped by the new one.
    expect(ended?.revokedAt).toBeNull()
  })

  it('two shares with the same person sent at once leave one share in force', async () => {
    const send = () => t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], access: 'comment' } })
    const answers = await Promise.all([send(), send()])
    expect(answers.map((a) => a.status)).toEqual([201, 201])
    expect(await activeFor(t.ids.noor)).toHaveLength(1)
  })

  it('a team share replaces nothing: each is for one team strengths meeting', async () => {
    const [noorsShare] = await activeFor(t.ids.noor)
    const grantees = await (await t.json('GET', `${base}/grantees`, { cookie: sam })).json()
    const teamId = grantees.find((person: { id: string }) => person.id === t.ids.noor).teamId
    const endsAt = new Date(t.deps.now().getTime() + 7 * 86_400_000).toISOString()
    const one = await share({ teamId, scopes: ['inventory'], endsAt })
    const two = await share({ teamId, scopes: ['inventory'], endsAt })
    expect([one.replacedIds, two.replacedIds]).toEqual([[], []])
    const active = (await (await t.json('GET', `${base}/consents`, { cookie: sam })).json()) as { id: string; teamId: string | null }[]
    expect(active.filter((c) => c.teamId === teamId)).toHaveLength(2)
    expect((await activeFor(t.ids.noor)).map((c) => c.id)).toEqual([noorsShare?.id])
  })

  it('names the share it means to replace: a share in force that the client did not see is left as it is (share_changed)', async () => {
    const [before] = await activeFor(t.ids.noor)
    if (!before) throw new Error('noor has a share here')
    const send = (replaces: string | null) =>
      t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['network'], access: 'read', replaces } })
    // From an empty form ("I saw no share"), and from a form that showed an older share: nothing changes.
    for (const unseen of [null, first.id]) {
      const refused = await send(unseen)
      expect(refused.status).toBe(409)
      expect((await refused.json()).code).toBe('share_changed')
      expect((await activeFor(t.ids.noor)).map((c) => ({ id: c.id, scopes: c.scopes }))).toEqual([{ id: before.id, scopes: before.scopes }])
    }
    // With the share the client saw: replaced, as before.
    const seen = await send(before.id)
    expect(seen.status).toBe(201)
    expect((await seen.json()).replacedIds).toEqual([before.id])
    // A share stopped since the form showed it: nothing in force to lose, so the new one starts.
    const [evas] = await activeFor(t.ids.eva)
    expect((await t.json('DELETE', `${base}/consents/${evas?.id}`, { cookie: sam })).status).toBe(200)
    const withEva = await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.eva, scopes: ['inventory'], replaces: evas?.id } })
    expect(withEva.status).toBe(201)
    expect((await withEva.json()).replacedIds).toEqual([])
  })

  it('the contract says so', async () => {
    const document = await (await t.api.request('/openapi.json')).json()
    const operation = document.paths['/clients/{clientId}/consents'].post
    expect(operation.description).toMatch(/replaces it/)
    const schema = operation.responses['201'].content['application/json'].schema
    expect(schema.$ref ?? '').toMatch(/GrantedConsent$/)
  })
})
