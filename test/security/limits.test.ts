import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consumeRateLimit } from '@kracht/api/rate-limit'
import { signInOverApi, startTestServer, type TestServer } from '../support/server'

/**
 * Attack tests: floods and oversized or disguised input. A 5 MB form to the sign-in page, a burst
 * of 1,000 statements from one account, a statement hiding a right-to-left override.
 */

let server: TestServer
let sam: string
let samId: string
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_WRITES_PER_MINUTE: '60', RATE_LIMIT_ASSISTANT_PER_MINUTE: '30' })
  sam = await signIn('sam')
  samId = ((await (await fetch(`${server.url}/api/v1/me`, { headers: { cookie: sam } })).json()) as { id: string }).id
})
afterAll(() => server.close())

const signIn = (username: string) => signInOverApi(server.url, username)

const addStatement = (text: string, cookie = sam) =>
  fetch(`${server.url}/api/v1/clients/${samId}/statements`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ domain: 'work', time: 'present', text }),
  })

async function statementTexts(): Promise<string[]> {
  const response = await fetch(`${server.url}/api/v1/clients/${samId}/inventory`, { headers: { cookie: sam } })
  const body = (await response.json()) as { statements: { text: string }[] }
  return body.statements.map((s) => s.text)
}

/**
 * A raw request on its own connection, so the test sees how soon the server answers while the body
 * is still being sent. Without `declared` the body goes chunked, with no length announced.
 */
function postLarge(path: string, bytes: number, declared = true): Promise<{ status: number; ms: number; body: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const req = httpRequest(new URL(path, server.url), {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(declared ? { 'content-length': String(bytes) } : {}) },
    })
    req.on('response', (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, ms: Date.now() - started, body })
        req.destroy()
      })
    })
    // The server may close the connection while we are still sending: expected once it has answered.
    req.on('error', (error) => setTimeout(() => reject(error), 5_000))
    const chunk = Buffer.alloc(64 * 1024, 'a')
    let sent = 0
    const write = () => {
      while (sent < bytes && !req.destroyed) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', write)
      }
      if (!req.destroyed) req.end()
    }
    write()
  })
}

describe('body limits', () => {
  it('a 5 MB form to /inloggen gets 413 at once, and the server stays healthy', async () => {
    const { status, ms, body } = await postLarge('/inloggen', 5 * 1024 * 1024)
    expect(status).toBe(413)
    expect(ms).toBeLessThan(2_000)
    expect(body).toContain('Dit is te veel in één keer')
    const health = await fetch(`${server.url}/api/v1/health`)
    expect(await health.json()).toEqual({ status: 'ok', database: 'reachable' })
  })

  it('a body without a length is cut off while it streams', async () => {
    const { status } = await postLarge('/inloggen', 5 * 1024 * 1024, false)
    expect(status).toBe(413)
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200)
  })

  it('the API answers a large body with a JSON problem', async () => {
    const { status, body } = await postLarge(`/api/v1/clients/${samId}/statements`, 200_000)
    expect(status).toBe(413)
    expect(JSON.parse(body)).toMatchObject({ code: 'payload_too_large' })
  })
})

describe('text is cleaned on the way in', () => {
  it('a statement with a right-to-left override is saved without it', async () => {
    const response = await addStatement('Ik wil \u202Enetpots\u202C niet\u200B meer')
    expect(response.status).toBe(201)
    const { statement } = (await response.json()) as { statement: { text: string } }
    expect(statement.text).toBe('Ik wil netpots niet meer')
    expect(await statementTexts()).toContain('Ik wil netpots niet meer')
    expect((await statementTexts()).some((text) => /[\u202A-\u202E\u2066-\u2069\u200B]/.test(text))).toBe(false)
  })
})

