import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { idempotencyKeys, statements, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../testing'
import { deleteExpiredIdempotencyKeys } from './idempotency'
import { eraseClient } from '../services/client-data/erase'

let t: TestApi
let sam: string
let kim: string
let kimId: string
beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  // A second client in the same organisation, to show that keys are per person.
  const [samRow] = await t.handle.db.select().from(users).where(eq(users.id, t.ids.sam))
  const [kimRow] = await t.handle.db
    .insert(users)
    .values({ organisationId: samRow!.organisationId, role: 'client', username: 'kim-idem', displayName: 'Kim', passwordHash: samRow!.passwordHash })
    .returning({ id: users.id })
  kimId = kimRow!.id
  kim = await t.signIn('kim-idem')
})
afterAll(() => t.close())

const post = (clientId: string, cookie: string, key: string | null, body: Record<string, unknown>) =>
  t.json('POST', `/clients/${clientId}/statements`, { cookie, body, headers: key === null ? {} : { 'Idempotency-Key': key } })
const countOf = async (clientId: string, text: string) =>
  (await t.handle.db.select().from(statements).where(eq(statements.clientId, clientId))).filter((s) => s.text === text).length

describe('Idempotency-Key on writes', () => {
  it('a retried POST with the same key creates one statement and gets the same answer', async () => {
    const body = { domain: 'work', time: 'present', text: 'Ik help mijn buurman met zijn fiets.' }
    const first = await post(t.ids.sam, sam, 'k-1', body)
    expect(first.status).toBe(201)
    const firstBody = await first.json()
    const retry = await post(t.ids.sam, sam, 'k-1', body)
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotency-replayed')).toBe('true')
    expect(retry.headers.get('content-type')).toContain('application/json')
    expect(await retry.json()).toEqual(firstBody)
    expect(await countOf(t.ids.sam, body.text)).toBe(1)
  })

  it('two requests at once with one key: one runs, the other waits its turn or is told it is running', async () => {
    const body = { domain: 'work', time: 'present', text: 'Ik kan goed koken voor anderen.' }
    const answers = await Promise.all([post(t.ids.sam, sam, 'k-twice', body), post(t.ids.sam, sam, 'k-twice', body)])
    expect(answers.map((a) => a.status).sort()).toEqual(answers.some((a) => a.status === 409) ? [201, 409] : [201, 201])
    const conflict = answers.find((a) => a.status === 409)
    if (conflict) expect((await conflict.json()).code).toBe('idempotency_in_progress')
    expect(await countOf(t.ids.sam, body.text)).toBe(1)
  })

  it('the same key with another body or path is refused with 422 and runs nothing', async () => {
    await post(t.ids.sam, sam, 'k-2', { domain: 'work', time: 'present', text: 'Ik ben op tijd.' })
    const other = await post(t.ids.sam, sam, 'k-2', { domain: 'work', time: 'present', text: 'Iets anders.' })
    expect(other.status).toBe(422)
    expect((await other.json()).code).toBe('idempotency_key_reused')
    expect(await countOf(t.ids.sam, 'Iets anders.')).toBe(0)
    const elsewhere = await t.json('PUT', `/clients/${t.ids.sam}/priorities`, { cookie: sam, body: { domains: ['work'] }, headers: { 'Idempotency-Key': 'k-2' } })
    expect(elsewhere.status).toBe(422)
  })

  it('keys are per person: another client with the same key gets their own answer', async () => {
    const body = { domain: 'work', time: 'present', text: 'Ik luister goed.' }
    expect((await post(t.ids.sam, sam, 'k-shared', body)).status).toBe(201)
    const theirs = await post(kimId, kim, 'k-shared', body)
    expect(theirs.status).toBe(201)
    expect(theirs.headers.get('idempotency-replayed')).toBeNull()
    expect(await countOf(kimId, body.text)).toBe(1)
    expect(await countOf(t.ids.sam, body.text)).toBe(1)
  })

  it('a retried removal gets its 204 again, and another version with the same key is refused', async () => {
    const created = await post(t.ids.sam, sam, null, { domain: 'work', time: 'present', text: 'Weg ermee.' })
    const { statement } = await created.json()
    const remove = (version: number) =>
      t.json('DELETE', `/clients/${t.ids.sam}/statements/${statement.id}?version=${version}`, { cookie: sam, headers: { 'Idempotency-Key': 'k-del' } })
    expect((await remove(1)).status).toBe(204)
    const again = await remove(1)
    expect(again.status).toBe(204)
    expect(again.headers.get('idempotency-replayed')).toBe('true')
    expect((await remove(2)).status).toBe(422)
  })

  it('goes with the client on erasure: the kept answers hold their words', async () => {
    expect((await t.handle.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, kimId))).length).toBeGreaterThan(0)
    await eraseClient(t.deps, { clientId: kimId, reason: 'own_request', actor: null })
    expect(await t.handle.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, kimId))).toEqual([])
  })

  it('without a key every request runs (the header is optional)', async () => {
    const body = { domain: 'work', time: 'present', text: 'Ik geef niet op.' }
    await post(t.ids.sam, sam, null, body)
    await post(t.ids.sam, sam, null, body)
    expect(await countOf(t.ids.sam, body.text)).toBe(2)
  })

  it('refuses an unusable key with a stable code', async () => {
    const response = await post(t.ids.sam, sam, 'x'.repeat(201), { domain: 'work', time: 'present', text: 'Te lang.' })
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe('idempotency_key_invalid')
  })

  it('keeps a validation problem as the answer, but not a failure that changed nothing on our side', async () => {
    const bad = await post(t.ids.sam, sam, 'k-bad', { domain: 'nowhere', time: 'present', text: 'x' })
    expect(bad.status).toBe(400)
    const again = await post(t.ids.sam, sam, 'k-bad', { domain: 'nowhere', time: 'present', text: 'x' })
    expect(again.status).toBe(400)
    expect(again.headers.get('idempotency-replayed')).toBe('true')
  })

  it('forgets keys after 24 hours: the same key then runs again', async () => {
    const body = { domain: 'work', time: 'present', text: 'Ik zorg goed voor mijn kat.' }
    await post(t.ids.sam, sam, 'k-old', body)
    t.advance(25 * 60 * 60 * 1000)
    sam = await t.signIn('sam')
    const later = await post(t.ids.sam, sam, 'k-old', body)
    expect(later.status).toBe(201)
    expect(later.headers.get('idempotency-replayed')).toBeNull()
    expect(await countOf(t.ids.sam, body.text)).toBe(2)
    // The daily job removes everyone's old keys.
    t.advance(25 * 60 * 60 * 1000)
    expect(await deleteExpiredIdempotencyKeys(t.deps)).toBeGreaterThan(0)
    expect(await t.handle.db.select().from(idempotencyKeys)).toEqual([])
  })

  it('is in the OpenAPI document: one reusable header parameter, referenced by every write', async () => {
    const document = (await (await t.json('GET', '/openapi.json')).json()) as {
      components: { parameters: Record<string, { name: string; in: string }> }
      paths: Record<string, Record<string, { parameters?: { $ref?: string }[] }>>
    }
    expect(document.components.parameters['IdempotencyKey']).toMatchObject({ name: 'Idempotency-Key', in: 'header' })
    const refs = (method: string, path: string) => (document.paths[path]?.[method]?.parameters ?? []).map((p) => p.$ref)
    expect(refs('post', '/clients/{clientId}/statements')).toContain('#/components/parameters/IdempotencyKey')
    expect(refs('get', '/clients/{clientId}/statements')).not.toContain('#/components/parameters/IdempotencyKey')
  })
})
