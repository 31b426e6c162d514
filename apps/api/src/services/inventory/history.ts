// History: the inventory as it stood at a moment, what changed since, and growth over time.
import { and, asc, eq, sql } from 'drizzle-orm'
import { changesBetween, growth, statementsAt, type Revision } from '@kracht/inventory'
import { inventoryRevisions, statementRevisions, type Priority } from '@kracht/db'
import type { Deps } from '../../lib/env'
import type { DomainFilter } from './settings'

/**
 * A statement that was ever in a left-out domain is left out of the history entirely: otherwise a
 * statement moved into `partner` would still show its earlier version, and its move would show as a removal.
 */
async function revisionsOf(deps: Deps, clientId: string, filter: DomainFilter = {}): Promise<Revision[]> {
  const rows = await deps.db
    .select()
    .from(statementRevisions)
    .where(eq(statementRevisions.clientId, clientId))
    .orderBy(asc(statementRevisions.changedAt), asc(statementRevisions.version))
  const excluded = new Set(filter.excludeDomains ?? [])
  if (excluded.size === 0) return rows
  const hidden = new Set(rows.filter((row) => excluded.has(row.domain)).map((row) => row.statementId))
  return rows.filter((row) => !hidden.has(row.statementId))
}

async function inventoryRevisionAt(deps: Deps, clientId: string, at: Date) {
  const rows = await deps.db
    .select()
    .from(inventoryRevisions)
    .where(and(eq(inventoryRevisions.clientId, clientId), sql`${inventoryRevisions.changedAt} <= ${at.toISOString()}::timestamptz`))
    .orderBy(asc(inventoryRevisions.changedAt))
  let priorities: Priority[] = []
  let remarks = ''
  for (const row of rows) {
    if (row.kind === 'priorities' && row.priorities) priorities = row.priorities
    if (row.kind === 'remarks' && row.remarks !== null) remarks = row.remarks
  }
  return { priorities, remarks }
}

const serialiseAt = (s: ReturnType<typeof statementsAt>[number]) => ({ ...s, changedAt: s.changedAt.toISOString() })

/** The inventory as it stood at a moment, and what changed from then until now. */
export async function inventoryHistory(deps: Deps, input: { clientId: string; at: Date } & DomainFilter) {
  const now = deps.now()
  const excluded = new Set(input.excludeDomains ?? [])
  const revisions = await revisionsOf(deps, input.clientId, input)
  const stored = await inventoryRevisionAt(deps, input.clientId, input.at)
  const then = { ...stored, priorities: stored.priorities.filter((priority) => !excluded.has(priority.domain)) }
  const changes = changesBetween(revisions, input.at, now).map((change) =>
    change.kind === 'changed'
      ? { kind: change.kind, before: serialiseAt(change.before), after: serialiseAt(change.after) }
      : { kind: change.kind, statement: serialiseAt(change.statement) },
  )
  const first = revisions[0]?.changedAt ?? null
  return {
    at: input.at.toISOString(),
    firstChangeAt: first ? first.toISOString() : null,
    statements: statementsAt(revisions, input.at).map(serialiseAt),
    priorities: then.priorities,
    remarks: excluded.size > 0 ? '' : then.remarks,
    changesSince: changes,
    growth: growth(revisions, now),
  }
}
