import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'
import type { DatabaseHandle } from './client'
import { migrationsFolder } from './migrate'
import { openAppDatabase } from './open'
import { appRole } from './roles'

export interface TestDatabaseHandle extends DatabaseHandle {
  /**
   * Runs SQL (one or more statements) as the database's owner, a superuser, around the application
   * role: for tests that play someone with more rights than the application (an operator, an
   * intruder on the server). Answers the rows of the last statement.
   */
  asOwner(text: string): Promise<Record<string, unknown>[]>
}

/**
 * A migrated, empty embedded database as a dumped data folder. Creating one (initdb and every
 * migration) takes seconds and some sixty test files each need one, so it is made once per set of
 * migrations and kept in the temporary folder, named by a hash of the migrations and PGlite's version.
 */
async function migratedTemplate(): Promise<Blob> {
  const path = join(tmpdir(), `kracht-test-db-${migrationsHash(pgliteVersion())}.tar`)
  if (existsSync(path)) return new Blob([readFileSync(path)])
  const { handle } = await openAppDatabase({ memory: true })
  const dump = await handle.pglite!.dumpDataDir('none')
  await handle.close()
  // Test files start in parallel: write aside, then rename, so nobody reads half a file.
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, path)
  return dump
}

/** A short hash of every migration (and `extra`): a template made from other migrations is never used. */
function migrationsHash(extra: string): string {
  const hash = createHash('sha256')
  for (const dir of [migrationsFolder, join(migrationsFolder, 'meta')]) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.sql') || name === '_journal.json') hash.update(name).update(readFileSync(join(dir, name)))
    }
  }
  return hash.update(extra).digest('hex').slice(0, 16)
}

/**
 * An in-memory PGlite answers without any I/O, so a test that sends hundreds of requests through the
 * API in-process is one unbroken chain of promises: the worker's event loop never turns, and Vitest's
 * worker cannot read the answers to its own calls to the main process. A chain longer than Vitest's
 * 60 s limit fails the whole run with `Timeout calling "onTaskUpdate"` (the fuzz test ran 35 s so on a
 * quiet machine, CI's slower one passed that limit). So before a query, once 50 ms have gone by since
 * the loop last turned here, the test database lets it turn.
 */
function letTheLoopTurn(pg: PGlite): void {
  let last = performance.now()
  const breathe = async (): Promise<void> => {
    if (performance.now() - last < 50) return
    await nextTurn()
    last = performance.now()
  }
  const { query, exec, transaction } = pg
  pg.query = (async (...args: Parameters<PGlite['query']>) => {
    await breathe()
    return query.apply(pg, args)
  }) as PGlite['query']
  pg.exec = async (...args: Parameters<PGlite['exec']>) => {
    await breathe()
    return exec.apply(pg, args)
  }
  pg.transaction = (async (...args: Parameters<PGlite['transaction']>) => {
    await breathe()
    return transaction.apply(pg, args)
  }) as PGlite['transaction']
}

function pgliteVersion(): string {
  try {
    const pkg = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json')
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
}

/**
 * A migrated, empty database for one test file, used the way the server uses it: as the
 * application role (db/src/open.ts). In-memory PGlite by default, or, with DATABASE_URL set, a fresh
 * database created on that PostgreSQL server (dropped again by `close`). Test files run in
 * parallel, so each gets its own.
 */
export async function createTestDatabase(): Promise<TestDatabaseHandle> {
  const serverUrl = process.env['DATABASE_URL']
  if (!serverUrl) {
    const { handle } = await openAppDatabase({ memory: true, loadDataDir: await migratedTemplate() })
    const pg = handle.pglite
    if (!pg) throw new Error('expected an embedded database')
    letTheLoopTurn(pg)
    return {
      ...handle,
      async asOwner(text) {
        // One connection: step out of the role, run, and step back in whatever happened.
        await pg.exec('RESET ROLE')
        try {
          const results = await pg.exec(text)
          return (results.at(-1)?.rows ?? []) as Record<string, unknown>[]
        } finally {
          await pg.exec(`SET ROLE ${appRole}`)
        }
      },
    }
  }
  const fresh = await createEmptyPostgresDatabase(serverUrl, await migratedPostgresTemplate(serverUrl))
  const { handle } = await openAppDatabase({ databaseUrl: fresh.url })
  const owner = postgres(fresh.url, { max: 1, onnotice: () => {} })
  return {
    ...handle,
    async asOwner(text) {
      const results = (await owner.unsafe(text)) as unknown
      // Several statements answer one result per statement.
      const last = Array.isArray(results) && Array.isArray(results.at(-1)) ? results.at(-1) : results
      return [...(last as Record<string, unknown>[])]
    },
    async close() {
      await handle.close()
      await owner.end({ timeout: 5 })
      await fresh.drop()
    },
  }
}

/**
 * A new, empty database on the PostgreSQL server that `serverUrl` points to (tests that start
 * server processes on it), and a way to drop it again (with whatever is still connected).
 */
export async function createEmptyPostgresDatabase(serverUrl: string, template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kracht_test_${randomBytes(6).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  let dropped = false
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return
      dropped = true
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end({ timeout: 5 })
    },
  }
}

/** Databases on a PostgreSQL server made by migratedPostgresTemplate: dropped at the end of a test run (global-setup.ts). */
export const postgresTemplatePrefix = 'kracht_test_template_'

/**
 * A migrated database on the PostgreSQL server to copy for each test file: a copy (CREATE DATABASE
 * ... TEMPLATE) takes a fraction of a second where migrating a new database took one to several,
 * each migration a commit the server writes to disk. Made once per set of migrations; test files
 * start in parallel, so an advisory lock decides who makes it, and it gets its name only when done.
 */
async function migratedPostgresTemplate(serverUrl: string): Promise<string> {
  const name = `${postgresTemplatePrefix}${migrationsHash('postgres')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  try {
    await admin`select pg_advisory_lock(hashtext(${name}))`
    const [found] = await admin`select 1 from pg_database where datname = ${name}`
    if (!found) {
      const building = await createEmptyPostgresDatabase(serverUrl)
      const { handle } = await openAppDatabase({ databaseUrl: building.url })
      await handle.close()
      const buildingName = new URL(building.url).pathname.slice(1)
      await admin.unsafe(`alter database ${buildingName} rename to ${name}`)
      await building.drop() // its name is gone: this only closes its connection
    }
    await admin`select pg_advisory_unlock(hashtext(${name}))`
    return name
  } finally {
    await admin.end({ timeout: 5 })
  }
}

/** Drops the templates migratedPostgresTemplate made on this server (the end of a test run). */
export async function dropPostgresTemplates(serverUrl: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  try {
    const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${postgresTemplatePrefix}%`}`
    for (const { datname } of rows) await admin.unsafe(`drop database if exists ${datname} with (force)`)
  } finally {
    await admin.end({ timeout: 5 })
  }
}
