import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { careSessionFacilitatorNotes, careSessionReflections } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

let t: TestApi
let sam: string
let noor: string
let eva: string
beforeAll(async () => {
  t = await createTestApi()
  ;[sam, noor, eva] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('eva')])
})
afterAll(() => t.close())

const inHours = (hours: number) => new Date(t.deps.now().getTime() + hours * 3_600_000).toISOString()

async function plan(cookie: string, body: Record<string, unknown>) {
  return t.json('POST', '/sessions', { cookie, body: { kind: 'one_to_one', title: 'Krachtengesprek', startsAt: inHours(2), clientIds: [t.ids.sam], ...body } })
}

describe('the peer expert co-facilitates a session', () => {
  it('plans, changes, keeps notes after the start only, and both facilitators read one reflection', async () => {
    const planned = await plan(noor, { peerId: t.ids.eva, place: 'De Brug, zaal 2' })
    expect(planned.status).toBe(201)
    const { id } = await planned.json()

    const seen = await (await t.json('GET', `/sessions/${id}`, { cookie: eva })).json()
    expect(seen).toMatchObject({ place: 'De Brug, zaal 2', workerName: 'Noor Haddou', peerName: 'Eva de Wit', happened: false, version: 1, myNote: null, reflection: null })
    expect(seen.attendees).toEqual([{ id: t.ids.sam, displayName: expect.any(String) }])
    // Not a facilitator: nothing to see. A client has no facilitator view at all.
    const bas = await t.json('GET', `/sessions/${id}`, { cookie: await t.signIn('admin') })
    expect(bas.status).toBe(403)
    expect((await t.json('GET', `/sessions/${id}`, { cookie: sam })).status).toBe(403)

    // Either facilitator changes it; the other's stale form is refused, not lost in silence.
    const changed = await t.json('PATCH', `/sessions/${id}`, { cookie: eva, body: { version: 1, place: 'Buurthuis De Linde' } })
    expect(changed.status).toBe(200)
    const stale = await t.json('PATCH', `/sessions/${id}`, { cookie: noor, body: { version: 1, title: 'Anders' } })
    expect(stale.status).toBe(409)
    expect((await stale.json()).code).toBe('version_conflict')
    const mine = await (await t.json('GET', '/me/sessions', { cookie: sam })).json()
    expect(mine[0]).toMatchObject({ place: 'Buurthuis De Linde', title: 'Krachtengesprek', happened: false })

    // Before the session: no notes, no reflection, from anyone; nothing saved.
    for (const [cookie, path] of [
      [eva, `/sessions/${id}/my-note`],
      [noor, `/sessions/${id}/reflection`],
      [sam, `/clients/${t.ids.sam}/sessions/${id}/note`],
    ] as const) {
      const early = await t.json('PUT', path, { cookie, body: { text: 'Het ging goed' } })
      expect(early.status, path).toBe(409)
      expect(await early.json()).toMatchObject({ code: 'session_not_started', fields: { text: 'session_not_started' } })
    }
    expect(await t.deps.db.select().from(careSessionFacilitatorNotes).where(eq(careSessionFacilitatorNotes.sessionId, id))).toEqual([])
    expect(await t.deps.db.select().from(careSessionReflections).where(eq(careSessionReflections.sessionId, id))).toEqual([])

    t.advance(3 * 3_600_000)
    ;[sam, noor, eva] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('eva')])
    expect((await t.json('PUT', `/sessions/${id}/my-note`, { cookie: eva, body: { text: 'Sam sprak veel over koken.' } })).status).toBe(200)
    const reflection = await t.json('PUT', `/sessions/${id}/reflection`, { cookie: eva, body: { text: 'Sam kwam open binnen en vond zelf drie krachten.' } })
    expect(reflection.status).toBe(200)
    expect((await reflection.json()).safety.detected).toBe(false)
    const noorView = await (await t.json('GET', `/sessions/${id}`, { cookie: noor })).json()
    expect(noorView).toMatchObject({ happened: true, myNote: null, reflection: { text: 'Sam kwam open binnen en vond zelf drie krachten.', authorName: 'Eva de Wit' } })
    const evaView = await (await t.json('GET', `/sessions/${id}`, { cookie: eva })).json()
    expect(evaView.myNote).toMatchObject({ text: 'Sam sprak veel over koken.' })
    const tooLong = await t.json('PUT', `/sessions/${id}/reflection`, { cookie: noor, body: { text: 'x'.repeat(10_000) } })
    expect(tooLong.status).toBe(400)
    expect((await (await t.json('GET', `/sessions/${id}`, { cookie: noor })).json()).reflection.text).toBe('Sam kwam open binnen en vond zelf drie krachten.')
  })

  it('a peer expert plans with a worker, only with clients who share with them; either one cancels', async () => {
    const refused = await plan(eva, { workerId: t.ids.noor })
    expect(refused.status).toBe(400)
    expect((await refused.json()).code).toBe('not_a_participant')
    expect((await plan(eva, {})).status).toBe(400)
    await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.eva, scopes: ['inventory'], access: 'comment', endsAt: null } })
    const shared = await (await t.json('GET', '/me/shared-with-me', { cookie: eva })).json()
    expect(shared).toEqual([expect.objectContaining({ clientId: t.ids.sam, canWorkTogether: true, canMessage: false, shares: [expect.objectContaining({ scopes: ['inventory'], access: 'comment' })] })])
    const planned = await plan(eva, { workerId: t.ids.noor, title: 'Groep Kracht' })
    expect(planned.status).toBe(201)
    const { id } = await planned.json()
    expect((await (await t.json('GET', `/sessions/${id}`, { cookie: noor })).json()).peerName).toBe('Eva de Wit')

    expect((await t.json('POST', `/sessions/${id}/cancel`, { cookie: noor })).status).toBe(204)
    expect((await (await t.json('GET', '/me/sessions', { cookie: sam })).json()).map((s: { id: string }) => s.id)).not.toContain(id)
    const again = await t.json('PATCH', `/sessions/${id}`, { cookie: eva, body: { version: 2, title: 'Toch' } })
    expect((await again.json()).code).toBe('session_cancelled')
  })
})
