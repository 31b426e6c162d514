import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, cookieFrom, type TestApi } from '../../testing'

let t: TestApi
let noor: string
let admin: string
beforeAll(async () => {
  t = await createTestApi({ LOGIN_MAX_FAILURES_PER_IP: '1000' })
  noor = await t.signIn('noor')
  admin = await t.signIn('admin')
})
afterAll(() => t.close())

async function invite(cookie: string, role: string, displayName = 'Robin') {
  const response = await t.json('POST', '/invitations', { cookie, body: { role, displayName } })
  return { response, body: await response.json() }
}

describe('invitations', () => {
  it('a worker invites a client: link, short code and QR code; the client signs up and is linked', async () => {
    const { response, body } = await invite(noor, 'client', 'Robin')
    expect(response.status).toBe(201)
    expect(body.code).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$/)
    expect(body.link).toMatch(/^http:\/\/localhost:3000\/uitnodiging\/[\w-]{40,}$/)
    expect(body.qrSvg).toMatch(/^<svg/)
    expect(new Date(body.expiresAt).getTime() - Date.now()).toBeGreaterThan(13.9 * 86_400_000)

    // A code typed in lower case with spaces is still recognised.
    const lookup = await t.json('POST', '/invitations/lookup', { body: { code: ` ${body.code.toLowerCase().replace(/-/g, ' ')} ` } })
    expect(lookup.status).toBe(200)
    expect(await lookup.json()).toMatchObject({ role: 'client', displayName: 'Robin', organisationName: 'Stichting De Brug', existingUsername: null })

    const accepted = await t.json('POST', '/invitations/accept', { body: { code: body.code, username: 'Robin_22', password: 'mijn fiets is blauw' } })
    expect(accepted.status).toBe(201)
    const user = await accepted.json()
    expect(user).toMatchObject({ username: 'robin_22', role: 'client', displayName: 'Robin' })
    const me = await t.json('GET', '/me', { cookie: cookieFrom(accepted) })
    expect((await me.json()).username).toBe('robin_22')

    const clients = await (await t.json('GET', '/my-clients', { cookie: noor })).json()
    expect(clients.map((c: { username: string }) => c.username)).toContain('robin_22')
  })

  it('can be used once only', async () => {
    const { body } = await invite(noor, 'client', 'Kim')
    const first = await t.json('POST', '/invitations/accept', { body: { token: body.link.split('/').pop(), username: 'kim', password: 'zonnebloemen in juni' } })
    expect(first.status).toBe(201)
    const again = await t.json('POST', '/invitations/accept', { body: { code: body.code, username: 'kim2', password: 'zonnebloemen in juni' } })
    expect(again.status).toBe(410)
    expect(await again.json()).toMatchObject({ code: 'invitation_used' })
  })

  it('expires after 14 days', async () => {
    const { body } = await invite(noor, 'client', 'Lou')
    t.advance(15 * 86_400_000)
    const response = await t.json('POST', '/invitations/lookup', { body: { code: body.code } })
    expect(response.status).toBe(410)
    expect(await response.json()).toMatchObject({ code: 'invitation_expired' })
    t.advance(-15 * 86_400_000)
  })

  it('can be withdrawn by the one who made it, and then no longer works', async () => {
    const { body } = await invite(noor, 'client', 'Mo')
    const list = await (await t.json('GET', '/invitations', { cookie: noor })).json()
    expect(list.find((i: { id: string }) => i.id === body.id)?.status).toBe('open')
    expect((await t.json('DELETE', `/invitations/${body.id}`, { cookie: noor })).status).toBe(204)
    const again = await t.json('DELETE', `/invitations/${body.id}`, { cookie: noor })
    expect(again.status).toBe(410)
    const accept = await t.json('POST', '/invitations/accept', { body: { code: body.code, username: 'mo_mo', password: 'pannenkoeken bakken' } })
    expect(await accept.json()).toMatchObject({ code: 'invitation_withdrawn' })
  })

  it('follows who may invite whom', async () => {
    expect((await invite(noor, 'worker')).response.status).toBe(403)
    // The problem reads as English: "an admin", not "a admin".
    const refused = await invite(noor, 'admin')
    expect(refused.response.status).toBe(403)
    expect(refused.body.code).toBe('forbidden')
    expect(refused.body.message).toBe('A worker cannot invite an admin.')
    expect((await invite(admin, 'worker', 'Piet')).response.status).toBe(201)
    expect((await invite(admin, 'peer', 'Ans')).response.status).toBe(201)
    const sam = await t.signIn('sam')
    expect((await invite(sam, 'client')).response.status).toBe(403)
    expect((await t.json('POST', '/invitations', { body: { role: 'client', displayName: 'X' } })).status).toBe(401)
  })

  it('rejects a taken username, a weak passphrase, and changes nothing', async () => {
    const { body } = await invite(noor, 'client', 'Jo')
    const taken = await t.json('POST', '/invitations/accept', { body: { code: body.code, username: 'sam', password: 'een goede lange zin' } })
    expect(taken.status).toBe(409)
    expect(await taken.json()).toMatchObject({ code: 'username_taken', fields: { username: 'username_taken' } })
    const weak = await t.json('POST', '/invitations/accept', { body: { code: body.code, username: 'jojo', password: '1234567890' } })
    expect(await weak.json()).toMatchObject({ code: 'password_too_common' })
    // Still open after the failures.
    expect((await t.json('POST', '/invitations/lookup', { body: { code: body.code } })).status).toBe(200)
  })

  it.each([
    ['an unknown code', { code: 'AAA-AAA-AAA' }, 410, 'invitation_invalid'],
    ['an empty code', { code: '' }, 400, 'validation_failed'],
    ['a 10 kB code', { code: 'x'.repeat(10_000) }, 400, 'validation_failed'],
    ['unicode', { code: '🙂🙂🙂' }, 410, 'invitation_invalid'],
  ])('answers %s clearly', async (_label, body, status, code) => {
    const response = await t.json('POST', '/invitations/lookup', { body })
    expect(response.status).toBe(status)
    expect(await response.json()).toMatchObject({ code })
  })

  it('rejects bad usernames with a field message', async () => {
    const { body } = await invite(noor, 'client', 'Ben')
    for (const username of ['a', 'x'.repeat(10_000), 'hé there', '<script>']) {
      const response = await t.json('POST', '/invitations/accept', { body: { code: body.code, username, password: 'een goede lange zin' } })
      expect(response.status).toBe(400)
      expect((await response.json()).fields.username).toBeTruthy()
    }
  })
})

