import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notifications } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

let t: TestApi
beforeAll(async () => {
  t = await createTestApi()
})
afterAll(() => t.close())

describe('a client asks to be contacted', () => {
  it('noor sees who asked (never their words) until she marks "contact gehad"; nobody else can close it', async () => {
    const [row] = await t.deps.db.insert(notifications).values({ recipientId: t.ids.noor, clientId: t.ids.sam, kind: 'safety_contact' }).returning()
    const noor = await t.signIn('noor')
    const eva = await t.signIn('eva')
    const sam = await t.signIn('sam')
    const open = await (await t.json('GET', '/notifications/contact-requests', { cookie: noor })).json()
    expect(open).toEqual([expect.objectContaining({ id: row!.id, clientId: t.ids.sam, clientName: 'Sam', nextSession: null })])
    expect(Object.keys(open[0]).sort()).toEqual(['clientId', 'clientName', 'createdAt', 'id', 'nextSession'])
    expect((await t.json('GET', '/notifications/contact-requests', { cookie: sam })).status).toBe(403)
    expect((await t.json('POST', `/notifications/${row!.id}/contact-had`, { cookie: eva })).status).toBe(404)
    expect((await t.json('POST', `/notifications/${row!.id}/contact-had`, { cookie: noor })).status).toBe(200)
    expect(await (await t.json('GET', '/notifications/contact-requests', { cookie: noor })).json()).toEqual([])
  })
})
