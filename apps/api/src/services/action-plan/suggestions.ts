import { and, eq } from 'drizzle-orm'
import { comments } from '@kracht/db'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'
import { serialiseComment } from '../comments'
import { addAction, type NewAction } from './changes'
import { findGoal, type PlanViewer } from './view'
import { decideComment, requireOpen } from '../suggestion-decision'

/**
 * A worker (or peer expert) on a consent with comment access comments on a goal, or suggests a
 * step. Neither changes the plan: a suggested step becomes part of it only when the client accepts
 * it and says who does it and when. Stored in the comments table with target `goal`.
 */
export async function addGoalComment(
  deps: Deps,
  input: { clientId: string; goalId: string; authorId: string; viewer: PlanViewer; kind: 'comment' | 'suggestion'; body: string; suggestedWhat?: string | null | undefined },
) {
  const goal = await findGoal(deps, input.clientId, input.goalId, input.viewer)
  if (input.kind === 'suggestion' && !input.suggestedWhat) {
    throw new AppError('validation_failed', 'A suggestion needs the step you propose.', { suggestedWhat: 'required' })
  }
  if (input.kind === 'comment' && !input.body) throw new AppError('validation_failed', 'Write your comment.', { body: 'required' })
  const [row] = await deps.db
    .insert(comments)
    .values({
      clientId: input.clientId,
      targetKind: 'goal',
      targetId: goal.id,
      domain: goal.domain,
      targetVersion: goal.version,
      authorId: input.authorId,
      kind: input.kind,
      body: input.body,
      suggestedText: input.kind === 'suggestion' ? (input.suggestedWhat ?? null) : null,
      status: input.kind === 'suggestion' ? 'open' : null,
      createdAt: deps.now(),
    })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return serialiseComment(row)
}

/**
 * The client decides on a suggested step. Accept: the step is added as suggested (provenance
 * client_accepted_worker, the suggester named), with the who and when the client chose. Edit: the
 * client's own words for it (provenance client). Decline: nothing changes. One transaction, and
 * only an open suggestion is decided, so two taps cannot add the step twice.
 */
export async function decideGoalSuggestion(
  deps: Deps,
  input: { clientId: string; goalId: string; commentId: string; decision: 'accept' | 'edit' | 'decline'; action?: NewAction | undefined },
) {
  const goal = await findGoal(deps, input.clientId, input.goalId)
  const [row] = await deps.db
    .select()
    .from(comments)
    .where(and(eq(comments.id, input.commentId), eq(comments.clientId, input.clientId), eq(comments.targetKind, 'goal'), eq(comments.targetId, goal.id)))
  if (!row || row.kind !== 'suggestion' || row.deletedAt) throw new AppError('not_found', 'No such suggestion.')
  requireOpen(row)
  if (input.decision !== 'decline' && !input.action) {
    throw new AppError('validation_failed', 'Say who does it and when.', { when: 'required' })
  }
  const { decided, result: action } = await decideComment(deps, row, input.decision, async (txDeps) => {
    if (!input.action || input.decision === 'decline') return null
    const accepted = input.decision === 'accept'
    return addAction(txDeps, {
      clientId: input.clientId,
      goalId: goal.id,
      action: accepted ? { ...input.action, what: row.suggestedText ?? input.action.what } : input.action,
      provenance: accepted ? 'client_accepted_worker' : 'client',
      facilitatorId: accepted ? row.authorId : null,
    })
  })
  return { suggestion: serialiseComment(decided), action }
}
