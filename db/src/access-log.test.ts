import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { accessLog } from '../schema/index'
import { createTestDatabase } from './testing'
import type { DatabaseHandle } from './client'

// The append-only rule lives in the database (migration 0003_sharing): these prove it holds
// even for code that tries, on PGlite and on a PostgreSQL server alike.
describe('access_log is append-only in the database', () => {
  let handle: DatabaseHandle
  const clientId = randomUUID()
  beforeAll(async () => {
    handle = await createTestDatabase()
    await handle.db.insert(accessLog).values({ clientId, action: 'read', scope: 'inventory', resource: 'inventory', outcome: 'allowed', basis: 'test' })
  })
  afterAll(() => handle.close())

  it('accepts inserts', async () => {
    const rows = await handle.db.select().from(accessLog).where(eq(accessLog.clientId, clientId))
    expect(rows).toHaveLength(1)
  })
  it('refuses updates', async () => {
    await expect(handle.db.update(accessLog).set({ outcome: 'denied' }).where(eq(accessLog.clientId, clientId))).rejects.toThrow()
    const [row] = await handle.db.select().from(accessLog).where(eq(accessLog.clientId, clientId))
    expect(row?.outcome).toBe('allowed')
  })
  it('refuses deletes', async () => {
    await expect(handle.db.delete(accessLog).where(eq(accessLog.clientId, clientId))).rejects.toThrow()
    expect(await handle.db.select().from(accessLog)).toHaveLength(1)
  })
})
