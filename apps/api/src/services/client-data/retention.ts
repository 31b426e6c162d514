import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { organisations, users } from '@kracht/db'
import type { Deps } from '../../lib/env'
import { eraseClient } from './erase'

/**
 * Clients whose account ended longer ago than their organisation's retention period (days,
 * `organisations.retention_days`, set by the coordinator), and who are not erased yet.
 * The period counts from `users.deactivated_at`: the moment the account was ended.
 */
export async function clientsPastRetention(deps: Deps, now: Date = deps.now()): Promise<string[]> {
  const rows = await deps.db
    .select({ id: users.id })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.role, 'client'),
        isNull(users.erasedAt),
        isNotNull(users.deactivatedAt),
        // Date arithmetic in the database, the same on PGlite and PostgreSQL.
        sql`${users.deactivatedAt} <= ${now.toISOString()}::timestamptz - make_interval(days => ${organisations.retentionDays})`,
      ),
    )
    .orderBy(asc(users.deactivatedAt))
  return rows.map((row) => row.id)
}

/**
 * The daily job: erases every client past the retention period with the same function as the
 * client's own "delete my account", one transaction per client (a failure stops only that one).
 * Several server processes may run it at once: eraseClient locks the client's row and does nothing
 * the second time.
 */
export async function eraseClientsPastRetention(deps: Deps): Promise<{ erased: string[]; failed: string[] }> {
  const erased: string[] = []
  const failed: string[] = []
  for (const clientId of await clientsPastRetention(deps)) {
    try {
      await eraseClient(deps, { clientId, reason: 'retention', actor: null })
      erased.push(clientId)
    } catch {
      failed.push(clientId)
    }
  }
  return { erased, failed }
}
