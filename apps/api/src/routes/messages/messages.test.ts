import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { accessLog, messages, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

let t: TestApi
let sam: string
let noor: string
let eva: string
const thread = () => `/clients/${t.ids.sam}/messages`

beforeAll(async () => {
  t = await createTestApi()
  ;[sam, noor, eva] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('eva')])
})
afterAll(() => t.close())

const logRows = async (actorId: string, resource: string) =>
  (await t.deps.db.select({ n: count() }).from(accessLog).where(and(eq(accessLog.actorId, actorId), eq(accessLog.resource, resource))))[0]?.n ?? 0

describe('messages between a client and their worker', () => {
  it('round trip: the linked worker writes without a content consent, the client reads, replies; unread counts and read marks follow', async () => {
    const sent = await t.json('POST', thread(), { cookie: noor, body: { text: 'Hoi Sam, zullen we donderdag je plan bekijken?', topic: 'action_plan' } })
    expect(sent.status, await sent.clone().text()).toBe(201)
    expect((await sent.json()).safety.detected).toBe(false)

    expect(await (await t.json('GET', '/me/messages/unread', { cookie: sam })).json()).toMatchObject({ total: 1 })
    const samView = await (await t.json('GET', thread(), { cookie: sam })).json()
    expect(samView.unread).toBe(1)
    expect(samView.messages[0]).toMatchObject({ authorName: 'Noor Haddou', authorRole: 'worker', topic: 'action_plan', mine: false, unread: true })
    expect((await t.json('POST', `${thread()}/read`, { cookie: sam })).status).toBe(204)
    expect(await (await t.json('GET', '/me/messages/unread', { cookie: sam })).json()).toEqual({ total: 0, threads: [] })

    t.advance(1000)
    expect((await t.json('POST', thread(), { cookie: sam, body: { text: 'Ja, dat is goed. Tot donderdag!' } })).status).toBe(201)
    const noorUnread = await (await t.json('GET', '/me/messages/unread', { cookie: noor })).json()
    expect(noorUnread).toEqual({ total: 1, threads: [{ clientId: t.ids.sam, displayName: expect.any(String), unread: 1 }] })
    const noorView = await (await t.json('GET', thread(), { cookie: noor })).json()
    // Noor sees that Sam read her message; Sam's answer is new for her.
    expect(noorView.messages.map((m: { readByClient: boolean; unread: boolean }) => [m.readByClient, m.unread])).toEqual([[true, false], [false, true]])
    // Every look by the worker is in Sam's access log, on the linked-worker rule.
    const [row] = await t.deps.db.select().from(accessLog).where(and(eq(accessLog.actorId, t.ids.noor), eq(accessLog.resource, 'messages')))
    expect(row).toMatchObject({ outcome: 'allowed', basis: 'linked_worker', scope: 'messages' })
    expect(await logRows(t.ids.noor, 'messages_unread')).toBe(1)
  })

  it('a message that speaks of a crisis is saved as written and answers with the help lines', async () => {
    const response = await t.json('POST', thread(), { cookie: sam, body: { text: 'Ik wil niet meer leven' } })
    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body.safety).toMatchObject({ detected: true })
    expect(body.safety.helpLines.length).toBeGreaterThan(0)
    expect(body.text).toBe('Ik wil niet meer leven')
  })

  it('bad input changes nothing: 10 kB, an empty text, an unknown topic, a message to another client', async () => {
    const before = (await t.deps.db.select({ n: count() }).from(messages))[0]?.n
    const big = await t.json('POST', thread(), { cookie: sam, body: { text: 'Ik kan koken. '.repeat(750) } })
    expect(big.status).toBe(400)
    expect(await big.json()).toMatchObject({ code: 'validation_failed', fields: { text: 'too_long' } })
    expect((await t.json('POST', thread(), { cookie: sam, body: { text: '   ' } })).status).toBe(400)
    expect((await t.json('POST', thread(), { cookie: sam, body: { text: 'Hoi', topic: 'gossip' } })).status).toBe(400)
    // Kim, another client of the organisation: sam may not write in kim's thread, nor noor (not linked).
    const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
    const [kim] = await t.deps.db.insert(users).values({ organisationId: samRow!.organisationId, role: 'client', username: 'kim-msg', displayName: 'Kim', passwordHash: samRow!.passwordHash }).returning()
    expect((await t.json('POST', `/clients/${kim!.id}/messages`, { cookie: sam, body: { text: 'Hoi Kim' } })).status).toBe(403)
    expect((await t.json('POST', `/clients/${kim!.id}/messages`, { cookie: noor, body: { text: 'Hoi Kim' } })).status).toBe(403)
    expect((await t.json('GET', `/clients/${kim!.id}/messages`, { cookie: noor })).status).toBe(403)
    expect((await t.deps.db.select({ n: count() }).from(messages))[0]?.n).toBe(before)
  })

  it("a peer expert needs the client's messages share: read-only reads, comment access writes", async () => {
    expect((await t.json('GET', thread(), { cookie: eva })).status).toBe(403)
    expect((await t.json('POST', thread(), { cookie: eva, body: { text: 'Hoi Sam' } })).status).toBe(403)
    const shared = await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.eva, scopes: ['messages'], access: 'read', endsAt: null } })
    expect(shared.status).toBe(201)
    expect((await t.json('GET', thread(), { cookie: eva })).status).toBe(200)
    const refused = await t.json('POST', thread(), { cookie: eva, body: { text: 'Hoi Sam' } })
    expect(refused.status).toBe(403)
    await t.json('DELETE', `/clients/${t.ids.sam}/consents/${(await shared.json()).id}`, { cookie: sam })
    await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.eva, scopes: ['messages'], access: 'comment', endsAt: null } })
    expect((await t.json('POST', thread(), { cookie: eva, body: { text: 'Fijn dat je er donderdag bij was, Sam.', topic: 'session' } })).status).toBe(201)
    // Her own message is read for her; Sam's answer is new.
    expect((await (await t.json('GET', '/me/messages/unread', { cookie: eva })).json()).total).toBe(0)
    t.advance(1000)
    await t.json('POST', thread(), { cookie: sam, body: { text: 'Dank je, Eva!' } })
    expect((await (await t.json('GET', '/me/messages/unread', { cookie: eva })).json()).total).toBe(1)
    // The coordinator reads no thread by role.
    expect((await t.json('GET', thread(), { cookie: await t.signIn('admin') })).status).toBe(403)
  })
})
