import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '@kracht/db'
import { createTestDatabase } from '@kracht/db/testing'
import { cookieFrom, createTestApi, demoPassword, type TestApi } from '../../testing'
import { ConfigError, loadConfig } from '../../lib/config'
import { instanceSecret } from '../../lib/instance-secret'
import { refuseDemoDataInProduction } from '../../lib/startup-checks'

// Attacks on signing in, tried for real: each test fails on the code before issue 12's fixes.

const login = (t: TestApi, username: string, password: string, forwardedFor?: string) =>
  t.json('POST', '/auth/login', { body: { username, password }, ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}) })

describe('throttling behind a proxy', () => {
  let t: TestApi
  beforeAll(async () => {
    t = await createTestApi({ TRUSTED_PROXIES: '1', LOGIN_MAX_FAILURES_PER_IP: '4', LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' })
  })
  afterAll(() => t.close())

  it('a forged leftmost X-Forwarded-For hop does not dodge the per-address limit', async () => {
    // Our proxy appends the real address (203.0.113.9); the attacker writes a new "address" before it each time.
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      const response = await login(t, `nobody${i}`, 'wrong-passphrase', `198.51.100.${i + 1}, 203.0.113.9`)
      statuses.push(response.status)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429])
    // Someone else behind the same proxy is not affected.
    expect((await login(t, 'noor', demoPassword, '203.0.113.10')).status).toBe(200)
  })

  it('IPv6 addresses in one /64 share a counter; another /64 does not', async () => {
    const statuses: number[] = []
    for (let i = 1; i <= 5; i++) statuses.push((await login(t, `ghost${i}`, 'wrong-passphrase', `2001:db8:aa:1::${i}`)).status)
    expect(statuses).toEqual([401, 401, 401, 401, 429])
    expect((await login(t, 'ghost9', 'wrong-passphrase', '2001:db8:aa:1:ffff:1:2:3')).status).toBe(429)
    expect((await login(t, 'ghost9', 'wrong-passphrase', '2001:db8:aa:2::1')).status).toBe(401)
  })

  it('parallel wrong guesses never let more than the maximum reach the passphrase check', async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, () => login(t, 'eva', 'wrong-passphrase', '192.0.2.50')))
    const statuses = responses.map((response) => response.status)
    // Per account and address the maximum is 3: at most 3 guesses were checked, the rest refused unchecked.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(3)
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(9)
  })

  it('a storm of wrong passphrases from 50 addresses does not lock the real person out', async () => {
    for (let i = 0; i < 50; i++) {
      const status = (await login(t, 'admin', 'wrong-passphrase', `100.64.${i}.1`)).status
      expect([401, 429]).toContain(status)
    }
    // The account is under attack: an address that already failed waits, even with the right passphrase…
    expect((await login(t, 'admin', demoPassword, '100.64.7.1')).status).toBe(429)
    // …but the real person, from an address that has not failed, gets in.
    expect((await login(t, 'admin', demoPassword, '192.0.2.200')).status).toBe(200)
  })
})

