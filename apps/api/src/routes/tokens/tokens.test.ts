import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, demoPassword, type TestApi } from '../../testing'

// Personal API tokens: read-only, within their scopes and the client's consents, shown once,
// revoked at once, only for staff, and never past their end date.

let t: TestApi
const days = (n: number) => new Date(t.deps.now().getTime() + n * 86_400_000).toISOString()
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

beforeAll(async () => {
  t = await createTestApi()
  const sam = await t.signIn('sam')
  await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], access: 'read', endsAt: null } })
})
afterAll(() => t.close())

async function create(body: Record<string, unknown>, who = 'noor') {
  const cookie = await t.signIn(who)
  return t.json('POST', '/me/api-tokens', { cookie, body: { name: 'ECD', scopes: ['inventory'], expiresAt: days(30), password: demoPassword, ...body } })
}

describe('personal API tokens', () => {
  it('shows the secret once, lists it without the secret, reads within its scope, and stops at once when revoked', async () => {
    const created = await create({})
    expect(created.status).toBe(201)
    const { token, id } = (await created.json()) as { token: string; id: string }
    expect(token.length).toBeGreaterThan(20)

    const noor = await t.signIn('noor')
    const list = await (await t.json('GET', '/me/api-tokens', { cookie: noor })).json()
    expect(list.map((row: { id: string }) => row.id)).toContain(id)
    expect(JSON.stringify(list)).not.toContain(token)

    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, bearer(token))).status).toBe(200)
    // Read-only, whatever the consent allows: no writes with a token.
    const write = await t.json('POST', `/clients/${t.ids.sam}/statements`, { ...bearer(token), body: { domain: 'work', time: 'present', text: 'Ik kan plannen' } })
    expect(write.status).toBe(403)
    // Outside its scope: the action plan is not in the token's scopes (nor shared).
    expect((await t.json('GET', `/clients/${t.ids.sam}/goals`, bearer(token))).status).toBe(403)

    const revoked = await t.json('DELETE', `/me/api-tokens/${id}`, { cookie: noor })
    expect(revoked.status).toBeLessThan(300)
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, bearer(token))).status).toBe(401)
    expect((await t.json('DELETE', `/me/api-tokens/${id}`, { cookie: noor })).status).toBe(409)
  })

  it('asks for the passphrase again, and refuses a wrong one, an unknown scope and an end date too far away', async () => {
    const wrong = await create({ password: 'niet-mijn-wachtwoord' })
    expect(wrong.status).toBe(400)
    expect((await wrong.json()).code).toBe('password_wrong')
    const badScope = await create({ scopes: ['everything'] })
    expect(badScope.status).toBe(400)
    expect((await badScope.json()).code).toBe('unknown_scope')
    expect((await create({ expiresAt: days(365) })).status).toBe(400)
    expect((await create({ expiresAt: days(-1) })).status).toBe(400)
  })

  it('is for staff only, and nobody revokes another person\'s token', async () => {
    expect((await create({}, 'sam')).status).toBe(403)
    const { id } = (await (await create({})).json()) as { id: string }
    const admin = await t.signIn('admin')
    expect((await t.json('DELETE', `/me/api-tokens/${id}`, { cookie: admin })).status).toBe(404)
  })

  it('stops working after its end date', async () => {
    const { token } = (await (await create({ expiresAt: days(1) })).json()) as { token: string }
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, bearer(token))).status).toBe(200)
    t.advance(2 * 86_400_000)
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, bearer(token))).status).toBe(401)
  })
})
