import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cookieFrom, createTestApi, type TestApi } from '../../testing'

// Account takeover through an access reset (issue 12, item 1), and guessing invitation codes, tried for real.

let t: TestApi
beforeAll(async () => {
  t = await createTestApi({ LOGIN_MAX_FAILURES_PER_IP: '1000' })
})
afterAll(() => t.close())

interface LogEntry {
  actorName: string | null
  actorId: string | null
  scope: string
  resource: string
  basis: string
  via: string | null
}

async function samLog(cookie: string): Promise<LogEntry[]> {
  const response = await t.json('GET', `/clients/${t.ids.sam}/access-log?includeOwn=true`, { cookie })
  expect(response.status).toBe(200)
  return response.json()
}

describe('access reset: the worker who asks for the code', () => {
  it('is in the client\'s log, and so is the first sign-in with the code; the client is told at the next sign-in', async () => {
    const noor = await t.signIn('noor')
    const reset = await t.json('POST', `/clients/${t.ids.sam}/access-reset`, { cookie: noor })
    expect(reset.status).toBe(201)
    const { id, code } = await reset.json()

    // The worker redeems the code in another browser and is now "sam"…
    const taken = await t.json('POST', '/invitations/accept', { body: { code, password: 'ik ben sam niet echt' } })
    expect(taken.status).toBe(201)
    const asSam = cookieFrom(taken)
    const log = await samLog(asSam)
    // …but the client's log, which nobody can change, shows who asked for the code and the first sign-in with it.
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorName: 'Noor Haddou', scope: 'account', resource: `access_reset:${id}`, basis: 'access_reset' }),
        expect.objectContaining({ actorId: t.ids.sam, scope: 'account', resource: `access_reset:${id}`, basis: 'first_sign_in_after_reset', via: 'session' }),
      ]),
    )

    // At the next sign-in with a passphrase, "Noor gave you a new code on …; was that you?"
    const signIn = await t.json('POST', '/auth/login', { body: { username: 'sam', password: 'ik ben sam niet echt' } })
    expect(signIn.status).toBe(200)
    expect(signIn.headers.get('x-kracht-notice')).toBe('access-reset')
    const sam = cookieFrom(signIn)
    const notices = await (await t.json('GET', '/me/access-resets', { cookie: sam })).json()
    expect(notices).toEqual([expect.objectContaining({ id, byName: 'Noor Haddou', usedAt: expect.any(String) })])
    // Noor cannot answer it for sam from her own account.
    expect((await t.json('POST', `/me/access-resets/${id}/seen`, { cookie: noor })).status).toBe(404)
    expect((await t.json('POST', `/me/access-resets/${id}/seen`, { cookie: sam })).status).toBe(204)
    expect(await (await t.json('GET', '/me/access-resets', { cookie: sam })).json()).toEqual([])
    const later = await t.json('POST', '/auth/login', { body: { username: 'sam', password: 'ik ben sam niet echt' } })
    expect(later.headers.get('x-kracht-notice')).toBeNull()
  })

  it('a reset code that is not used is shown to the client too, at their next sign-in with the old passphrase', async () => {
    const noor = await t.signIn('noor')
    await t.json('POST', `/clients/${t.ids.sam}/access-reset`, { cookie: noor })
    const signIn = await t.json('POST', '/auth/login', { body: { username: 'sam', password: 'ik ben sam niet echt' } })
    expect(signIn.headers.get('x-kracht-notice')).toBe('access-reset')
    const [notice] = await (await t.json('GET', '/me/access-resets', { cookie: cookieFrom(signIn) })).json()
    expect(notice).toMatchObject({ byName: 'Noor Haddou', usedAt: null })
  })

  it('an expired (31 minutes old) reset code fails', async () => {
    const noor = await t.signIn('noor')
    const { code, expiresAt } = await (await t.json('POST', `/clients/${t.ids.sam}/access-reset`, { cookie: noor })).json()
    expect(new Date(expiresAt).getTime() - t.deps.now().getTime()).toBeLessThanOrEqual(30 * 60_000)
    t.advance(31 * 60_000)
    const late = await t.json('POST', '/invitations/accept', { body: { code, password: 'te laat voor deze code' } })
    expect(late.status).toBe(410)
    expect(await late.json()).toMatchObject({ code: 'invitation_expired' })
  })
})

describe('the organisation\'s two-person rule for resets', () => {
  it('needs a second staff member\'s approval, and nobody can approve their own', async () => {
    const admin = await t.signIn('admin')
    const noor = await t.signIn('noor')
    const policy = await t.json('PUT', '/organisation/sign-in-policy', { cookie: admin, body: { requireStaffTotp: false, resetNeedsApproval: true } })
    expect(policy.status).toBe(200)

    const reset = await (await t.json('POST', `/clients/${t.ids.sam}/access-reset`, { cookie: noor })).json()
    expect(reset.needsApproval).toBe(true)
    const early = await t.json('POST', '/invitations/accept', { body: { code: reset.code, password: 'nog niet goedgekeurd' } })
    expect(early.status).toBe(409)
    expect(await early.json()).toMatchObject({ code: 'reset_awaiting_approval' })

    const own = await t.json('POST', `/invitations/${reset.id}/approve`, { cookie: noor })
    expect(own.status).toBe(403)
    expect(await own.json()).toMatchObject({ code: 'reset_approver_same_person' })
    // A peer expert is no second approver for a client's account.
    expect((await t.json('POST', `/invitations/${reset.id}/approve`, { cookie: await t.signIn('eva') })).status).toBe(403)

    // The coordinator's own reset needs someone else too.
    const adminReset = await (await t.json('POST', `/clients/${t.ids.sam}/access-reset`, { cookie: admin })).json()
    expect((await t.json('POST', `/invitations/${adminReset.id}/approve`, { cookie: admin })).status).toBe(403)
    // (Noor's earlier reset was withdrawn by the newer one.)
    expect((await t.json('POST', `/invitations/${reset.id}/approve`, { cookie: admin })).status).toBe(410)
    expect((await t.json('POST', `/invitations/${adminReset.id}/approve`, { cookie: noor })).status).toBe(204)
    const accepted = await t.json('POST', '/invitations/accept', { body: { code: adminReset.code, password: 'goedgekeurd door noor' } })
    expect(accepted.status).toBe(201)
    const log = await samLog(cookieFrom(accepted))
    expect(log).toEqual(expect.arrayContaining([expect.objectContaining({ actorName: 'Noor Haddou', basis: 'access_reset_approved' })]))
    await t.json('PUT', '/organisation/sign-in-policy', { cookie: admin, body: { requireStaffTotp: false, resetNeedsApproval: false } })
  })
})

describe('guessing invitation codes', () => {
  it('is limited for all addresses together, not only per address', async () => {
    const many = await createTestApi({ TRUSTED_PROXIES: '1', LOGIN_MAX_FAILURES_PER_IP: '1000', INVITATION_MAX_FAILURES_GLOBAL: '5' })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 7; i++) {
        const response = await many.json('POST', '/invitations/lookup', { body: { code: 'AAA-AAA-AAA' }, headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } })
        statuses.push(response.status)
      }
      expect(statuses).toEqual([410, 410, 410, 410, 410, 429, 429])
    } finally {
      await many.close()
    }
  })
})

