import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { clientWorkers, invitations, statements, users } from '@kracht/db'
import { createTestApi, demoPassword, type TestApi } from '../../testing'

let t: TestApi
let admin: string
beforeAll(async () => {
  t = await createTestApi()
  admin = await t.signIn('admin')
})
afterAll(() => t.close())

describe('a coordinator invites clients and links them to a worker', () => {
  it('the client is linked to the named worker when they accept', async () => {
    const issued = await t.json('POST', '/invitations', { cookie: admin, body: { role: 'client', displayName: 'Robin', workerId: t.ids.noor } })
    expect(issued.status).toBe(201)
    const { code } = await issued.json()
    const accepted = await t.json('POST', '/invitations/accept', { body: { code, username: 'robin', password: 'de zon schijnt op het dak' } })
    expect(accepted.status).toBe(201)
    const robin = await accepted.json()
    expect(await (await t.json('GET', `/clients/${robin.id}/workers`, { cookie: admin })).json()).toEqual([expect.objectContaining({ id: t.ids.noor })])
  })

  it('bad input changes nothing: a peer expert named as worker, a worker linked to staff', async () => {
    const before = (await t.deps.db.select({ n: count() }).from(invitations))[0]?.n
    const peer = await t.json('POST', '/invitations', { cookie: admin, body: { role: 'client', displayName: 'Kim', workerId: t.ids.eva } })
    expect(peer.status).toBe(404)
    expect((await peer.json()).fields).toEqual({ workerId: 'not_found' })
    const staff = await t.json('POST', '/invitations', { cookie: admin, body: { role: 'worker', displayName: 'Bas', workerId: t.ids.noor } })
    expect(staff.status).toBe(400)
    // A worker still invites clients only, and cannot name another worker.
    const noor = await t.signIn('noor')
    expect((await t.json('POST', '/invitations', { cookie: noor, body: { role: 'client', displayName: 'Kim', workerId: t.ids.noor } })).status).toBe(400)
    expect((await t.deps.db.select({ n: count() }).from(invitations))[0]?.n).toBe(before)
  })
})

describe('a coordinator turns a staff account off', () => {
  it("sessions and tokens end at once, sign-in says why (only after the right passphrase), the client's data stays", async () => {
    const noor = await t.signIn('noor')
    const expiresAt = new Date(t.deps.now().getTime() + 86_400_000).toISOString()
    const token = (await (await t.json('POST', '/me/api-tokens', { cookie: noor, body: { name: 'ECD', scopes: ['inventory'], expiresAt, password: demoPassword } })).json()).token
    const bearer = { authorization: `Bearer ${token}` }
    expect((await t.json('GET', '/me', { cookie: noor })).status).toBe(200)
    const samStatements = async () => (await t.deps.db.select({ n: count() }).from(statements).where(eq(statements.clientId, t.ids.sam)))[0]?.n

    const before = await samStatements()
    const links = await t.deps.db.select().from(clientWorkers).where(eq(clientWorkers.workerId, t.ids.noor))
    // Only a coordinator, never for a client, never themselves.
    expect((await t.json('POST', `/people/${t.ids.noor}/deactivate`, { cookie: noor })).status).toBe(403)
    expect((await t.json('POST', `/people/${t.ids.sam}/deactivate`, { cookie: admin })).status).toBe(404)
    expect((await t.json('POST', `/people/${t.ids.admin}/deactivate`, { cookie: admin })).status).toBe(400)

    expect((await t.json('POST', `/people/${t.ids.noor}/deactivate`, { cookie: admin })).status).toBe(204)
    expect((await t.json('GET', '/me', { cookie: noor })).status).toBe(401)
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { headers: bearer })).status).toBe(401)
    const signIn = await t.json('POST', '/auth/login', { body: { username: 'noor', password: demoPassword } })
    expect(signIn.status).toBe(403)
    expect((await signIn.json()).code).toBe('account_deactivated')
    const guess = await t.json('POST', '/auth/login', { body: { username: 'noor', password: 'verkeerd wachtwoord' } })
    expect((await guess.json()).code).toBe('invalid_credentials')

    // The coordinator sees the account as off; a peer expert planning a session no longer finds it.
    const people = await (await t.json('GET', '/people?role=worker', { cookie: admin })).json()
    expect(people.find((p: { id: string }) => p.id === t.ids.noor)).toMatchObject({ active: false })
    const eva = await t.signIn('eva')
    expect((await (await t.json('GET', '/people?role=worker', { cookie: eva })).json()).map((p: { id: string }) => p.id)).not.toContain(t.ids.noor)

    // Sam's words and links are untouched; sam signs in as always.
    expect(await samStatements()).toBe(before)
    expect(await t.deps.db.select().from(clientWorkers).where(eq(clientWorkers.workerId, t.ids.noor))).toEqual(links)
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.noor))
    expect(row?.deactivatedAt).not.toBeNull()
    expect((await t.json('GET', '/me', { cookie: await t.signIn('sam') })).status).toBe(200)
  })
})