describe('second factor (TOTP) for staff', () => {
  let t: TestApi
  beforeAll(async () => {
    t = await createTestApi({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' })
  })
  afterAll(() => t.close())

  const secrets = new Map<string, string>()
  const codeNow = (secret: string) => generate({ secret, epoch: Math.floor(t.deps.now().getTime() / 1000) })
  /** The next 30-second step's code: each step's code is accepted once. */
  const nextCode = (secret: string) => {
    t.advance(30_000)
    return codeNow(secret)
  }

  async function enrol(username: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const cookie = await t.signIn(username)
    const setup = await t.json('POST', '/me/totp/setup', { cookie, body: { password: demoPassword } })
    expect(setup.status).toBe(200)
    const { secret, qrSvg } = await setup.json()
    expect(qrSvg).toContain('<svg')
    expect((await t.json('POST', '/me/totp/confirm', { cookie, body: { code: '000000' } })).status).toBe(400)
    const confirmed = await t.json('POST', '/me/totp/confirm', { cookie, body: { code: await codeNow(secret) } })
    expect(confirmed.status).toBe(200)
    const { recoveryCodes } = await confirmed.json()
    expect(recoveryCodes).toHaveLength(10)
    secrets.set(username, secret)
    return { secret, recoveryCodes }
  }

  it('asks for the code after the passphrase; the secret is never stored or returned in plain text', async () => {
    const { secret, recoveryCodes } = await enrol('noor')
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.noor))
    expect(row?.totpSecret).toBeTruthy()
    expect(row?.totpSecret).not.toContain(secret)
    const status = await (await t.json('GET', '/me/totp', { cookie: await signInWithCode('noor') })).json()
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 })
    expect(JSON.stringify(status)).not.toContain(secret)

    const first = await login(t, 'noor', demoPassword)
    expect(first.status).toBe(202)
    const waiting = cookieFrom(first)
    // Passphrase alone reaches nothing.
    expect((await t.json('GET', '/me', { cookie: waiting })).status).toBe(401)
    // A recovery code works once.
    const recovered = await t.json('POST', '/auth/totp', { cookie: waiting, body: { code: recoveryCodes[0] } })
    expect(recovered.status).toBe(200)
    expect((await t.json('GET', '/me', { cookie: cookieFrom(recovered) })).status).toBe(200)
    const again = cookieFrom(await login(t, 'noor', demoPassword))
    expect((await t.json('POST', '/auth/totp', { cookie: again, body: { code: recoveryCodes[0] } })).status).toBe(400)
  })

  async function signInWithCode(username: string): Promise<string> {
    const waiting = cookieFrom(await login(t, username, demoPassword))
    const done = await t.json('POST', '/auth/totp', { cookie: waiting, body: { code: await nextCode(secrets.get(username) ?? '') } })
    expect(done.status).toBe(200)
    return cookieFrom(done)
  }

  it('TOTP guesses are throttled like passphrases, and a used code is not accepted again', async () => {
    const { secret } = await enrol('eva')
    const waiting = cookieFrom(await login(t, 'eva', demoPassword))
    const code = await nextCode(secret)
    expect((await t.json('POST', '/auth/totp', { cookie: waiting, body: { code } })).status).toBe(200)
    // Replay of the same code (e.g. read over a shoulder) in a new sign-in.
    const replay = cookieFrom(await login(t, 'eva', demoPassword))
    expect((await t.json('POST', '/auth/totp', { cookie: replay, body: { code } })).status).toBe(400)
    const guesses = await Promise.all(['111111', '222222', '333333', '444444', '555555'].map((guess) => t.json('POST', '/auth/totp', { cookie: replay, body: { code: guess } })))
    expect(guesses.map((response) => response.status).filter((status) => status === 429).length).toBeGreaterThanOrEqual(2)
    // Even the right next code now waits.
    expect((await t.json('POST', '/auth/totp', { cookie: replay, body: { code: await nextCode(secret) } })).status).toBe(429)
  })

  it('an organisation can require TOTP: staff without it can only set it up', async () => {
    const admin = await t.signIn('admin')
    const policy = await t.json('PUT', '/organisation/sign-in-policy', { cookie: admin, body: { requireStaffTotp: true, resetNeedsApproval: false } })
    expect(policy.status).toBe(200)
    // The coordinator has no app yet either: from the next request on, only the set-up is open.
    const blocked = await t.json('GET', '/my-clients', { cookie: admin })
    expect(blocked.status).toBe(403)
    expect(await blocked.json()).toMatchObject({ code: 'totp_enrolment_required' })
    expect(blocked.headers.get('x-kracht-totp')).toBe('enrol')
    expect((await t.json('GET', '/me', { cookie: admin })).status).toBe(200)
    expect((await t.json('GET', '/me/totp', { cookie: admin })).status).toBe(200)
    // Clients are not asked.
    const sam = await t.signIn('sam')
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: sam })).status).toBe(200)
    // Cannot be turned off while required.
    const noor = await signInWithCode('noor')
    expect((await t.json('POST', '/me/totp/disable', { cookie: noor, body: { password: demoPassword } })).status).toBe(409)
    // A worker cannot change the rule.
    expect((await t.json('PUT', '/organisation/sign-in-policy', { cookie: noor, body: { requireStaffTotp: false, resetNeedsApproval: false } })).status).toBe(403)
  })
})

