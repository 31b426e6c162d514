import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/server'

/**
 * Attack tests: another site makes a signed-in person's browser send a request to Kracht. Each
 * request below carries the headers a browser sets on such a request (Origin, Sec-Fetch-Site), and
 * each is refused with nothing changed; the same requests from our own pages, and requests with an
 * API token, still work.
 */

let server: TestServer
let sam: string
let samId: string
beforeAll(async () => {
  server = await startTestServer()
  sam = await signIn('sam')
  samId = ((await (await call('GET', '/api/v1/me', { cookie: sam })).json()) as { id: string }).id
})
afterAll(() => server.close())

const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
const ownOrigin = () => ({ origin: server.url, 'sec-fetch-site': 'same-origin' })

async function call(method: string, path: string, options: { cookie?: string; body?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers }
  if (options.cookie) headers['cookie'] = options.cookie
  let body: string | undefined
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.body)
  } else if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(options.form).toString()
  }
  return fetch(`${server.url}${path}`, { method, headers, body, redirect: 'manual' })
}

async function signIn(username: string) {
  const response = await call('POST', '/api/v1/auth/login', { body: { username, password: 'kracht-demo' } })
  expect(response.status).toBe(200)
  return response.headers.get('set-cookie')?.split(';')[0] ?? ''
}

async function inventory(cookie = sam) {
  const response = await call('GET', `/api/v1/clients/${samId}/inventory`, { cookie })
  expect(response.status).toBe(200)
  // What a forged request could change (not the quality check's time stamp, which is of this read).
  const { version, statements, remarks } = (await response.json()) as { version: number; statements: { id: string; version: number; text: string }[]; remarks: string }
  return { version, statements, remarks }
}

describe('the API refuses cross-site writes that carry a cookie', () => {
  it.each([
    ['POST', () => `/api/v1/clients/${samId}/statements`, { domain: 'work', time: 'present', text: 'Iemand anders schreef dit' }],
    ['PUT', () => `/api/v1/clients/${samId}/remarks`, { version: 0, remarks: 'Iemand anders schreef dit' }],
  ])('%s with a body from another site: 403, nothing changed', async (method, path, body) => {
    const before = await inventory()
    const variants: Record<string, string>[] = [evil, { origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'same-site', origin: 'https://other.kracht.example.nl' }]
    for (const headers of variants) {
      const response = await call(method, path(), { cookie: sam, body, headers })
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ code: 'cross_site_request' })
    }
    expect(await inventory()).toEqual(before)
  })

  it('PATCH and DELETE of a statement from another site: 403, the statement unchanged', async () => {
    const [statement] = (await inventory()).statements
    if (!statement) throw new Error('sam has statements in the demo data')
    const path = `/api/v1/clients/${samId}/statements/${statement.id}`
    const patch = await call('PATCH', path, { cookie: sam, body: { version: statement.version, text: 'Overschreven' }, headers: evil })
    expect(patch.status).toBe(403)
    const remove = await call('DELETE', `${path}?version=${statement.version}`, { cookie: sam, headers: evil })
    expect(remove.status).toBe(403)
    expect((await inventory()).statements.find((s) => s.id === statement.id)).toEqual(statement)
  })

  it('a bodiless POST (sign out everywhere) from another site: 403, still signed in', async () => {
    const response = await call('POST', '/api/v1/auth/logout-everywhere', { cookie: sam, headers: evil })
    expect(response.status).toBe(403)
    expect((await call('GET', '/api/v1/me', { cookie: sam })).status).toBe(200)
  })

  it('a forged sign-in from another site (no cookie yet) is refused too', async () => {
    const response = await call('POST', '/api/v1/auth/login', { body: { username: 'sam', password: 'kracht-demo' }, headers: evil })
    expect(response.status).toBe(403)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('the same writes from our own pages, a typed address, or a program without browser headers work', async () => {
    const path = `/api/v1/clients/${samId}/statements`
    const body = { domain: 'work', time: 'present', text: 'Ik kan goed plannen' }
    const variants: Record<string, string>[] = [ownOrigin(), { 'sec-fetch-site': 'none' }, { origin: server.url }, {}]
    for (const headers of variants) {
      const response = await call('POST', path, { cookie: sam, body, headers })
      expect(response.status).toBe(201)
    }
  })

  it('a request with an API token and no cookie is not checked (a browser never adds that header)', async () => {
    const noor = await signIn('noor')
    const created = await call('POST', '/api/v1/me/api-tokens', {
      cookie: noor,
      body: { name: 'Dossier', scopes: ['inventory'], expiresAt: new Date(Date.now() + 86_400_000).toISOString(), password: 'kracht-demo' },
    })
    expect(created.status).toBe(201)
    const { token } = (await created.json()) as { token: string }
    // (A token reads only what it was made for: the caseload, within its scopes.)
    const read = await call('GET', '/api/v1/caseload', { headers: { ...evil, authorization: `Bearer ${token}` } })
    expect(read.status).toBe(200)
    // Writes stay refused for tokens, for their own reason.
    const write = await call('POST', `/api/v1/clients/${samId}/statements`, {
      body: { domain: 'work', time: 'present', text: 'x' },
      headers: { ...evil, authorization: `Bearer ${token}` },
    })
    expect(await write.json()).toMatchObject({ code: 'token_read_only' })
  })
})

