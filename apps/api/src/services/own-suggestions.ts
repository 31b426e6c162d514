import { and, count, eq, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm'
import { comments, statements } from '@kracht/db'
import type { Deps } from '../lib/env'
import { currentPageRead } from '../lib/request-context'
import { statementComments } from './comments'

/**
 * Suggestions that still wait, as one signer sees them: for the client every open suggestion on
 * their inventory (theirs to decide); for a worker the ones they wrote themselves, in the domains
 * shared with them. Signing waits for these, so nobody signs words that may still change.
 */
export async function countOwnOpenSuggestions(
  deps: Deps,
  input: { clientId: string; viewerId: string; isSelf: boolean; excludeDomains: readonly string[] },
): Promise<number> {
  // Within a page read the page lists the same comments (the client's page does): counted from
  // that one shared read instead of a query of its own, with the same conditions as below.
  if (currentPageRead()?.reads) {
    const rows = await statementComments(deps, { clientId: input.clientId, excludeDomains: input.excludeDomains })
    return rows.filter((row) => row.comment.status === 'open' && !row.statementRemoved && (input.isSelf || row.comment.authorId === input.viewerId)).length
  }
  // A suggestion on a statement the client removed since waits for nothing.
  // Only the inventory's suggestions: the plan's wait on the plan's own page.
  const conditions: SQL[] = [eq(comments.clientId, input.clientId), eq(comments.targetKind, 'statement'), eq(comments.status, 'open'), isNull(statements.deletedAt)]
  if (!input.isSelf) conditions.push(eq(comments.authorId, input.viewerId))
  if (input.excludeDomains.length > 0) {
    const domain = sql<string | null>`coalesce(${statements.domain}, ${comments.domain})`
    const visible = or(sql`${domain} is null`, notInArray(domain, [...input.excludeDomains]))
    if (visible) conditions.push(visible)
  }
  const [row] = await deps.db
    .select({ n: count() })
    .from(comments)
    .leftJoin(statements, and(eq(comments.targetKind, 'statement'), eq(statements.id, comments.targetId)))
    .where(and(...conditions))
  return row?.n ?? 0
}
