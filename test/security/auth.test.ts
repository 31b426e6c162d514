import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/server'

// Sign-in throttling through the portal behind a reverse proxy (issue 12, item 6). The test plays the
// proxy: every request comes from 127.0.0.1 and says in X-Forwarded-For whom it forwards.

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ TRUSTED_PROXIES: '1', LOGIN_MAX_FAILURES_PER_IP: '3' })
}, 120_000)
afterAll(() => server.close())

/** A sign-in through the portal's form, as a browser behind the proxy sends it. */
function portalSignIn(forwardedFor: string, username: string, password: string) {
  return fetch(`${server.url}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, 'x-forwarded-for': forwardedFor },
    body: new URLSearchParams({ username, password, terug: '/' }).toString(),
  })
}

describe('the portal behind a proxy', () => {
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
