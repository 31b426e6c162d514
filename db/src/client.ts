import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from '../schema/index'
import { acquireDataDirLock, inheritDataDirLock, type DataDirLock } from './lock'
import { DatabaseStartError } from './errors'
import { useNamedStatements } from './pglite-statements'

export type Schema = typeof schema
/** The one database type the rest of the code sees: it does not know which engine is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>

export interface DatabaseHandle {
  db: Database
  kind: 'pglite' | 'postgres'
  /** Flushes to disk (PGlite runs with fsync off) and closes. Safe to call twice. */
  close(): Promise<void>
  /** The raw PGlite instance, for backups; null on a server. */
  pglite: PGlite | null
}

export interface DatabaseOptions {
  /** A PostgreSQL server; when set, PGlite is not used. */
  databaseUrl?: string | undefined
  /** Folder for the embedded database; ignored with databaseUrl. */
  dataDir?: string | undefined
  /** An in-memory embedded database (tests). */
  memory?: boolean
  /** In memory only: start from this dumped data folder instead of an empty one (tests). */
  loadDataDir?: Blob | undefined
  /**
   * PostgreSQL only: the role every pooled connection takes at start (sent as the `role` startup
   * parameter, so each new connection is in it before its first query, and RESET ROLE returns to it).
   */
  role?: string | undefined
  /** PostgreSQL only: the pool's size (default 10). One connection for work that holds a session lock. */
  maxConnections?: number | undefined
  /** Where to say what takes a while (the first start of the embedded database). */
  log?: ((line: string) => void) | undefined
  /**
   * Embedded folder only: builds the database in another process when the folder holds none yet,
   * called while this process holds the folder's lock (see apps/server/src/first-start.ts). Without
   * it this process builds it itself.
   */
  firstStart?: (() => Promise<void>) | undefined
  /** Embedded folder only: this process was started by the lock's holder to build the database for it. */
  parentHoldsLock?: boolean | undefined
}

/**
 * PostgreSQL's memory inside the embedded database (issue 19, memory). PGlite starts with the server
 * defaults: 128 MB of shared buffers, which it touches at start, so the process held them whatever
 * the data. 16 MB holds the pages a busy day reads many times over (the demo database is 10 MB, the
 * growth benchmark's 10,000 clients read per client through indexes); a page that is not there comes
 * from the operating system's file cache, not the disk. Measured: 128 → 32 MB saved 86 MB after
 * start, 32 → 16 MB about 20 MB more after start and under load; speed unchanged within the noise
 * (README, Memory and Speed).
 */
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB']

/** The one factory that decides which engine runs. Nothing else in the code knows. */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.role, options.maxConnections ?? 10)
  if (options.memory) {
    return openPglite(new PGlite({ startParams: pgliteStartParams, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) }), null)
  }
  const dataDir = options.dataDir
  if (!dataDir) throw new DatabaseStartError('DATA_DIR is empty: set it, or set DATABASE_URL.')
  return openPgliteFolder(dataDir, options.log ?? (() => {}), options)
}

async function openPostgres(url: string, role: string | undefined, max: number): Promise<DatabaseHandle> {
  const client = postgres(url, { max, onnotice: () => {}, ...(role ? { connection: { role } } : {}) })
  const db = drizzlePostgres(client, { schema }) as unknown as Database
  try {
    await db.execute(sql`select 1`)
  } catch (error) {
    await client.end({ timeout: 1 })
    throw new DatabaseStartError(
      `Cannot reach the PostgreSQL server in DATABASE_URL (${describe(error)}). Check that it runs and that the address is right.`,
    )
  }
  let closed = false
  return {
    db,
    kind: 'postgres',
    pglite: null,
    async close() {
      if (closed) return
      closed = true
      await client.end({ timeout: 5 })
    },
  }
}