describe('API tokens', () => {
  let t: TestApi
  beforeAll(async () => {
    t = await createTestApi()
  })
  afterAll(() => t.close())

  const body = (days: number, password: string | null = demoPassword) => ({
    name: 'ECD',
    scopes: ['inventory'],
    expiresAt: new Date(t.deps.now().getTime() + days * 86_400_000).toISOString(),
    ...(password !== null ? { password } : {}),
  })
  // The caseload is a route a token may read (access/token-scope.ts); 401 once the token has ended.
  const works = async (token: string) => (await t.json('GET', '/caseload', { headers: { authorization: `Bearer ${token}` } })).status

  it('asks for the passphrase again, and refuses a token of more than 90 days', async () => {
    const noor = await t.signIn('noor')
    expect((await t.json('POST', '/me/api-tokens', { cookie: noor, body: body(30, null) })).status).toBe(400)
    const wrong = await t.json('POST', '/me/api-tokens', { cookie: noor, body: body(30, 'not-my-passphrase') })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ code: 'password_wrong' })
    const tooLong = await t.json('POST', '/me/api-tokens', { cookie: noor, body: body(91) })
    expect(tooLong.status).toBe(400)
    expect((await tooLong.json()).fields).toMatchObject({ expiresAt: 'too_long' })
    expect((await t.json('POST', '/me/api-tokens', { cookie: noor, body: body(90) })).status).toBe(201)
  })

  it('a token survives neither a passphrase change nor "sign out everywhere"', async () => {
    let noor = await t.signIn('noor')
    const first = (await (await t.json('POST', '/me/api-tokens', { cookie: noor, body: body(30) })).json()).token as string
    expect(await works(first)).toBe(200)
    const changed = await t.json('POST', '/auth/password', { cookie: noor, body: { currentPassword: demoPassword, newPassword: 'een nieuwe lange zin 42' } })
    expect(changed.status).toBe(204)
    expect(await works(first)).toBe(401)

    noor = cookieFrom(changed)
    const second = (await (await t.json('POST', '/me/api-tokens', { cookie: noor, body: body(30, 'een nieuwe lange zin 42') })).json()).token as string
    expect(await works(second)).toBe(200)
    expect((await t.json('POST', '/auth/logout-everywhere', { cookie: noor })).status).toBe(204)
    expect(await works(second)).toBe(401)
  })
})

describe('safe defaults', () => {
  it('cookies are Secure and __Host- prefixed when PUBLIC_URL is https', async () => {
    const t = await createTestApi({ PUBLIC_URL: 'https://kracht.example.nl' })
    try {
      const response = await login(t, 'sam', demoPassword)
      const header = response.headers.get('set-cookie') ?? ''
      expect(header).toMatch(/^__Host-kracht_session=/)
      expect(header).toMatch(/; Secure/)
      expect(header).toMatch(/; Path=\//)
      expect(header).not.toMatch(/Domain=/i)
      const cookie = cookieFrom(response)
      expect((await t.json('GET', '/me', { cookie })).status).toBe(200)
      // The unprefixed name is not read: a cookie planted by a sibling host or over http is worthless.
      expect((await t.json('GET', '/me', { cookie: cookie.replace('__Host-', '') })).status).toBe(401)
      const out = await t.json('POST', '/auth/logout', { cookie })
      expect(out.headers.get('set-cookie') ?? '').toMatch(/^__Host-kracht_session=;.*Secure/)
    } finally {
      await t.close()
    }
  })

  it('has no fixed development secret: a random key per data folder, kept with mode 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kracht-secret-'))
    const first = instanceSecret(dir)
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(instanceSecret(dir)).toBe(first)
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600)
    expect(instanceSecret(mkdtempSync(join(tmpdir(), 'kracht-secret-')))).not.toBe(first)
    expect(loadConfig({ NODE_ENV: 'development' }).secret).not.toBe(loadConfig({ NODE_ENV: 'development' }).secret)
    expect(loadConfig({ NODE_ENV: 'development' }, () => first).secret).toBe(first)
  })

  it('a production start on a database with demo users refuses with a clear message', async () => {
    const production = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://kracht.example.nl',
      DATABASE_URL: 'postgres://kracht@localhost/kracht',
    })
    const t = await createTestApi()
    try {
      const refusal = refuseDemoDataInProduction(t.handle.db, production)
      await expect(refusal).rejects.toBeInstanceOf(ConfigError)
      await expect(refuseDemoDataInProduction(t.handle.db, production)).rejects.toThrow(/demo/)
    } finally {
      await t.close()
    }
    const clean = await createTestDatabase()
    try {
      await expect(refuseDemoDataInProduction(clean.db, production)).resolves.toBeUndefined()
    } finally {
      await clean.close()
    }
  })
})
