import { and, eq, isNull, or } from 'drizzle-orm'
import { comments, networkComments, users } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps } from '../lib/env'
import { serialiseComment } from './comments'
import { serialiseNetworkComment } from './network-comments'

/**
 * The author (a worker, or a peer expert who may comment) changes or removes their own comment or
 * suggestion on the client's statements, goals or network map (docs/decisions/017). Who may (only
 * the author) is the route's check, so a refusal is logged by the gate's rules; here: the comment
 * exists, is this client's and about this target, and was not removed; the version is the one the
 * author saw; a suggestion the client decided on keeps its words.
 *
 * - Changed: the new words replace the old ones (no earlier wording is kept), `editedAt` is set and
 *   every reader sees *bewerkt*.
 * - Removed: the words are erased at once; the row stays, so the client's answers under it keep
 *   their place. An open suggestion is withdrawn with it (`status` null: nothing left to decide); a
 *   decided one keeps the client's decision.
 */

export type CommentChange = { body: string; suggestedText?: string | undefined } | 'remove'

/** Where a comment in the comments table is: on this statement or this goal of this client. */
export interface CommentPlace {
  clientId: string
  commentId: string
  targetKind: 'statement' | 'goal'
  targetId: string
}

const notFound = () => new AppError('not_found', 'No such comment (or it was removed).')
const decided = () => new AppError('suggestion_decided', 'The client already decided on this suggestion: its words stay as they were. Write a new comment instead.')
const conflict = (what: string) => new AppError('version_conflict', `This comment was changed elsewhere. Nothing was ${what}; load the page again.`)

/** A comment at its place that was not removed: its author is what the route checks next. */
export async function findComment(deps: Deps, place: CommentPlace) {
  const [row] = await deps.db
    .select()
    .from(comments)
    .where(
      and(
        eq(comments.id, place.commentId),
        eq(comments.clientId, place.clientId),
        eq(comments.targetKind, place.targetKind),
        eq(comments.targetId, place.targetId),
        isNull(comments.deletedAt),
      ),
    )
  if (!row) throw notFound()
  return row
}

/** Checks a change against the comment as it is: a comment needs words, a suggestion its proposal. */
function changeOf(row: { kind: string; status: string | null; suggestedText: string | null }, change: Exclude<CommentChange, 'remove'>) {
  if (row.status !== null && row.status !== 'open') throw decided()
  if (row.kind === 'comment' && !change.body) throw new AppError('validation_failed', 'Write your comment.', { body: 'required' })
  const suggestedText = row.kind === 'suggestion' ? (change.suggestedText ?? row.suggestedText) : null
  if (row.kind === 'suggestion' && !suggestedText) throw new AppError('validation_failed', 'A suggestion needs the proposed words.', { suggestedText: 'required' })
  return { body: change.body, suggestedText }
}

/** The author changes or removes their comment on a statement or a goal. */
export async function changeComment(deps: Deps, input: CommentPlace & { authorId: string; version: number; change: CommentChange }) {
  const current = await findComment(deps, input)
  const now = deps.now()
  const set =
    input.change === 'remove'
      ? { body: '', suggestedText: null, editedAt: null, deletedAt: now, status: current.status === 'open' ? null : current.status }
      : { ...changeOf(current, input.change), editedAt: now }
  const [row] = await deps.db
    .update(comments)
    .set({ ...set, version: input.version + 1 })
    .where(
      and(
        eq(comments.id, input.commentId),
        eq(comments.clientId, input.clientId),
        eq(comments.authorId, input.authorId),
        eq(comments.version, input.version),
        isNull(comments.deletedAt),
        // The client's decision and this change cannot both win: a change needs the suggestion still
        // open (or no suggestion at all); a removal keeps whatever status it finds.
        input.change === 'remove' ? undefined : or(isNull(comments.status), eq(comments.status, 'open')),
      ),
    )
    .returning()
  if (!row) {
    const again = await findComment(deps, input)
    if (input.change !== 'remove' && again.status !== null && again.status !== 'open') throw decided()
    throw conflict(input.change === 'remove' ? 'removed' : 'overwritten')
  }
  const [author] = await deps.db.select({ name: users.displayName }).from(users).where(eq(users.id, input.authorId))
  return serialiseComment({ ...row, authorName: author?.name ?? null })
}

/** A remark on the network map that was not removed. */
export async function findNetworkComment(deps: Deps, clientId: string, commentId: string) {
  const [row] = await deps.db
    .select()
    .from(networkComments)
    .where(and(eq(networkComments.id, commentId), eq(networkComments.clientId, clientId), isNull(networkComments.deletedAt)))
  if (!row) throw notFound()
  return row
}

/**
 * The author changes the words of their remark on the map, or removes it. A suggestion's proposed
 * person is not changed here (remove it and suggest again): the words are the remark.
 */
export async function changeNetworkComment(deps: Deps, input: { clientId: string; commentId: string; authorId: string; version: number; change: { body: string } | 'remove' }) {
  const current = await findNetworkComment(deps, input.clientId, input.commentId)
  const now = deps.now()
  let set
  if (input.change === 'remove') {
    set = { body: '', proposal: null, editedAt: null, deletedAt: now, status: current.status === 'open' ? null : current.status }
  } else {
    if (current.status !== null && current.status !== 'open') throw decided()
    if (current.kind === 'comment' && !input.change.body) throw new AppError('validation_failed', 'Write your comment.', { body: 'required' })
    set = { body: input.change.body, editedAt: now }
  }
  const [row] = await deps.db
    .update(networkComments)
    .set({ ...set, version: input.version + 1 })
    .where(
      and(
        eq(networkComments.id, input.commentId),
        eq(networkComments.clientId, input.clientId),
        eq(networkComments.authorId, input.authorId),
        eq(networkComments.version, input.version),
        isNull(networkComments.deletedAt),
        input.change === 'remove' ? undefined : or(isNull(networkComments.status), eq(networkComments.status, 'open')),
      ),
    )
    .returning()
  if (!row) {
    const again = await findNetworkComment(deps, input.clientId, input.commentId)
    if (input.change !== 'remove' && again.status !== null && again.status !== 'open') throw decided()
    throw conflict(input.change === 'remove' ? 'removed' : 'overwritten')
  }
  const [author] = await deps.db.select({ name: users.displayName }).from(users).where(eq(users.id, input.authorId))
  return serialiseNetworkComment({ ...row, authorName: author?.name ?? null })
}
