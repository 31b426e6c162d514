import { and, asc, eq } from 'drizzle-orm'
import { networkComments, users, type NetworkComment, type NetworkProposal } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps } from '../lib/env'
import { decideNetworkComment } from './suggestion-decision'
import { ownWordsOf } from './own-words'
import { createNetworkPerson, findNetworkPerson, serialisePerson, updateNetworkPerson, type PersonView } from './network'

export function serialiseNetworkComment(row: NetworkComment & { authorName?: string | null }) {
  return {
    id: row.id,
    personId: row.personId,
    personVersion: row.personVersion,
    authorId: row.authorId,
    authorName: row.authorName ?? null,
    kind: row.kind,
    body: row.body,
    proposal: row.proposal,
    status: row.status,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    ...ownWordsOf(row),
  }
}

/**
 * A worker's comment on the map (or one person on it), or a suggestion: a new person, or a change
 * to one. It never touches the map: only the client's accept does (decideNetworkSuggestion).
 */
export async function addNetworkComment(
  deps: Deps,
  input: { clientId: string; authorId: string; personId: string | null; kind: 'comment' | 'suggestion'; body: string; proposal: NetworkProposal | null },
) {
  const person = input.personId ? await findNetworkPerson(deps.db, input.clientId, input.personId) : null
  if (input.kind === 'suggestion' && !input.proposal) {
    throw new AppError('validation_failed', 'A suggestion needs the person as you propose them.', { proposal: 'required' })
  }
  if (input.kind === 'comment' && !input.body) throw new AppError('validation_failed', 'Write your comment.', { body: 'required' })
  const [row] = await deps.db
    .insert(networkComments)
    .values({
      clientId: input.clientId,
      personId: person?.id ?? null,
      personVersion: person?.version ?? null,
      authorId: input.authorId,
      kind: input.kind,
      body: input.body,
      proposal: input.kind === 'suggestion' ? input.proposal : null,
      status: input.kind === 'suggestion' ? 'open' : null,
      createdAt: deps.now(),
    })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return serialiseNetworkComment(row)
}

/** Remarks on the map, oldest first; `authorId`: only that person's (a peer expert's view, comments.commentsSeenBy). */
export async function listNetworkComments(deps: Deps, input: { clientId: string; personId?: string | undefined; authorId?: string | undefined }) {
  const rows = await deps.db
    .select({ comment: networkComments, authorName: users.displayName })
    .from(networkComments)
    .leftJoin(users, eq(users.id, networkComments.authorId))
    .where(
      and(
        eq(networkComments.clientId, input.clientId),
        ...(input.personId ? [eq(networkComments.personId, input.personId)] : []),
        ...(input.authorId ? [eq(networkComments.authorId, input.authorId)] : []),
      ),
    )
    .orderBy(asc(networkComments.createdAt))
  return rows.map((row) => serialiseNetworkComment({ ...row.comment, authorName: row.authorName }))
}

const ringOf = (ring: number): 1 | 2 | 3 => (ring === 1 || ring === 2 ? ring : 3)

/**
 * The client decides on a suggestion. Accept: the person is added or changed as proposed, with
 * provenance client_accepted_worker and the suggester named, through the same service (versions,
 * history) as any other change. Decline: nothing changes. Only an open suggestion is decided.
 */
export async function decideNetworkSuggestion(
  deps: Deps,
  input: { clientId: string; commentId: string; decision: 'accept' | 'decline'; version?: number | undefined },
): Promise<{ suggestion: ReturnType<typeof serialiseNetworkComment>; person: PersonView | null }> {
  const [row] = await deps.db.select().from(networkComments).where(and(eq(networkComments.id, input.commentId), eq(networkComments.clientId, input.clientId)))
  if (!row || row.kind !== 'suggestion' || !row.proposal || row.deletedAt) throw new AppError('not_found', 'No such suggestion.')
  const proposal = row.proposal
  if (input.decision === 'accept' && row.personId && input.version === undefined) {
    throw new AppError('validation_failed', 'Send the version of the person you saw.', { version: 'required' })
  }
  const { decided, result: person } = await decideNetworkComment(deps, row, input.decision, async (txDeps) => {
    if (input.decision === 'decline') return null
    const fields = { ...proposal, ring: ringOf(proposal.ring), provenance: 'client_accepted_worker' as const, facilitatorId: row.authorId }
    const person = row.personId
      ? await updateNetworkPerson(txDeps, { clientId: input.clientId, actorId: input.clientId, personId: row.personId, version: input.version ?? 0, patch: fields })
      : await createNetworkPerson(txDeps, { clientId: input.clientId, actorId: input.clientId, person: fields })
    return serialisePerson(person)
  })
  return { suggestion: serialiseNetworkComment(decided), person }
}
