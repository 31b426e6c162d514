// Reading conversations: the list, one conversation as it stands, and the view every answer returns.
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { resumeConversation, startConversation as startEngine } from '@kracht/assistant'
import { conversationProposals, conversations, safetyEvents, type Conversation, type SafetyEvent } from '@kracht/db'
import { AppError } from '../../lib/app-error'
import { mapAssistantErrors } from '../../lib/assistant-errors'
import type { Deps } from '../../lib/env'
import { domainSettings } from '../inventory'
import { cardVisibleTo, clientWentOnAlone } from './together'
import { facilitatorOf, fellBack, metaOf, proposalOf, safetyEventOf, type Caller, type ConversationListItem, type ConversationView, type ProposalView } from './views'

/**
 * Drafts are the client's until they keep them: someone else (together mode, once the gate lets
 * them in) sees only the conversations they ran beside the client. `facilitatorId` null: the client.
 */
export async function findConversation(deps: Deps, clientId: string, conversationId: string, facilitatorId: string | null = null): Promise<Conversation> {
  const [row] = await deps.db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.id, conversationId),
        eq(conversations.clientId, clientId),
        facilitatorId ? eq(conversations.facilitatorId, facilitatorId) : undefined,
      ),
    )
  if (!row) throw new AppError('not_found', 'No such conversation.')
  return row
}

async function proposalsOf(deps: Deps, conversationId: string, caller: Caller): Promise<ProposalView[]> {
  const rows = await deps.db
    .select()
    .from(conversationProposals)
    .where(eq(conversationProposals.conversationId, conversationId))
    .orderBy(asc(conversationProposals.createdAt), asc(conversationProposals.proposalId))
  const settings = await domainSettings(deps, caller.clientId)
  const visible = rows.filter((row) => caller.isSelf || cardVisibleTo(caller, settings.domainSet, row))
  // Engine ids end in a counter: order by it within one turn (they share a created_at).
  return visible
    .sort((a, b) => (a.createdAt.getTime() - b.createdAt.getTime()) || seqOf(a.proposalId) - seqOf(b.proposalId))
    .map((row) => proposalOf(row, settings.domainSet))
}

const seqOf = (proposalId: string) => Number(proposalId.slice(proposalId.lastIndexOf('-') + 1)) || 0

export async function latestSafetyEvent(deps: Deps, conversationId: string): Promise<SafetyEvent | null> {
  const [row] = await deps.db
    .select()
    .from(safetyEvents)
    .where(eq(safetyEvents.conversationId, conversationId))
    .orderBy(desc(safetyEvents.createdAt))
    .limit(1)
  return row ?? null
}

export async function viewOf(
  deps: Deps,
  row: Conversation,
  turn: Pick<ConversationView, 'step' | 'intro' | 'feedback' | 'outcome' | 'newProposalIds' | 'safety' | 'summary' | 'aiFallback'>,
  caller: Caller,
): Promise<ConversationView> {
  // A safety event exists only where the screen fired, and then the state says so: most turns
  // need no second query. The client's choice about telling the worker is the client's alone.
  const fired = caller.isSelf && (row.state as { safety?: unknown }).safety != null
  const [proposals, event] = await Promise.all([proposalsOf(deps, row.id, caller), fired ? latestSafetyEvent(deps, row.id) : null])
  const view: ConversationView = { conversation: metaOf(row), ...turn, proposals, safetyEvent: event ? safetyEventOf(event) : null }
  if (caller.isSelf) return view
  const shown = new Set(proposals.map((p) => p.id))
  const newProposalIds = view.newProposalIds.filter((id) => shown.has(id))
  // The client went on alone: what they answered since (and the question they are at, the help
  // card, the summary of it all) is theirs. The facilitator keeps the cards of their own turns.
  if (clientWentOnAlone(caller, row)) return { ...view, step: null, intro: [], feedback: [], outcome: null, newProposalIds, safety: null, summary: null }
  const summary = view.summary ? { ...view.summary, proposals: view.summary.proposals.filter((p) => shown.has(p.id)) } : null
  return { ...view, newProposalIds, summary }
}

export async function listConversations(deps: Deps, clientId: string, facilitatorId: string | null = null): Promise<ConversationListItem[]> {
  // Spelled out: inside a correlated subquery drizzle would leave the outer column unqualified.
  // The client counts cards waiting for them; a facilitator only the open cards of their own turns.
  const open = (
    facilitatorId
      ? sql<number>`(select count(*) from conversation_proposals p where p.conversation_id = "conversations"."id" and p.status = 'proposed' and p.answered_by_id = ${facilitatorId})`
      : sql<number>`(select count(*) from conversation_proposals p where p.conversation_id = "conversations"."id" and p.status in ('proposed', 'pending_client'))`
  ).mapWith(Number)
  const rows = await deps.db
    .select({ conversation: conversations, open })
    .from(conversations)
    .where(and(eq(conversations.clientId, clientId), facilitatorId ? eq(conversations.facilitatorId, facilitatorId) : undefined))
    .orderBy(desc(conversations.updatedAt))
    .limit(100)
  return rows.map((r) => ({ ...metaOf(r.conversation), openProposals: r.open }))
}

/** The conversation as it stands: for a reload, another device, or days later (welcome back). */
export async function getConversation(deps: Deps, input: { caller: Caller; conversationId: string }): Promise<ConversationView> {
  const { caller } = input
  const row = await findConversation(deps, caller.clientId, input.conversationId, facilitatorOf(caller))
  const resumed = await mapAssistantErrors(() => resumeConversation(row.state))
  // Not answered yet (the page loads right after the start): the flow's own welcome, not "welcome
  // back". The offline start is deterministic, so it gives the same lines again.
  const fresh = resumed.state.history.length === 0 && resumed.step !== null
  const intro = fresh
    ? await mapAssistantErrors(() => startEngine({ flow: row.flow, locale: row.locale, context: resumed.state.context, id: row.id }).intro)
    : resumed.intro
  return viewOf(deps, row, {
    step: resumed.step,
    intro,
    feedback: [],
    outcome: null,
    newProposalIds: [],
    safety: resumed.safety,
    summary: resumed.summary,
    aiFallback: resumed.step !== null && fellBack(row.lastAi),
  }, caller)
}
