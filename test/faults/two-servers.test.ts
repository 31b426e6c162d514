import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmptyPostgresDatabase } from '@kracht/db/testing'
import { Api, spawnServer, type ServerProcess } from './support'

// Issue 20, item 3: two server processes on one PostgreSQL database, as behind a load balancer. They
// share nothing but the database (and the SESSION_SECRET every such set-up sets), so whatever one
// knows, the other must read from the database. Only with DATABASE_URL (the embedded database is
// one process by design); the CI's PostgreSQL phase runs this file.

const serverUrl = process.env['DATABASE_URL']

const cleanups: (() => Promise<unknown> | void)[] = []
let a: ServerProcess
let b: ServerProcess
let urlA = ''
let urlB = ''

beforeAll(async () => {
  if (!serverUrl) return
  const database = await createEmptyPostgresDatabase(serverUrl)
  cleanups.push(() => database.drop())
  const env = (name: string) => {
    const dataDir = mkdtempSync(join(tmpdir(), `kracht-two-${name}-`))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    return { DATABASE_URL: database.url, DATA_DIR: dataDir, SESSION_SECRET: 'two-servers-share-this-secret-of-forty-chars' }
  }
  // Both start at once on the empty database: one migrates and adds the demo data, the other waits.
  a = spawnServer(env('a'))
  b = spawnServer(env('b'))
  cleanups.push(() => a.kill('SIGTERM'), () => b.kill('SIGTERM'))
  ;[urlA, urlB] = await Promise.all([a.ready, b.ready])
}, 180_000)

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

describe.skipIf(!serverUrl)('two server processes on one PostgreSQL database', () => {
  it('both started at once on an empty database; one added the demo data', () => {
    const seeded = [a.output(), b.output()].filter((output) => output.includes('Demo data added'))
    expect(seeded).toHaveLength(1)
    expect(a.output() + b.output()).not.toMatch(/Error|could not start/i)
  })

  it('a session made on one works on the other', async () => {
    const onA = new Api(urlA)
    const samId = await onA.signIn('sam')
    const me = await onA.at(urlB).must<{ id: string }>('GET', '/me')
    expect(me.id).toBe(samId)
    // Signed out on B: gone on A too.
    await onA.at(urlB).must('POST', '/auth/logout')
    expect(await onA.call('GET', '/me')).toMatchObject({ ok: false, status: 401 })
  })

  it('failed sign-ins on one count on the other', async () => {
    const wrong = (url: string) =>
      fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'eva', password: 'niet-het-goede-wachtwoord' }) })
    // Five allowed per account and address (LOGIN_MAX_FAILURES_PER_ACCOUNT): three on A, two on B.
    for (const url of [urlA, urlA, urlA, urlB, urlB]) expect((await wrong(url)).status).toBe(401)
    // A alone has seen three, B two: only together are they five, and both now make eva's address wait.
    for (const url of [urlA, urlB]) {
      const response = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'eva', password: 'kracht-demo' }),
      })
      expect(response.status).toBe(429)
      expect((await response.json()).code).toBe('too_many_attempts')
    }
  })

  it('a consent stopped through one is enforced by the other on the very next request', async () => {
    const sam = new Api(urlA)
    const samId = await sam.signIn('sam')
    const noorOnB = new Api(urlB)
    const noorId = await noorOnB.signIn('noor')
    const consent = await sam.must<{ id: string }>('POST', `/clients/${samId}/consents`, { granteeId: noorId, scopes: ['inventory'], access: 'read', endsAt: null })
    expect((await noorOnB.call('GET', `/clients/${samId}/inventory`)).ok).toBe(true)
    await sam.must('DELETE', `/clients/${samId}/consents/${consent.id}`)
    expect(await noorOnB.call('GET', `/clients/${samId}/inventory`)).toMatchObject({ ok: false, status: 403 })
  })

  it('the same statement edited from the same version through both: one 200, one 409, never a silent overwrite', async () => {
    const onA = new Api(urlA)
    const samId = await onA.signIn('sam')
    const onB = onA.at(urlB)
    for (let round = 0; round < 5; round++) {
      const created = await onA.must<{ statement: { id: string } }>('POST', `/clients/${samId}/statements`, { domain: 'work', time: 'present', form: 'i_can', text: `Ik kan plannen, ronde ${round}.` })
      const path = `/clients/${samId}/statements/${created.statement.id}`
      const texts = { a: `Ik kan goed plannen (A, ronde ${round}).`, b: `Ik kan heel goed plannen (B, ronde ${round}).` }
      const [viaA, viaB] = await Promise.all([onA.call('PATCH', path, { version: 1, text: texts.a }), onB.call('PATCH', path, { version: 1, text: texts.b })])
      const statuses = [viaA, viaB].map((outcome) => ('status' in outcome ? outcome.status : 0))
      expect(statuses.sort()).toEqual([200, 409])
      const loser = viaA.ok ? viaB : viaA
      expect(loser).toMatchObject({ body: { code: 'version_conflict' } })
      const winner = viaA.ok ? texts.a : texts.b
      const statements = await onB.must<{ id: string; text: string; version: number }[]>('GET', `/clients/${samId}/statements`)
      expect(statements.find((s) => s.id === created.statement.id)).toMatchObject({ text: winner, version: 2 })
    }
  })
})
