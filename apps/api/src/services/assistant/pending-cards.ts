import { and, asc, eq } from 'drizzle-orm'
import { conversationProposals, conversations, users, type ConversationFlow } from '@kracht/db'
import type { Deps } from '../../lib/env'
import { domainSettings } from '../inventory'
import { proposalOf, type ProposalView } from './views'

export interface PendingCardView {
  conversationId: string
  flow: ConversationFlow
  proposal: ProposalView
  /** Who kept it beside the client ("Noor suggested this"). */
  suggestedBy: { id: string; name: string | null } | null
  suggestedAt: string | null
}

/**
 * The cards a worker or peer expert kept in together mode, waiting for the client's own yes. Only
 * the client reads this (the route refuses anyone else): keeping, changing or dropping one goes
 * through the conversation's accept and drop, which save it with the facilitator's name.
 */
export async function listPendingCards(deps: Deps, clientId: string): Promise<PendingCardView[]> {
  const rows = await deps.db
    .select({ card: conversationProposals, flow: conversations.flow, name: users.displayName })
    .from(conversationProposals)
    .innerJoin(conversations, eq(conversations.id, conversationProposals.conversationId))
    .leftJoin(users, eq(users.id, conversationProposals.suggestedById))
    .where(and(eq(conversationProposals.clientId, clientId), eq(conversationProposals.status, 'pending_client')))
    .orderBy(asc(conversationProposals.suggestedAt), asc(conversationProposals.createdAt))
    .limit(200)
  const { domainSet } = await domainSettings(deps, clientId)
  return rows.map(({ card, flow, name }) => ({
    conversationId: card.conversationId,
    flow,
    proposal: proposalOf(card, domainSet),
    suggestedBy: card.suggestedById ? { id: card.suggestedById, name } : null,
    suggestedAt: card.suggestedAt ? card.suggestedAt.toISOString() : null,
  }))
}
