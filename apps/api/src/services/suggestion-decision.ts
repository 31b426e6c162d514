import { and, eq } from 'drizzle-orm'
import { comments, networkComments, type Comment, type NetworkComment } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps } from '../lib/env'

/**
 * The one way a client's decision on a suggestion is written, whatever it is about (a statement, a
 * step on a goal, a person on the network map): the suggestion is marked decided only while it is
 * still open, and the change it brings is made in the same transaction. So two taps, or two tabs,
 * can never apply a suggestion twice, and a change that fails leaves the suggestion open.
 */
export type SuggestionDecision = 'accept' | 'edit' | 'decline'

export const decidedStatus = (decision: SuggestionDecision) => (decision === 'accept' ? 'accepted' : decision === 'edit' ? 'edited' : 'declined')

const alreadyDecided = () => new AppError('suggestion_decided', 'This suggestion was already decided.')

/** Refuses early (before any work) when the suggestion someone opens was decided in the meantime. */
export function requireOpen(row: { status: string | null }): void {
  if (row.status !== 'open') throw alreadyDecided()
}

type Marking = { status: 'accepted' | 'edited' | 'declined'; decidedAt: Date }

async function decideOnce<Row extends { status: string | null }, T>(
  deps: Deps,
  row: Row,
  decision: SuggestionDecision,
  mark: (txDeps: Deps, marking: Marking) => Promise<Row | undefined>,
  apply: (txDeps: Deps) => Promise<T>,
): Promise<{ decided: Row; result: T }> {
  requireOpen(row)
  return deps.db.transaction(async (tx) => {
    const txDeps: Deps = { ...deps, db: tx }
    const decided = await mark(txDeps, { status: decidedStatus(decision), decidedAt: deps.now() })
    if (!decided) throw alreadyDecided()
    return { decided, result: await apply(txDeps) }
  })
}

/** A suggestion in the comments table: on a statement, a goal or a team meeting. */
export function decideComment<T>(deps: Deps, row: Comment, decision: SuggestionDecision, apply: (txDeps: Deps) => Promise<T>) {
  return decideOnce(deps, row, decision, async ({ db }, marking) => {
    // Only the words that were read: a change by the author in between (017) leaves it open.
    const [decided] = await db
      .update(comments)
      .set(marking)
      .where(and(eq(comments.id, row.id), eq(comments.status, 'open'), eq(comments.version, row.version)))
      .returning()
    if (!decided) {
      const [now] = await db.select({ status: comments.status }).from(comments).where(eq(comments.id, row.id))
      if (now?.status === 'open') throw new AppError('version_conflict', 'The suggestion was changed meanwhile. Nothing was decided; look at the new words.')
    }
    return decided
  }, apply)
}

/** A suggestion about the network map: a new person, or a change to one. */
export function decideNetworkComment<T>(deps: Deps, row: NetworkComment, decision: Exclude<SuggestionDecision, 'edit'>, apply: (txDeps: Deps) => Promise<T>) {
  return decideOnce(deps, row, decision, async ({ db }, marking) => {
    const [decided] = await db
      .update(networkComments)
      .set({ ...marking, status: marking.status === 'accepted' ? 'accepted' : 'declined' })
      .where(and(eq(networkComments.id, row.id), eq(networkComments.status, 'open')))
      .returning()
    return decided
  }, apply)
}
