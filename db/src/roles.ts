import { sql, type SQL } from 'drizzle-orm'
import type { Database, DatabaseHandle } from './client'
import { DatabaseStartError } from './errors'

/**
 * The role the application works as. It may read and write the application's tables, but on the
 * access log only INSERT and SELECT, and it owns nothing: so it cannot UPDATE, DELETE or TRUNCATE
 * log rows, drop or disable the append-only and chain triggers, or replace their functions. The
 * owner (whoever ran the migrations) keeps those rights.
 */
export const appRole = 'kracht_app'

/** `db.execute` answers `{ rows }` on PGlite and an array on postgres.js. */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = await db.execute<T>(query)
  return Array.isArray(result) ? (result as T[]) : (result as unknown as { rows: T[] }).rows
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Run by the owner after the migrations, at every start (so tables that later migrations add are
 * covered too): makes sure the application role exists and holds exactly its rights.
 * `memberIsOwner`: the owner's own connection will switch to the role (one URL, or PGlite), so the
 * owner must be a member of it (a superuser always is).
 */
export async function grantAppRole(owner: DatabaseHandle, options: { memberIsOwner: boolean }): Promise<void> {
  const db = owner.db
  try {
    // Several processes (or test files) may start at once: a role created meanwhile is fine.
    await db.execute(
      sql.raw(`DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN CREATE ROLE ${appRole} NOLOGIN; END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$`),
    )
  } catch (error) {
    throw new DatabaseStartError(
      `The database role ${appRole} does not exist and the migrating user may not create it (${describe(error)}). ` +
        `Create it once as an administrator: CREATE ROLE ${appRole} NOLOGIN; then GRANT ${appRole} TO the user in DATABASE_URL. See the README, "Database roles".`,
    )
  }
  if (options.memberIsOwner) {
    const [member] = await queryRows<{ ok: boolean }>(db, sql.raw(`select pg_has_role(current_user, '${appRole}', 'MEMBER') as ok`))
    if (!member?.ok) {
      try {
        await db.execute(sql.raw(`GRANT ${appRole} TO CURRENT_USER`))
      } catch (error) {
        throw new DatabaseStartError(
          `The user in DATABASE_URL cannot take the role ${appRole} (${describe(error)}). ` +
            `Either GRANT ${appRole} TO that user, or set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to a user in ${appRole}. See the README, "Database roles".`,
        )
      }
    }
  }
  const statements = [
    `GRANT USAGE ON SCHEMA public TO ${appRole}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${appRole}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${appRole}`,
    // The log: add and read, nothing else. The chain's head: read only (the trigger writes it with its owner's rights).
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON access_log FROM ${appRole}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON access_log_chain FROM ${appRole}`,
    // The AI disclosure record and the AI-help history: add and read, like the log.
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ai_disclosures FROM ${appRole}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ai_help_changes FROM ${appRole}`,
  ]
  // In one transaction: between the broad GRANT and the REVOKEs the role may rewrite the log, and
  // another server already running (or starting beside this one) must never see that moment.
  await db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement))
  })
}

/** PGlite is one connection, started as a superuser: after migrating it works as the role from then on. */
export async function assumeAppRole(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(sql.raw(`SET ROLE ${appRole}`))
}

export interface LogRights {
  role: string
  superuser: boolean
  ownsLog: boolean
  canUpdate: boolean
  canDelete: boolean
  canTruncate: boolean
}

/** What the current connection may do to the access log. */
export async function logRights(db: Database): Promise<LogRights> {
  const [row] = await queryRows<{
    role: string
    superuser: boolean
    owns_log: boolean
    can_update: boolean
    can_delete: boolean
    can_truncate: boolean
  }>(
    db,
    sql`select current_user as role,
      coalesce((select rolsuper from pg_roles where rolname = current_user), false) as superuser,
      pg_has_role(current_user, (select relowner from pg_class where oid = 'access_log'::regclass), 'USAGE') as owns_log,
      has_table_privilege('access_log', 'UPDATE') as can_update,
      has_table_privilege('access_log', 'DELETE') as can_delete,
      has_table_privilege('access_log', 'TRUNCATE') as can_truncate`,
  )
  if (!row) throw new Error('no answer from the database')
  return {
    role: row.role,
    superuser: row.superuser,
    ownsLog: row.owns_log,
    canUpdate: row.can_update,
    canDelete: row.can_delete,
    canTruncate: row.can_truncate,
  }
}

/**
 * Refuses to run the application on a connection that could rewrite the access log: a superuser,
 * the table's owner (or a member of the owner's role), or any role with UPDATE, DELETE or TRUNCATE.
 */
export async function requireAppRights(db: Database): Promise<void> {
  const rights = await logRights(db)
  const problems = [
    rights.superuser && 'is a superuser',
    rights.ownsLog && 'owns the access_log table',
    rights.canUpdate && 'may UPDATE it',
    rights.canDelete && 'may DELETE from it',
    rights.canTruncate && 'may TRUNCATE it',
  ].filter((problem): problem is string => typeof problem === 'string')
  if (problems.length > 0) {
    throw new DatabaseStartError(
      `The application's database user (${rights.role}) ${problems.join(', ')}: it could rewrite the access log. ` +
        `Connect as a user in the role ${appRole} that owns nothing (DATABASE_URL), and migrate with the owner (MIGRATION_DATABASE_URL). See the README, "Database roles".`,
    )
  }
}