describe('rate limits on writes', () => {
  it('1,000 statements in a burst: 429 after the limit, Retry-After, nothing half-written', { timeout: 180_000 }, async () => {
    const noor = await signIn('noor')
    const before = (await statementTexts()).length
    const statuses: number[] = []
    let refused: Response | null = null
    // In parallel batches, as a script would send them: the counter is one atomic upsert, so parallel
    // requests cannot slip past the limit together.
    for (let batch = 0; batch < 20; batch++) {
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => addStatement(`Burst ${batch * 50 + i}`)))
      for (const response of responses) {
        statuses.push(response.status)
        if (response.status === 429) refused ??= response
        else await response.arrayBuffer()
      }
    }
    const accepted = statuses.filter((status) => status === 201).length
    // The statement in the test above counted too (same minute, unless the minute turned over).
    expect(accepted).toBeGreaterThanOrEqual(59)
    expect(accepted).toBeLessThanOrEqual(120)
    expect(statuses.filter((status) => status === 429).length).toBe(1000 - accepted)
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(Number(refused?.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect(await refused?.json()).toMatchObject({ code: 'too_many_requests' })
    // Exactly the accepted ones were saved.
    expect((await statementTexts()).length).toBe(before + accepted)
    // Reading goes on, and someone else is not held back by Sam's limit.
    expect((await fetch(`${server.url}/api/v1/clients/${samId}/inventory`, { headers: { cookie: sam } })).status).toBe(200)
    const other = await fetch(`${server.url}/api/v1/me/api-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: noor },
      body: JSON.stringify({ name: 'Dossier', scopes: ['inventory'], expiresAt: new Date(Date.now() + 86_400_000).toISOString(), password: 'kracht-demo' }),
    })
    expect(other.status).toBe(201)
  })

  it('the portal shows a friendly message and keeps what was typed', { timeout: 120_000 }, async () => {
    // Sam is over the limit from the burst above (or, if a new minute began since, soon is again).
    let response: Response | null = null
    for (let attempt = 0; attempt < 70 && response?.status !== 429; attempt++) {
      response = await fetch(`${server.url}/inventaris/nieuw`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: sam },
        body: new URLSearchParams({ domain: 'work', time: 'present', text: 'Ik kan goed luisteren naar anderen' }).toString(),
        redirect: 'manual',
      })
      if (response.status !== 429) await response.arrayBuffer()
    }
    if (!response) throw new Error('no answer')
    expect(response.status).toBe(429)
    const page = await response.text()
    expect(page).toContain('Je gaat even heel snel.')
    expect(page).toContain('Ik kan goed luisteren naar anderen')
  })

  it('assistant turns have their own, lower limit, apart from other writes', { timeout: 120_000 }, async () => {
    // Sam is over the write limit from the burst above; the assistant counts separately. 70 turns:
    // even when a minute turns over halfway, at most 60 fit in two windows.
    const statuses: number[] = []
    for (let i = 0; i < 70; i++) {
      const response = await fetch(`${server.url}/api/v1/clients/${samId}/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: sam },
        body: JSON.stringify({ flow: 'miracle' }),
      })
      statuses.push(response.status)
      await response.arrayBuffer()
    }
    const started = statuses.filter((status) => status === 201).length
    expect(started).toBeGreaterThanOrEqual(30)
    expect(started).toBeLessThanOrEqual(60)
    expect(statuses.filter((status) => status === 429).length).toBe(70 - started)
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(30)
  })

  it('the window is shared through the database and starts over after a minute', async () => {
    const config = server.config
    const deps = (at: number) => ({ db: server.handle.db, config, now: () => new Date(at) })
    const minute = Math.floor(Date.now() / 60_000) * 60_000
    const key = `writes:test-${minute}`
    // Two "processes" (two deps objects) count against one row.
    const first = await consumeRateLimit(deps(minute + 1_000), key, 2)
    const second = await consumeRateLimit(deps(minute + 2_000), key, 2)
    const third = await consumeRateLimit(deps(minute + 50_000), key, 2)
    expect([first.allowed, second.allowed, third.allowed]).toEqual([true, true, false])
    expect(third.retryAfterSeconds).toBe(10)
    const next = await consumeRateLimit(deps(minute + 61_000), key, 2)
    expect(next).toMatchObject({ allowed: true, hits: 1 })
  })
})
