import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import * as schema from '../schema/index'
import { verifyAccessLogChain } from './access-log-chain'
import type { Database } from './client'
import { migrationsFolder } from './migrate'

// A database that already has a log when the chain arrives (every demo or pilot that ran before):
// the log_sql migration numbers and hashes the old rows in the order they were written, and new
// rows go on from there. The migrations are applied by hand here, to stop half-way. Embedded only
// (the SQL is the same on a server): the run against PostgreSQL skips it rather than pay twice.

interface Journal {
  entries: { tag: string }[]
}
const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal
const chainAt = journal.entries.findIndex((entry) => entry.tag.endsWith('_log_sql'))
const apply = async (pg: PGlite, tags: string[]) => {
  for (const tag of tags) {
    for (const statement of readFileSync(`${migrationsFolder}/${tag}.sql`, 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) await pg.exec(statement)
    }
  }
}

let pg: PGlite
const onServer = Boolean(process.env['DATABASE_URL'])
beforeAll(async () => {
  if (onServer) return
  pg = new PGlite()
  await pg.waitReady
})
afterAll(() => pg?.close())

describe.skipIf(onServer)('the chain over a log that already has rows', () => {
  it('numbers and hashes the old rows oldest first, and new rows continue the chain', async () => {
    expect(chainAt).toBeGreaterThan(0)
    const tags = journal.entries.map((entry) => entry.tag)
    await apply(pg, tags.slice(0, chainAt))
    await pg.exec(`insert into access_log (at, client_id, action, scope, resource, outcome, basis) values
      ('2026-01-02T10:00:00Z', gen_random_uuid(), 'read', 'inventory', 'inventory', 'allowed', 'second'),
      ('2026-01-01T10:00:00Z', gen_random_uuid(), 'read', 'inventory', 'inventory', 'denied', 'first'),
      ('2026-01-03T10:00:00Z', gen_random_uuid(), 'read', 'network', 'network', 'allowed', 'third')`)
    await apply(pg, tags.slice(chainAt))
    const db = drizzle(pg, { schema }) as unknown as Database
    expect(await verifyAccessLogChain(db)).toMatchObject({ ok: true, rows: 3, lastSeq: 3 })
    const order = await pg.query<{ basis: string }>('select basis from access_log order by seq')
    expect(order.rows.map((row) => row.basis)).toEqual(['first', 'second', 'third'])
    await pg.exec(`insert into access_log (client_id, action, scope, resource, outcome, basis) values (gen_random_uuid(), 'read', 'inventory', 'inventory', 'allowed', 'fourth')`)
    expect(await verifyAccessLogChain(db)).toMatchObject({ ok: true, rows: 4, lastSeq: 4 })
    // The append-only trigger is back on after the migration set it aside.
    await expect(pg.exec('delete from access_log')).rejects.toThrow(/append-only/)
  })
})
