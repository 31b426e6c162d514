import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { createDatabase, type DatabaseHandle } from './client'
import { runMigrations } from './migrate'

/**
 * A migrated, empty database for one test file: in-memory PGlite by default, or, with DATABASE_URL
 * set, a fresh database created on that PostgreSQL server (dropped again by `close`). Test files run
 * in parallel, so each gets its own.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env['DATABASE_URL']
  if (!serverUrl) {
    const handle = await createDatabase({ memory: true })
    await runMigrations(handle)
    return handle
  }
  const name = `kracht_test_${randomBytes(6).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const handle = await createDatabase({ databaseUrl: url.toString() })
  await runMigrations(handle)
  return {
    ...handle,
    async close() {
      await handle.close()
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end({ timeout: 5 })
    },
  }
}