async function openPgliteFolder(
  dataDir: string,
  log: (line: string) => void,
  options: Pick<DatabaseOptions, 'firstStart' | 'parentHoldsLock'>,
): Promise<DatabaseHandle> {
  mkdirSync(dataDir, { recursive: true })
  const lock = options.parentHoldsLock ? inheritDataDirLock(dataDir) : acquireDataDirLock(dataDir)
  const pgdata = `${dataDir}/pgdata`
  try {
    if (!holdsFiles(pgdata) && options.firstStart) {
      refuseBesideOldData(dataDir)
      await options.firstStart()
      if (!existsSync(`${pgdata}/PG_VERSION`)) throw new DatabaseStartError(`The first start did not create the database in ${pgdata}. Start again.`)
    } else if (!holdsFiles(pgdata)) {
      refuseBesideOldData(dataDir)
      log(`First start: creating the embedded database in ${pgdata} (this takes a little while)…`)
      await createPgdata(dataDir)
    } else if (!existsSync(`${pgdata}/PG_VERSION`)) {
      // Not a database this server made (a first start builds it aside, see createPgdata): never
      // initialise over it, someone may need what is inside.
      throw new DatabaseStartError(
        `The data folder ${pgdata} is incomplete (a first start of an older version was probably interrupted). ` +
          `Nothing was changed. If it holds nothing you need, delete the folder and start again; otherwise restore a backup from ${dataDir}/backups.`,
      )
    } else {
      // Left by a first start that was killed before a restore put a database in place: never used.
      rmSync(`${dataDir}/pgdata.creating`, { recursive: true, force: true })
    }
  } catch (error) {
    lock.release()
    throw error
  }
  let pg: PGlite
  try {
    pg = new PGlite(pgdata, { startParams: pgliteStartParams })
    await pg.waitReady
  } catch (error) {
    lock.release()
    throw new DatabaseStartError(
      `Cannot open the embedded database in ${pgdata} (${describe(error)}). Nothing was changed. Restore a backup from ${dataDir}/backups, or move the folder away to start empty.`,
    )
  }
  return openPglite(pg, lock)
}

/**
 * No database in `pgdata`, but a database moved aside beside it (a restore that was interrupted, or
 * a folder moved by hand): a new, empty database would silently stand in for it. Say what to do.
 */
function refuseBesideOldData(dataDir: string): void {
  const aside = readdirSync(dataDir).filter((name) => name.startsWith('pgdata.') && name !== 'pgdata.creating')
  if (aside.length === 0) return
  throw new DatabaseStartError(
    `There is no database in ${dataDir}/pgdata, but there is one beside it: ${aside.map((name) => `${dataDir}/${name}`).join(', ')} ` +
      '(probably a restore that was interrupted). Nothing was changed. Run `npm run restore` again, or move the folder you want back to ' +
      `${dataDir}/pgdata. To start with a new, empty database instead, move ${aside.length === 1 ? 'it' : 'them'} out of ${dataDir}.`,
  )
}

function holdsFiles(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0
}

/**
 * The first start makes the database beside its place, in `pgdata.creating`, and moves it to
 * `pgdata` only once PGlite wrote all of it (PGlite unpacks a new cluster file by file). A kill
 * half-way leaves `pgdata.creating`: it never held anything, so the next start removes it and
 * begins again, and `pgdata` is never half-made. Migrations and the demo data then run in
 * transactions, so a kill during them is undone at the next start.
 */
async function createPgdata(dataDir: string): Promise<void> {
  const pgdata = `${dataDir}/pgdata`
  const creating = `${dataDir}/pgdata.creating`
  rmSync(creating, { recursive: true, force: true })
  try {
    const pg = new PGlite(creating, { startParams: pgliteStartParams })
    await pg.waitReady
    await pg.close()
  } catch (error) {
    throw new DatabaseStartError(
      `Cannot create the embedded database in ${creating} (${describe(error)}). Check that the folder is writable and the disk is not full, then start again.`,
    )
  }
  // An empty folder (left by an older version, or made by hand): rmdir refuses anything else.
  if (existsSync(pgdata)) rmdirSync(pgdata)
  renameSync(creating, pgdata)
}

async function openPglite(pg: PGlite, lock: DataDirLock | null): Promise<DatabaseHandle> {
  // Every query a named prepared statement, parsed once per text (db/src/pglite-statements.ts).
  useNamedStatements(pg)
  const db = drizzlePglite(pg, { schema }) as unknown as Database
  let closed = false
  return {
    db,
    kind: 'pglite',
    pglite: pg,
    async close() {
      if (closed) return
      closed = true
      try {
        // PGlite runs with fsync off: a checkpoint makes sure everything reached the disk. It needs
        // the superuser the process started as, not the application role (db/src/roles.ts).
        await pg.query('RESET ROLE')
        await pg.query('CHECKPOINT')
        await pg.close()
      } finally {
        lock?.release()
      }
    },
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
