import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, cookieFrom, type TestApi } from '../../testing'

let t: TestApi
beforeAll(async () => {
  t = await createTestApi({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '1000' })
})
afterAll(() => t.close())

describe('sign-in', () => {
  it('signs in, returns the user and sets an httpOnly SameSite=Lax cookie', async () => {
    const response = await t.json('POST', '/auth/login', { body: { username: 'Noor ', password: 'kracht-demo' } })
    expect(response.status).toBe(200)
    const user = await response.json()
    expect(user).toMatchObject({ username: 'noor', role: 'worker', displayName: 'Noor Haddou' })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/kracht_session=/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)
  })

  it('GET /me answers the signed-in user, and 401 without a cookie', async () => {
    const cookie = await t.signIn('sam')
    const me = await t.json('GET', '/me', { cookie })
    expect(me.status).toBe(200)
    expect(await me.json()).toEqual({
      id: t.ids.sam,
      username: 'sam',
      role: 'client',
      organisationId: expect.any(String),
      displayName: 'Sam',
      locale: 'nl',
    })
    const anonymous = await t.json('GET', '/me')
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ code: 'unauthenticated' })
  })

  it('gives the same answer for an unknown user and a wrong passphrase', async () => {
    const unknown = await t.json('POST', '/auth/login', { body: { username: 'nobody-here', password: 'whatever-long' } })
    const wrong = await t.json('POST', '/auth/login', { body: { username: 'eva', password: 'wrong-passphrase' } })
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(await unknown.json()).toEqual(await wrong.json())
  })

  it('issues a new session id at every sign-in (no fixation)', async () => {
    const first = await t.signIn('eva')
    const response = await t.json('POST', '/auth/login', { body: { username: 'eva', password: 'kracht-demo' }, cookie: first })
    const second = cookieFrom(response)
    expect(second).not.toBe(first)
    expect((await t.json('GET', '/me', { cookie: first })).status).toBe(401)
    expect((await t.json('GET', '/me', { cookie: second })).status).toBe(200)
  })

  it('signs out on this device', async () => {
    const cookie = await t.signIn('eva')
    expect((await t.json('POST', '/auth/logout', { cookie })).status).toBe(204)
    expect((await t.json('GET', '/me', { cookie })).status).toBe(401)
  })

  it('signs out everywhere', async () => {
    const phone = await t.signIn('admin')
    const laptop = await t.signIn('admin')
    expect((await t.json('POST', '/auth/logout-everywhere', { cookie: phone })).status).toBe(204)
    expect((await t.json('GET', '/me', { cookie: laptop })).status).toBe(401)
  })

  it('ends a session after the idle time-out and after the absolute time-out', async () => {
    const idle = await t.signIn('noor')
    t.advance(31 * 60_000)
    const expired = await t.json('GET', '/me', { cookie: idle })
    expect(expired.status).toBe(401)

    const busy = await t.signIn('noor')
    // Active every 20 minutes: never idle, but the 12-hour limit still ends it.
    for (let hour = 0; hour < 12 * 3; hour++) {
      t.advance(20 * 60_000)
      const response = await t.json('GET', '/me', { cookie: busy })
      if (hour < 35) expect(response.status).toBe(200)
      else expect(response.status).toBe(401)
    }
  })

  it('locks an account after repeated failures, with the counters in the database', async () => {
    for (let i = 0; i < 3; i++) {
      await t.json('POST', '/auth/login', { body: { username: 'sam', password: `wrong-${i}-passphrase` } })
    }
    const locked = await t.json('POST', '/auth/login', { body: { username: 'sam', password: 'kracht-demo' } })
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBeTruthy()
    expect(await locked.json()).toMatchObject({ code: 'too_many_attempts' })
    t.advance(16 * 60_000)
    expect((await t.json('POST', '/auth/login', { body: { username: 'sam', password: 'kracht-demo' } })).status).toBe(200)
  })

  it('changes the passphrase with the current one, applying the policy, and signs out other devices', async () => {
    const other = await t.signIn('eva')
    const cookie = await t.signIn('eva')
    const wrong = await t.json('POST', '/auth/password', { cookie, body: { currentPassword: 'nope-nope-nope', newPassword: 'een lange nieuwe zin' } })
    expect(await wrong.json()).toMatchObject({ code: 'password_wrong' })
    const short = await t.json('POST', '/auth/password', { cookie, body: { currentPassword: 'kracht-demo', newPassword: 'kort' } })
    expect(short.status).toBe(400)
    expect(await short.json()).toMatchObject({ code: 'password_too_short' })
    const common = await t.json('POST', '/auth/password', { cookie, body: { currentPassword: 'kracht-demo', newPassword: 'wachtwoord123' } })
    expect(await common.json()).toMatchObject({ code: 'password_too_common' })
    const ok = await t.json('POST', '/auth/password', { cookie, body: { currentPassword: 'kracht-demo', newPassword: 'fietsen langs de rivier' } })
    expect(ok.status).toBe(204)
    expect((await t.json('GET', '/me', { cookie: other })).status).toBe(401)
    expect((await t.json('GET', '/me', { cookie: cookieFrom(ok) })).status).toBe(200)
    await t.signIn('eva', 'fietsen langs de rivier')
  })
})

describe('bad input', () => {
  it.each([
    ['empty fields', { username: '', password: '' }],
    ['a 10 kB username', { username: 'x'.repeat(10_000), password: 'kracht-demo' }],
    ['missing fields', {}],
    ['wrong types', { username: 42, password: ['a'] }],
  ])('answers %s with a validation problem', async (_label, body) => {
    const response = await t.json('POST', '/auth/login', { body })
    expect(response.status).toBe(400)
    const problem = await response.json()
    expect(problem.code).toBe('validation_failed')
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts/)
  })

  it('answers broken JSON with invalid_json', async () => {
    const response = await t.json('POST', '/auth/login', { body: '{"username": ' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'invalid_json' })
  })

  it('answers a form body on a JSON route with a problem, not a crash', async () => {
    const response = await t.api.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=sam&password=kracht-demo',
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect((await response.json()).code).toBeTypeOf('string')
  })

  it('answers a garbage cookie as not signed in', async () => {
    const response = await t.json('GET', '/me', { cookie: 'kracht_session=' + 'é'.repeat(500) })
    expect(response.status).toBe(401)
  })

  it('answers unknown routes with a JSON 404', async () => {
    const response = await t.json('GET', '/nothing-here')
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ code: 'not_found' })
  })

  it('refuses bodies over 64 kB', async () => {
    const response = await t.json('POST', '/auth/login', { body: { username: 'sam', password: 'x'.repeat(70_000) } })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ code: 'payload_too_large' })
  })
})

describe('health and documentation', () => {
  it('reports the database as reachable', async () => {
    const response = await t.json('GET', '/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', database: 'reachable' })
  })

  it('serves an OpenAPI document generated from the schemas, and a reference page', async () => {
    const doc = await (await t.json('GET', '/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/auth/login', '/me', '/health', '/invitations/accept']))
    expect(doc.components.schemas.Problem).toBeDefined()
    const page = await t.json('GET', '/docs')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('/api/v1/auth/login')
  })
})
