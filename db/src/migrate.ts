import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import type { DatabaseHandle } from './client'

// Resolved from this module, not from the working folder, so any start directory works.
export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url))

interface Journal {
  entries: { tag: string }[]
}

function journalSize(): number {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal
  return journal.entries.length
}

async function appliedCount(handle: DatabaseHandle): Promise<number> {
  try {
    const result = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    )
    // PGlite returns { rows }, postgres.js an array.
    const rows = Array.isArray(result) ? result : (result as unknown as { rows: { n: number }[] }).rows
    return rows[0]?.n ?? 0
  } catch {
    return 0
  }
}

/**
 * Applies the committed SQL migrations. With the embedded database, a backup of the data folder is
 * written first whenever there is something to apply to existing data.
 */
export async function runMigrations(handle: DatabaseHandle, options: { backupDir?: string } = {}): Promise<{ applied: number }> {
  const before = await appliedCount(handle)
  const pending = journalSize() - before
  if (pending <= 0) return { applied: 0 }
  if (handle.pglite && options.backupDir && before > 0) {
    mkdirSync(options.backupDir, { recursive: true })
    const dump = await handle.pglite.dumpDataDir('gzip')
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    // Under its name only when complete: a kill half-way must not leave what looks like a backup.
    const path = `${options.backupDir}/before-migration-${stamp}.tar.gz`
    writeFileSync(`${path}.partial`, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 })
    renameSync(`${path}.partial`, path)
  }
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder })
  } else {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder })
  }
  return { applied: pending }
}
