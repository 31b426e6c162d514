import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInOverApi, startTestServer, type TestServer } from '../support/server'

/**
 * Attack tests from the walk of round h25: requests a browser's own pages never send, each of which
 * made the portal answer 500 ("Er ging iets mis") and log a stack trace. A portal page takes forms
 * only; a page for a client takes a client id only. Each now gets a page that says what happened,
 * in the reader's language, and nothing is changed.
 */

let server: TestServer
let sam: string
let noor: string
beforeAll(async () => {
  server = await startTestServer()
  sam = await signIn('sam')
  noor = await signIn('noor')
})
afterAll(() => server.close())

const signIn = (username: string) => signInOverApi(server.url, username)

const ownSite = () => ({ origin: server.url, 'sec-fetch-site': 'same-origin' })

async function post(path: string, cookie: string, headers: Record<string, string>, body?: string) {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { ...ownSite(), cookie, ...headers }, body, redirect: 'manual' })
}

async function messageTexts() {
  const me = (await (await fetch(`${server.url}/api/v1/me`, { headers: { cookie: sam } })).json()) as { id: string }
  const thread = (await (await fetch(`${server.url}/api/v1/clients/${me.id}/messages`, { headers: { cookie: sam } })).json()) as { messages: { text: string }[] }
  return thread.messages.map((m) => m.text)
}

describe('a portal page takes forms only', () => {
  const notForms: [string, Record<string, string>, string | undefined][] = [
    ['JSON', { 'content-type': 'application/json' }, JSON.stringify({ text: 'Niet via een formulier', topic: 'general' })],
    ['plain text', { 'content-type': 'text/plain' }, 'text=Niet via een formulier&topic=general'],
    ['no type and no body', {}, undefined],
    ['a broken multipart form', { 'content-type': 'multipart/form-data; boundary=zz' }, '--zz\r\nkapot'],
  ]

  it.each(notForms)('%s to an action: a page that says nothing was changed, never a 500', async (_kind, headers, body) => {
    const before = await messageTexts()
    for (const path of ['/berichten', '/inventaris/nieuw', '/hulp/mijn-plan', '/delen?index', '/inloggen', '/taal']) {
      const response = await post(path, sam, headers, body)
      expect(response.status, path).toBeGreaterThanOrEqual(400)
      expect(response.status, path).toBeLessThan(500)
      const page = await response.text()
      expect(page).toContain('<html lang="nl">')
      expect(page).toContain('Er is niets veranderd')
      expect(page).not.toMatch(/TypeError|Content-Type was not|at [\w$.]+ \(/)
    }
    expect(await messageTexts()).toEqual(before)
  })

  it('says it in English to an English reader', async () => {
    const response = await post('/berichten', `${sam}; kracht_lang=en`, { 'content-type': 'application/json' }, '{}')
    expect(response.status).toBe(415)
    const page = await response.text()
    expect(page).toContain('<html lang="en">')
    expect(page).toContain('Nothing was changed')
  })

  it('the forms a page sends still work: urlencoded and multipart', async () => {
    const urlencoded = await post('/berichten', sam, { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ topic: 'general', text: 'Gewoon via het formulier' }).toString())
    expect(urlencoded.status).toBeLessThan(400)
    const multipart = new FormData()
    multipart.set('topic', 'general')
    multipart.set('text', 'Ook met JavaScript, als FormData')
    const withScript = await fetch(`${server.url}/berichten`, { method: 'POST', headers: { ...ownSite(), cookie: sam }, body: multipart, redirect: 'manual' })
    expect(withScript.status).toBeLessThan(400)
    expect(await messageTexts()).toEqual(expect.arrayContaining(['Gewoon via het formulier', 'Ook met JavaScript, als FormData']))
  })
})

describe('a page for a client takes a client id only', () => {
  it.each(['/clienten/xyz', '/clienten/1%27%20or%201=1', '/clienten/xyz/traject'])('%s: not found, for reading and for a form, never a 500', async (path) => {
    const read = await fetch(`${server.url}${path}`, { headers: { cookie: noor }, redirect: 'manual' })
    expect(read.status).toBe(404)
    const form = await post(path, noor, { 'content-type': 'application/x-www-form-urlencoded' }, 'intent=comment&body=hoi')
    expect(form.status).toBe(404)
  })
})
