import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { accessLog } from '@kracht/db'
import { createTestApi, queriesSent, whileAccessLogFails, type TestApi } from '../testing'

/**
 * A route that declares `logWithRead` (the inventory) writes its access-log row in the same
 * statement as its read (lib/access-log.ts). What must still hold: one row per allowed read, a row
 * when the handler reads nothing, none for the client's own read, and nothing read when the row
 * cannot be written. Noor is Sam's worker and is given a consent on the inventory.
 */
describe('the access-log row written with the read', () => {
  let t: TestApi
  let sam: string
  let noor: string
  const rows = async () =>
    (await t.deps.db.select({ n: count() }).from(accessLog).where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor))))[0]?.n ?? 0
  const lastRow = async () => (await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, t.ids.sam)).orderBy(accessLog.seq)).at(-1)

  beforeAll(async () => {
    t = await createTestApi()
    sam = await t.signIn('sam')
    noor = await t.signIn('noor')
    const granted = await t.json('POST', `/clients/${t.ids.sam}/consents`, {
      cookie: sam,
      body: { granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains: [], access: 'comment', endsAt: null },
    })
    expect(granted.status).toBe(201)
  })
  afterAll(() => t.close())

  it('writes exactly one allowed row for a worker’s read, chained like any row', async () => {
    const before = await rows()
    const response = await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: noor })
    expect(response.status).toBe(200)
    expect((await response.json()).statements.length).toBeGreaterThan(0)
    expect(await rows()).toBe(before + 1)
    const row = await lastRow()
    expect(row).toMatchObject({ actorId: t.ids.noor, action: 'read', scope: 'inventory', resource: 'inventory', outcome: 'allowed' })
    expect(row?.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('costs two queries on the embedded database: the session with the gate’s facts, the row with the read', async () => {
    const sent = await queriesSent(t, async () => {
      expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: noor })).status).toBe(200)
    })
    if (!sent) return
    expect(sent).toHaveLength(2)
    expect(sent[0]).toMatch(/from "sessions"/)
    expect(sent[0]).toMatch(/from "consents"/)
    expect(sent[1]).toMatch(/^with "logged_access" as \(insert into "access_log"/)
  })

  it('the read built once (services/inventory/inventory.ts) runs with each request’s own row and client', async () => {
    const before = await rows()
    const first = await (await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: noor })).json()
    const firstRow = await lastRow()
    // The client's own read (no log row: another shape) between the two.
    const own = await (await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: sam })).json()
    const second = await (await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: noor })).json()
    const secondRow = await lastRow()
    expect(await rows()).toBe(before + 2)
    expect(secondRow?.seq).toBe(Number(firstRow?.seq) + 1)
    expect(secondRow?.id).not.toBe(firstRow?.id)
    expect(secondRow?.at.getTime()).toBeGreaterThanOrEqual(firstRow?.at.getTime() ?? Infinity)
    expect(second.statements).toEqual(first.statements)
    expect(own.statements.map((one: { id: string }) => one.id)).toEqual(first.statements.map((one: { id: string }) => one.id))
    // Nobody else's read is answered from it: a worker without consent is still refused, and logged.
    const eva = await t.signIn('eva')
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: eva })).status).toBe(403)
  })

  it('still writes the row when the handler answers without reading (a bad query parameter)', async () => {
    const before = await rows()
    const response = await t.json('GET', `/clients/${t.ids.sam}/inventory?locale=xx`, { cookie: noor })
    expect(response.status).toBe(400)
    expect(await rows()).toBe(before + 1)
  })

  it('writes no row for the client’s own read', async () => {
    const before = (await t.deps.db.select({ n: count() }).from(accessLog).where(eq(accessLog.clientId, t.ids.sam)))[0]?.n ?? 0
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: sam })).status).toBe(200)
    expect((await t.deps.db.select({ n: count() }).from(accessLog).where(eq(accessLog.clientId, t.ids.sam)))[0]?.n ?? 0).toBe(before)
  })

  it('reads nothing when the row cannot be written: the answer is a 500 without the client’s words', async () => {
    await whileAccessLogFails(t, async () => {
      const before = await rows()
      const response = await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: noor })
      expect(response.status).toBe(500)
      const body = await response.text()
      expect(JSON.parse(body)).toMatchObject({ code: 'internal_error' })
      expect(body).not.toContain('statements')
      expect(await rows()).toBe(before)
    })
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: noor })).status).toBe(200)
  })
})