describe('access reset', () => {
  it('a linked worker gives a client a new code; the username stays, old sessions end, nobody sees the passphrase', async () => {
    const samSession = await t.signIn('sam')
    const reset = await t.json('POST', `/clients/${t.ids.sam}/access-reset`, { cookie: noor })
    expect(reset.status).toBe(201)
    const body = await reset.json()
    expect(JSON.stringify(body)).not.toMatch(/password/i)
    const preview = await (await t.json('POST', '/invitations/lookup', { body: { code: body.code } })).json()
    expect(preview.existingUsername).toBe('sam')
    const accepted = await t.json('POST', '/invitations/accept', { body: { code: body.code, password: 'nieuwe zin voor sam' } })
    expect(accepted.status).toBe(201)
    expect((await accepted.json()).username).toBe('sam')
    expect((await t.json('GET', '/me', { cookie: samSession })).status).toBe(401)
    await t.signIn('sam', 'nieuwe zin voor sam')
  })

  it('is refused to a peer expert and to a client', async () => {
    const eva = await t.signIn('eva')
    expect((await t.json('POST', `/clients/${t.ids.sam}/access-reset`, { cookie: eva })).status).toBe(403)
  })
})

describe('organisation settings', () => {
  it('a coordinator sets the number of priorities; the domain set is locked once clients wrote', async () => {
    const saved = await t.json('PUT', '/organisation', { cookie: admin, body: { domainSet: 'krachtwerk', priorityLimit: 3 } })
    expect(saved.status).toBe(200)
    expect(await saved.json()).toMatchObject({ priorityLimit: 3, domainSet: 'krachtwerk' })
    const locked = await t.json('PUT', '/organisation', { cookie: admin, body: { domainSet: 'icm', priorityLimit: 3 } })
    expect(locked.status).toBe(409)
    expect(await locked.json()).toMatchObject({ code: 'domain_set_in_use' })
    expect((await t.json('PUT', '/organisation', { cookie: noor, body: { domainSet: 'krachtwerk', priorityLimit: 4 } })).status).toBe(403)
    expect((await t.json('PUT', '/organisation', { cookie: admin, body: { domainSet: 'krachtwerk', priorityLimit: 9 } })).status).toBe(400)
    await t.json('PUT', '/organisation', { cookie: admin, body: { domainSet: 'krachtwerk', priorityLimit: 4 } })
  })
})
