import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/server'

// Sign-in throttling through the portal behind a reverse proxy (issue 12, item 6). The test plays the
// proxy: every request comes from 127.0.0.1 and says in X-Forwarded-For whom it forwards.

let server: TestServer

/** A form post to the portal, as a browser behind the proxy sends it. */
function portalPost(path: string, forwardedFor: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, 'x-forwarded-for': forwardedFor },
    body: new URLSearchParams(fields).toString(),
  })
}

const portalSignIn = (forwardedFor: string, username: string, password: string) =>
  portalPost('/inloggen', forwardedFor, { username, password, terug: '/' })

describe('the portal behind a proxy', () => {
  beforeAll(async () => {
    server = await startTestServer({ TRUSTED_PROXIES: '1', LOGIN_MAX_FAILURES_PER_IP: '3' })
  }, 120_000)
  afterAll(() => server.close())

  it('two people behind one proxy do not share a counter: one guessing does not lock out the other', async () => {
    const guesses: number[] = []
    for (let i = 0; i < 4; i++) guesses.push((await portalSignIn('198.51.100.7', `niemand${i}`, 'verkeerd wachtwoord')).status)
    expect(guesses).toEqual([401, 401, 401, 429])
    // A forged hop in front does not give the guesser a fresh counter either.
    expect((await portalSignIn('192.0.2.1, 198.51.100.7', 'niemand9', 'verkeerd wachtwoord')).status).toBe(429)
    // Someone else behind the same proxy signs in as usual.
    const other = await portalSignIn('198.51.100.8', 'sam', 'kracht-demo')
    expect(other.status).toBe(302)
    expect(other.headers.get('set-cookie') ?? '').toMatch(/kracht_session=/)
  })
})

describe('cookies when PUBLIC_URL is https', () => {
  beforeAll(async () => {
    server = await startTestServer({ PUBLIC_URL: 'https://kracht.example.nl' })
  }, 120_000)
  afterAll(() => server.close())

  it('the session cookie is __Host- and Secure through the portal too, and the language cookie is Secure', async () => {
    const signIn = await portalSignIn('', 'sam', 'kracht-demo')
    expect(signIn.status).toBe(302)
    const session = signIn.headers.get('set-cookie') ?? ''
    expect(session).toMatch(/^__Host-kracht_session=[^;]+;/)
    expect(session).toMatch(/; Secure/)
    // The portal recognises the prefixed cookie: the home page opens signed in.
    const home = await fetch(`${server.url}/`, { redirect: 'manual', headers: { cookie: session.split(';')[0] ?? '' } })
    expect(home.status).toBe(200)
    const language = await portalPost('/taal', '', { lang: 'en', terug: '/' })
    expect(language.headers.get('set-cookie') ?? '').toMatch(/; Secure/)
  })
})
