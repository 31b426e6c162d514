import { sql } from 'drizzle-orm'
import { createDatabase, type DatabaseHandle } from './client'
import { DatabaseStartError } from './errors'
import { runMigrations } from './migrate'
import { appRole, assumeAppRole, grantAppRole, requireAppRights } from './roles'

export interface OpenAppDatabaseOptions {
  /** The application's PostgreSQL connection; without it the embedded database is used. */
  databaseUrl?: string | undefined
  /**
   * The owner's connection, for migrations only. Set it when DATABASE_URL is a user that owns
   * nothing; without it the server migrates with DATABASE_URL and then works as `kracht_app`.
   */
  migrationDatabaseUrl?: string | undefined
  dataDir?: string | undefined
  memory?: boolean
  /** In memory only: a dumped, migrated data folder to start from (tests; see db/src/testing.ts). */
  loadDataDir?: Blob | undefined
  /** Where the embedded database keeps a backup before migrating existing data. */
  backupDir?: string | undefined
  /** Where to say what takes a while (the first start of the embedded database). */
  log?: ((line: string) => void) | undefined
  /** Embedded folder only: see DatabaseOptions (the first start in another process). */
  firstStart?: (() => Promise<void>) | undefined
  parentHoldsLock?: boolean | undefined
}

/**
 * Opens the database the way the application must use it: migrated by the owner, then working as
 * the application role, which cannot rewrite the access log (db/src/roles.ts). Refuses (a
 * DatabaseStartError) when the connection it ends up with could still rewrite the log.
 *
 * - PGlite (one connection, a superuser): migrate, grant, then SET ROLE for the rest of the process.
 * - PostgreSQL with MIGRATION_DATABASE_URL: migrate and grant with the owner, close it, then
 *   connect with DATABASE_URL (a user in kracht_app that owns nothing).
 * - PostgreSQL with only DATABASE_URL: migrate and grant with it, close it, then connect again with
 *   every pooled connection taking the role kracht_app at start.
 */
export async function openAppDatabase(options: OpenAppDatabaseOptions): Promise<{ handle: DatabaseHandle; applied: number }> {
  if (!options.databaseUrl) {
    if (options.migrationDatabaseUrl) {
      throw new DatabaseStartError('MIGRATION_DATABASE_URL is set but DATABASE_URL is not: set both (the owner and the application user), or neither.')
    }
    const handle = await createDatabase({
      dataDir: options.dataDir,
      memory: options.memory ?? false,
      loadDataDir: options.loadDataDir,
      log: options.log,
      firstStart: options.firstStart,
      parentHoldsLock: options.parentHoldsLock,
    })
    try {
      const { applied } = await runMigrations(handle, { backupDir: options.backupDir })
      await grantAppRole(handle, { memberIsOwner: true })
      await assumeAppRole(handle)
      await requireAppRights(handle.db)
      return { handle, applied }
    } catch (error) {
      await handle.close()
      throw error
    }
  }
  const separateOwner = Boolean(options.migrationDatabaseUrl)
  // One connection: the session lock below belongs to it, and closing it lets the lock go.
  const owner = await createDatabase({ databaseUrl: options.migrationDatabaseUrl ?? options.databaseUrl, maxConnections: 1 })
  let applied: number
  try {
    // Servers started at once (two behind a load balancer) would apply the same migrations side by
    // side and one would fail on a table the other just made (or on two GRANTs at once): one does
    // it, the others wait and then find nothing left to do.
    await owner.db.execute(sql`select pg_advisory_lock(hashtext('kracht:migrations'))`)
    ;({ applied } = await runMigrations(owner))
    await grantAppRole(owner, { memberIsOwner: !separateOwner })
  } finally {
    await owner.close()
  }
  const handle = await createDatabase({ databaseUrl: options.databaseUrl, role: separateOwner ? undefined : appRole })
  try {
    await requireAppRights(handle.db)
  } catch (error) {
    await handle.close()
    throw error
  }
  return { handle, applied }
}
