import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

describe('sessions', () => {
  it('a worker plans a group session with a peer expert; the client sees it and writes a note', async () => {
    const startsAt = new Date(t.deps.now().getTime() + 86_400_000).toISOString()
    const planned = await t.json('POST', '/sessions', { cookie: noor, body: { kind: 'group', title: 'Krachtengroep', agenda: 'miracle_question', startsAt, peerId: t.ids.eva, clientIds: [t.ids.sam] } })
    expect(planned.status).toBe(201)
    const { id } = await planned.json()
    expect((await t.json('POST', '/sessions', { cookie: sam, body: { kind: 'group', title: 'x', startsAt, clientIds: [t.ids.sam] } })).status).toBe(403)
    const notMine = await t.json('POST', '/sessions', { cookie: noor, body: { kind: 'group', title: 'x', startsAt, clientIds: [t.ids.eva] } })
    expect((await notMine.json()).code).toBe('not_a_participant')

    const mine = await (await t.json('GET', '/me/sessions', { cookie: sam })).json()
    expect(mine).toEqual([expect.objectContaining({ id, title: 'Krachtengroep', workerName: 'Noor Haddou', peerName: 'Eva de Wit', myNote: null })])
    expect(await (await t.json('GET', '/me/sessions', { cookie: eva })).json()).toHaveLength(1)

    // Before it happened there is nothing to write about: a clear refusal, nothing saved.
    const early = await t.json('PUT', `/clients/${t.ids.sam}/sessions/${id}/note`, { cookie: sam, body: { text: 'Ik vond het fijn' } })
    expect(early.status).toBe(409)
    expect((await early.json()).code).toBe('session_not_started')
    t.advance(86_400_000 + 60_000)
    // A day later: everyone signs in again (sessions time out).
    ;[sam, noor, eva] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('eva')])
    expect((await t.json('PUT', `/clients/${t.ids.sam}/sessions/${id}/note`, { cookie: sam, body: { text: 'Ik vond het fijn om te vertellen' } })).status).toBe(200)
    expect((await t.json('PUT', `/clients/${t.ids.sam}/sessions/${id}/note`, { cookie: eva, body: { text: 'x' } })).status).toBe(403)
    // Facilitating is not consent: eva reads sam's notes only after sam shares `sessions` with her.
    expect((await t.json('GET', `/clients/${t.ids.sam}/sessions/notes`, { cookie: eva })).status).toBe(403)
    await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.eva, scopes: ['sessions'], endsAt: null } })
    const notes = await (await t.json('GET', `/clients/${t.ids.sam}/sessions/notes`, { cookie: eva })).json()
    expect(notes[0]).toMatchObject({ text: 'Ik vond het fijn om te vertellen' })
  })
})