describe("the portal's own forms refuse posts from another site", () => {
  it('a sign-in form posted from another site gets a friendly page and no session', async () => {
    const response = await call('POST', '/inloggen', { form: { username: 'sam', password: 'kracht-demo', terug: '/' }, headers: evil })
    expect(response.status).toBe(403)
    expect(response.headers.get('set-cookie')).toBeNull()
    const page = await response.text()
    expect(page).toContain('<h1>Dit formulier kwam van een andere website</h1>')
    expect(page).toContain('Er is niets veranderd.')
  })

  it('a new statement posted from another site is not saved', async () => {
    const before = await inventory()
    const variants: Record<string, string>[] = [evil, { origin: 'null' }, { origin: 'https://evil.example' }]
    for (const headers of variants) {
      const response = await call('POST', '/inventaris/nieuw', { cookie: sam, form: { domain: 'work', time: 'present', text: 'Iemand anders schreef dit' }, headers })
      expect(response.status).toBe(403)
    }
    expect(await inventory()).toEqual(before)
  })

  it('a share posted from another site, to the API or to /delen, shares nothing and replaces nothing', async () => {
    const shares = async () => (await (await call('GET', `/api/v1/clients/${samId}/consents`, { cookie: sam })).json()) as { id: string }[]
    const before = await shares()
    const grantees = (await (await call('GET', `/api/v1/clients/${samId}/grantees`, { cookie: sam })).json()) as { id: string }[]
    const granteeId = grantees[0]?.id ?? ''
    for (const headers of [evil, { origin: 'null' }]) {
      const api = await call('POST', `/api/v1/clients/${samId}/consents`, { cookie: sam, body: { granteeId, scopes: ['inventory', 'network'], access: 'comment', replaces: null }, headers })
      expect(api.status).toBe(403)
      const page = await call('POST', '/delen?index', { cookie: sam, form: { intent: 'share', granteeId, scopes: 'network', access: 'comment', replaces: '' }, headers })
      expect(page.status).toBe(403)
    }
    expect(await shares()).toEqual(before)
  })

  it('a bodiless sign-out posted from another site leaves the session alone', async () => {
    const response = await call('POST', '/uitloggen', { cookie: sam, headers: evil })
    expect(response.status).toBe(403)
    expect((await call('GET', '/api/v1/me', { cookie: sam })).status).toBe(200)
  })

  it('the same forms from our own pages still work, and their in-process API calls too', async () => {
    const signedIn = await call('POST', '/inloggen', { form: { username: 'sam', password: 'kracht-demo', terug: '/inventaris' }, headers: ownOrigin() })
    expect(signedIn.status).toBe(302)
    expect(signedIn.headers.get('location')).toBe('/inventaris')
    const cookie = signedIn.headers.get('set-cookie')?.split(';')[0] ?? ''
    const saved = await call('POST', '/inventaris/nieuw', { cookie, form: { domain: 'work', time: 'present', text: 'Ik help mijn buurvrouw' }, headers: ownOrigin() })
    expect(saved.status).toBe(302)
    expect((await inventory()).statements.map((s) => s.text)).toContain('Ik help mijn buurvrouw')
  })
})
