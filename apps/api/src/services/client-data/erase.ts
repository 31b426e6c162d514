import { and, eq, getTableName, is, like, or, sql } from 'drizzle-orm'
import { PgTable, getTableConfig, type PgColumn } from 'drizzle-orm/pg-core'
import { accessLog, invitations, loginThrottle, rateLimitCounters, schema, users } from '@kracht/db'
import type { Actor, Deps } from '../../lib/env'
import { currentAccessPoint } from '../../lib/request-context'
import { clientTables, type ClientTableName } from './coverage'

/** Every table of the schema by its SQL name, found once. */
export function schemaTables(): PgTable[] {
  const values: unknown[] = Object.values(schema)
  return values.filter((value): value is PgTable => is(value, PgTable))
}
const tablesByName = new Map<string, PgTable>(schemaTables().map((table) => [getTableName(table), table]))

/** The table and the column that names the client in it, checked against the schema at load. */
export function tableAndColumn(name: ClientTableName): { table: PgTable; column: PgColumn } {
  const table = tablesByName.get(name)
  const column = table ? getTableConfig(table).columns.find((c) => c.name === clientTables[name].column) : undefined
  if (!table || !column) throw new Error(`client-data coverage names ${name}.${clientTables[name].column}, which the schema lacks`)
  return { table, column }
}

const deleted = (Object.keys(clientTables) as ClientTableName[]).filter((name) => clientTables[name].erase === 'delete')
// Checked when the module loads, so a renamed column fails every test at once, not at an erasure.
const targets = deleted.map((name) => ({ name, ...tableAndColumn(name) }))

export type ErasureReason = 'own_request' | 'retention'

export interface ErasureResult {
  clientId: string
  /** Rows removed per table (those removed by a cascade are not counted). */
  removed: Record<string, number>
}

/**
 * Erases one client (GDPR art. 17), in one transaction: every content row of every table in
 * `clientTables` marked `delete` (removed statements and every revision included: a hard delete),
 * the client's sign-in sessions, API tokens and access-reset codes, their consents (so every share
 * ends), their links to workers (so no caseload lists them), and the invitation that made the account.
 *
 * The `users` row stays, blanked (no name, no username, no passphrase, `erasedAt` set), as the id
 * that the kept access log points to: the organisation must still be able to show who read what
 * (NEN 7513). The log and the AI record hold ids, actions and counts, never the client's words.
 * One log row records the erasure itself. Safe to run twice (the second finds nothing).
 */
export async function eraseClient(deps: Deps, input: { clientId: string; reason: ErasureReason; actor: Actor | null }): Promise<ErasureResult> {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    // Locks the row: a second erasure of the same client (another process's job) waits, then sees it done.
    const [client] = await tx.select().from(users).where(eq(users.id, input.clientId)).for('update')
    if (!client || client.role !== 'client') throw new Error('eraseClient: not a client')
    const removed: Record<string, number> = {}
    if (client.erasedAt) return { clientId: client.id, removed }

    // The invitation that made the account holds the name it was given: accepted at the very moment
    // the account was made (acceptInvitation uses one clock reading for both).
    const made = await tx
      .delete(invitations)
      .where(
        and(
          eq(invitations.organisationId, client.organisationId),
          eq(invitations.role, 'client'),
          eq(invitations.displayName, client.displayName),
          eq(invitations.acceptedAt, client.createdAt),
        ),
      )
      .returning({ id: invitations.id })
    removed['invitations (the one that made the account)'] = made.length

    for (const target of targets) {
      const rows = await tx.delete(target.table).where(eq(target.column, client.id)).returning({ one: sql`1` })
      removed[target.name] = rows.length
    }
    // Counters keyed by the username or the id (sign-in throttling, rate limits): no use any more.
    await tx.delete(loginThrottle).where(or(like(loginThrottle.key, `%:${client.username}`), like(loginThrottle.key, `%:${client.username}|%`), like(loginThrottle.key, `%:${client.id}`)))
    await tx.delete(rateLimitCounters).where(like(rateLimitCounters.key, `%:${client.id}`))

    await tx
      .update(users)
      .set({
        username: `erased-${client.id}`,
        displayName: '—',
        passwordHash: null,
        teamId: null,
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        deactivatedAt: client.deactivatedAt ?? now,
        erasedAt: now,
      })
      .where(eq(users.id, client.id))

    // The erasure itself, in the kept log: who (the client, or nobody for the retention job), when, why.
    const actor = input.actor
    const { ipAddress, userAgent } = currentAccessPoint()
    await tx.insert(accessLog).values({
      ipAddress,
      userAgent,
      at: now,
      actorId: actor?.user.id ?? null,
      actorRole: actor?.user.role ?? null,
      clientId: client.id,
      action: 'delete',
      scope: 'account',
      resource: 'account',
      outcome: 'allowed',
      basis: input.reason === 'own_request' ? 'self' : 'retention_period',
      via: actor?.kind ?? null,
      viaId: actor ? (actor.kind === 'session' ? actor.sessionId : actor.tokenId) : null,
    })
    return { clientId: client.id, removed }
  })
}
