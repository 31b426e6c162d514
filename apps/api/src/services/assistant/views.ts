// Views: what the API returns. Built here so the routes and the tests see one shape.
import { z } from 'zod'
import { proposalSchema, supportKinds, safetyPlanParts, times, vipAreas, type FlowId, type LifeDomain, type Locale, type Proposal, type Safety, type StepView, type Summary, type TurnOutcome } from '@kracht/assistant'
import { strengthForms } from '@kracht/language'
import type { Conversation, ConversationProposal, ProposalStatus, SafetyChoice, SafetyEvent } from '@kracht/db'
import { domainInSet, type DomainSetId } from '@kracht/inventory'

/**
 * Who is acting, for whom. `isSelf` false is together mode: a worker or peer expert runs the flow
 * beside the client (the access gate decided they may). The answers stay the client's; the
 * facilitator is kept beside them.
 */
export interface Caller {
  clientId: string
  actorId: string
  isSelf: boolean
  /** The facilitator's left-out life domains (from the gate); none for the client. */
  excludeDomains?: readonly string[] | undefined
}

export const facilitatorOf = (caller: Caller) => (caller.isSelf ? null : caller.actorId)

export interface ConversationMeta {
  id: string
  flow: FlowId
  locale: Locale
  status: 'active' | 'finished'
  version: number
  facilitatorId: string | null
  createdAt: string
  updatedAt: string
  finishedAt: string | null
}

interface ProposalMeta {
  status: ProposalStatus
  version: number
  savedId: string | null
  decidedAt: string | null
  /** Together mode: the worker or peer expert who kept it; it waits for the client (pending_client). */
  suggestedById: string | null
}

type WithDomainString<T> = T extends { domain: LifeDomain | null } ? Omit<T, 'domain'> & { domain: string | null } : T
/** A card: the draft, overlaid with what was saved once accepted (the client may have edited it). */
export type ProposalView = WithDomainString<Proposal> & ProposalMeta

export interface SafetyEventView {
  id: string
  conversationId: string | null
  kind: string
  createdAt: string
  clientChoice: SafetyChoice | null
  choiceAt: string | null
  workerNotifiedAt: string | null
}

export interface ConversationView {
  conversation: ConversationMeta
  /** The question waiting for an answer; null when the flow finished. */
  step: StepView | null
  /** Welcome lines (start) or a welcome-back line (resume); empty after an answer. */
  intro: string[]
  /** Short feedback on the answer just given; empty otherwise. */
  feedback: string[]
  outcome: TurnOutcome | null
  /** The engine ids of the cards this answer proposed. */
  newProposalIds: string[]
  /** Every card of the conversation, oldest first, with its status. */
  proposals: ProposalView[]
  /** Help lines; present once the crisis screen fired in this conversation. Show it whenever set. */
  safety: Safety | null
  /** The latest time the screen fired here, with the client's choice about telling the worker. */
  safetyEvent: SafetyEventView | null
  summary: Summary | null
  /** AI help is on, but this question came without it (the model failed, was too slow, or its reply was discarded). */
  aiFallback: boolean
}

/** True when a model was tried for this turn and the offline wording is shown instead. */
export function fellBack(ai: { used: boolean; fallback: string | null } | null | undefined): boolean {
  return Boolean(ai && !ai.used && ai.fallback !== null && ai.fallback !== 'disabled' && ai.fallback !== 'crisis')
}

export interface ConversationListItem extends ConversationMeta {
  openProposals: number
}

export const iso = (date: Date | null) => (date ? date.toISOString() : null)

export function metaOf(row: Conversation): ConversationMeta {
  return {
    id: row.id,
    flow: row.flow,
    locale: row.locale,
    status: row.status,
    version: row.version,
    facilitatorId: row.facilitatorId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: iso(row.finishedAt),
  }
}

export function safetyEventOf(row: SafetyEvent): SafetyEventView {
  return {
    id: row.id,
    conversationId: row.conversationId,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    clientChoice: row.clientChoice,
    choiceAt: iso(row.choiceAt),
    workerNotifiedAt: iso(row.workerNotifiedAt),
  }
}

// What is saved on acceptance, per kind: the draft's fields after the client's edits.
export const savedStatementSchema = z.object({ domain: z.string(), time: z.enum(times), form: z.enum(strengthForms), text: z.string() })
export const savedPersonSchema = z.object({
  name: z.string(),
  area: z.enum(vipAreas),
  ring: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  support: z.array(z.enum(supportKinds)),
  note: z.string().nullable(),
})
export const savedGoalSchema = z.object({ domain: z.string().nullable(), text: z.string() })
export const savedActionSchema = z.object({ what: z.string(), who: z.string().nullable(), when: z.string().nullable() })
export const savedPlanLineSchema = z.object({ part: z.enum(safetyPlanParts), text: z.string() })

/**
 * A card as the API shows it. With `domainSet`, a draft's suggested domain is shown in the
 * organisation's set (a conversation from before the flows worked in ICM's nine carries Krachtwerk's
 * ids): a card never suggests a domain the organisation does not use.
 */
export function proposalOf(row: ConversationProposal, domainSet?: DomainSetId): ProposalView {
  const parsed = proposalSchema.parse(row.draft)
  const draft = domainSet && (parsed.kind === 'statement' || parsed.kind === 'goal') && parsed.domain ? { ...parsed, domain: domainInSet(domainSet, parsed.domain) } : parsed
  const meta: ProposalMeta = {
    status: row.status,
    version: row.version,
    savedId: row.savedId,
    decidedAt: iso(row.decidedAt),
    suggestedById: row.suggestedById,
  }
  // Kept: what was saved; waiting for the client: what the facilitator kept (with their edits).
  const saved = row.saved ?? row.suggested
  switch (draft.kind) {
    case 'statement':
      return { ...draft, ...(saved ? savedStatementSchema.parse(saved) : {}), ...meta }
    case 'network_person':
      return { ...draft, ...(saved ? savedPersonSchema.parse(saved) : {}), ...meta }
    case 'goal':
      return { ...draft, ...(saved ? savedGoalSchema.parse(saved) : {}), ...meta }
    case 'action':
      return { ...draft, ...(saved ? savedActionSchema.parse(saved) : {}), ...meta }
    case 'safety_plan_line':
      return { ...draft, ...(saved ? savedPlanLineSchema.parse(saved) : {}), ...meta }
  }
}
