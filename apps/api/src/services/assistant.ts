import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import {
  AssistantError,
  answerStep,
  answerStepWithModel,
  conversationStateSchema,
  isFlowId,
  organisationsOf,
  proposalSchema,
  resumeConversation,
  screen,
  startConversation as startEngine,
  startConversationWithModel,
  supportKinds,
  safetyPlanParts,
  times,
  vipAreas,
  type AnswerInput,
  type ConversationState,
  type CrisisKind,
  type DomainId,
  type FlowId,
  type Locale,
  type Proposal,
  type Safety,
  type StepResult,
  type StepView,
  type Summary,
  type TurnOutcome,
} from '@kracht/assistant'
import { strengthForms } from '@kracht/language'
import {
  clientWorkers,
  conversationProposals,
  conversations,
  notifications,
  safetyEvents,
  users,
  type Conversation,
  type ConversationProposal,
  type ProposalStatus,
  type SafetyChoice,
  type SafetyEvent,
} from '@kracht/db'
import { AppError } from '../lib/app-error'
import { mapAssistantErrors, SafetyAppError, toAppError } from '../lib/assistant-errors'
import type { Deps } from '../lib/env'
import { domainSettings } from './inventory'
import { modelFor, protectedContext } from './assistant/ai-help'
import { cardVisibleTo, clientWentOnAlone, flowDomains, refuseFacilitatorAfterSolo, storedDomains } from './assistant/together'

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

// ---------------------------------------------------------------------------------------------
// Views: what the API returns. Built here so the routes and the tests see one shape.

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

type WithDomainString<T> = T extends { domain: DomainId | null } ? Omit<T, 'domain'> & { domain: string | null } : T
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

const iso = (date: Date | null) => (date ? date.toISOString() : null)

function metaOf(row: Conversation): ConversationMeta {
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

function safetyEventOf(row: SafetyEvent): SafetyEventView {
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

export function proposalOf(row: ConversationProposal): ProposalView {
  const draft = proposalSchema.parse(row.draft)
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

// ---------------------------------------------------------------------------------------------
// Reading

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
  const settings = caller.isSelf || !caller.excludeDomains?.length ? null : await domainSettings(deps, caller.clientId)
  const visible = rows.filter((row) => caller.isSelf || cardVisibleTo(caller, settings?.domainSet ?? 'krachtwerk', row))
  // Engine ids end in a counter: order by it within one turn (they share a created_at).
  return visible.sort((a, b) => (a.createdAt.getTime() - b.createdAt.getTime()) || seqOf(a.proposalId) - seqOf(b.proposalId)).map(proposalOf)
}

const seqOf = (proposalId: string) => Number(proposalId.slice(proposalId.lastIndexOf('-') + 1)) || 0

async function latestSafetyEvent(deps: Deps, conversationId: string): Promise<SafetyEvent | null> {
  const [row] = await deps.db
    .select()
    .from(safetyEvents)
    .where(eq(safetyEvents.conversationId, conversationId))
    .orderBy(desc(safetyEvents.createdAt))
    .limit(1)
  return row ?? null
}

async function viewOf(
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

// AI help (the switch, its history, the disclosure record, the model for one turn): ./assistant/ai-help.ts
export { getAiHelp, setAiHelp, listAiHelpChanges, listAiDisclosures } from './assistant/ai-help'
export type { AiHelpView, AiHelpChangeView, AiDisclosureView } from './assistant/ai-help'

// ---------------------------------------------------------------------------------------------
// Starting and answering

export interface StartContext {
  domains?: DomainId[] | undefined
  priority?: { domain: DomainId; wish?: string | undefined } | undefined
}

/**
 * Checks one life domain with the gate (the route passes it in, so the gate stays the route's):
 * throws when the caller may not work on it, and logs the attempt.
 */
export type DomainCheck = (domain: string) => Promise<void>

/**
 * Together mode: the facilitator may work only on life domains the client shared with them, in the
 * domain the cards will really be stored under (ICM's nine too). Looked up here, never taken from
 * the request.
 */
async function checkFlowDomains(deps: Deps, caller: Caller, state: unknown, checkDomain: DomainCheck | undefined) {
  if (caller.isSelf || !checkDomain) return
  const domains = flowDomains(state)
  if (domains.length === 0) return
  const settings = await domainSettings(deps, caller.clientId)
  for (const domain of storedDomains(settings.domainSet, domains)) await checkDomain(domain)
}

export async function startConversation(
  deps: Deps,
  input: { caller: Caller; flow: string; locale: Locale; context?: StartContext | undefined; checkDomain?: DomainCheck | undefined },
): Promise<ConversationView> {
  const { caller } = input
  if (!isFlowId(input.flow)) throw toAppError(new AssistantError('unknown_flow'))
  const id = crypto.randomUUID()
  const model = await modelFor(deps, caller.clientId, id)
  const context = {
    ...(input.context?.domains ? { domains: input.context.domains } : {}),
    ...(input.context?.priority ? { priority: input.context.priority } : {}),
    ...(await protectedContext(deps, caller.clientId)),
  }
  const options = { flow: input.flow, locale: input.locale, id, context }
  // Before any model call: a left-out domain is refused with nothing sent anywhere.
  await checkFlowDomains(deps, caller, { context, data: {} }, input.checkDomain)
  const started = await mapAssistantErrors(() =>
    model ? startConversationWithModel({ ...options, ...model }) : startEngine(options),
  )
  const now = deps.now()
  const [row] = await deps.db
    .insert(conversations)
    .values({
      id,
      clientId: caller.clientId,
      flow: input.flow,
      locale: input.locale,
      state: started.state,
      facilitatorId: facilitatorOf(caller),
      lastAi: started.ai,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return viewOf(deps, row, {
    step: started.step,
    intro: started.intro,
    feedback: [],
    outcome: null,
    newProposalIds: [],
    safety: null,
    summary: null,
    aiFallback: fellBack(started.ai),
  }, caller)
}

async function conflictOf(db: Deps['db'], row: Conversation): Promise<never> {
  const [current] = await db.select({ version: conversations.version }).from(conversations).where(eq(conversations.id, row.id))
  versionConflict(current?.version ?? row.version)
}

/**
 * The screen fired on an answer the engine refused (too long, another step …): record the event
 * and mark the conversation, so the help stays on it as after any crisis turn. If the state cannot
 * be read or moved on meanwhile, the event alone is kept.
 */
async function keepSafety(deps: Deps, row: Conversation, kind: CrisisKind) {
  const now = deps.now()
  const parsed = conversationStateSchema.safeParse(row.state)
  await deps.db.transaction(async (tx) => {
    await tx.insert(safetyEvents).values({ clientId: row.clientId, conversationId: row.id, kind, createdAt: now })
    if (!parsed.success) return
    const state: ConversationState = { ...parsed.data, safety: { kind, lastTurn: true, count: (parsed.data.safety?.count ?? 0) + 1 } }
    await tx
      .update(conversations)
      .set({ state, version: row.version + 1, updatedAt: now })
      .where(and(eq(conversations.id, row.id), eq(conversations.version, row.version)))
  })
}

function versionConflict(version: number): never {
  throw new AppError(
    'version_conflict',
    `This conversation moved on elsewhere (now version ${version}), for example in another tab. Nothing was overwritten; load it again.`,
  )
}

/**
 * One turn. The engine screens the text for a crisis before anything else (also before the
 * checks that may refuse it); the model, if any, is called outside the transaction; the state
 * is written only if nobody else wrote it meanwhile (version), together with the new cards and
 * the safety event, so a conversation is never half-written.
 */
export async function answer(
  deps: Deps,
  input: { caller: Caller; conversationId: string; answer: AnswerInput; version?: number | undefined; checkDomain?: DomainCheck | undefined },
): Promise<ConversationView> {
  const { caller } = input
  const { clientId } = caller
  const row = await findConversation(deps, clientId, input.conversationId, facilitatorOf(caller))
  refuseFacilitatorAfterSolo(caller, row)
  // A stale version is refused, except when the text is a crisis: the screen comes before every
  // check, so help is never lost to a second tab (the engine then answers with the help card).
  if (input.version !== undefined && input.version !== row.version) {
    const text = input.answer.text
    if (!text || screen(text, row.locale, organisationsOf(row.state)) === null) versionConflict(row.version)
  }
  const model = await modelFor(deps, clientId, row.id)

  let result: StepResult
  try {
    result = model ? await answerStepWithModel(row.state, input.answer, model) : answerStep(row.state, input.answer)
  } catch (error) {
    if (error instanceof AssistantError) {
      // The answer was refused, but the screen fired on it: the client sees help now, and later.
      if (error.safety?.current) await keepSafety(deps, row, error.safety.kind)
      throw toAppError(error)
    }
    throw error
  }

  // A domain picked in the flow itself ("which life domain?") is checked like one given at the start.
  await checkFlowDomains(deps, caller, result.state, input.checkDomain)
  const now = deps.now()
  const state: ConversationState = result.state
  const changes = {
    state,
    status: state.status,
    version: row.version + 1,
    updatedAt: now,
    finishedAt: state.status === 'finished' ? now : null,
    lastAi: result.ai,
    // The client answering in their own session a conversation run together: from now on the rest is theirs.
    clientAloneAt: row.clientAloneAt ?? (caller.isSelf && row.facilitatorId ? now : null),
  }
  const crisis = result.outcome === 'crisis' && result.safety !== null
  // Only the id comes back: reading the whole state again would cost a turn's time for nothing.
  const update = (db: Deps['db']) =>
    db
      .update(conversations)
      .set(changes)
      .where(and(eq(conversations.id, row.id), eq(conversations.version, row.version)))
      .returning({ id: conversations.id })
  if (result.proposals.length === 0 && !crisis) {
    // One statement is atomic on its own: no transaction needed.
    const [updated] = await update(deps.db)
    if (!updated) await conflictOf(deps.db, row)
  } else {
    const written = await deps.db.transaction(async (tx) => {
      const [updated] = await update(tx)
      if (!updated) return false
      if (result.proposals.length > 0) {
        await tx
          .insert(conversationProposals)
          .values(
            result.proposals.map((p) => ({
              conversationId: row.id,
              clientId,
              proposalId: p.id,
              kind: p.kind,
              draft: p,
              answeredById: caller.actorId,
              createdAt: now,
            })),
          )
          .onConflictDoNothing()
      }
      if (crisis && result.safety) {
        await tx.insert(safetyEvents).values({ clientId, conversationId: row.id, kind: result.safety.kind, createdAt: now })
      }
      return true
    })
    if (!written) {
      // Another tab wrote first. A crisis is still kept, and the refusal carries the help card.
      if (crisis && result.safety) {
        await keepSafety(deps, await findConversation(deps, clientId, row.id), result.safety.kind)
        throw new SafetyAppError('version_conflict', 'This conversation moved on elsewhere. Nothing was overwritten; load it again.', result.safety)
      }
      await conflictOf(deps.db, row)
    }
  }
  const saved: Conversation = { ...row, ...changes }

  return viewOf(deps, saved, {
    step: result.step,
    intro: [],
    feedback: result.feedback,
    outcome: result.outcome,
    newProposalIds: result.proposals.map((p) => p.id),
    safety: result.safety,
    summary: result.summary,
    aiFallback: result.step !== null && fellBack(result.ai),
  }, caller)
}

// ---------------------------------------------------------------------------------------------
// Safety: the client sees that the screen fired; the worker hears only on the client's "yes".

export interface SafetyChoiceResult {
  event: SafetyEventView
  /** How many workers were told now (0 on "no", or when no worker is linked). */
  workersNotified: number
  /** False when the client asked, but has no worker linked in Kracht. */
  hasWorker: boolean
}

export async function recordSafetyChoice(
  deps: Deps,
  input: { caller: Caller; conversationId: string; notifyWorker: boolean },
): Promise<SafetyChoiceResult> {
  const { clientId } = input.caller
  const conversation = await findConversation(deps, clientId, input.conversationId, facilitatorOf(input.caller))
  const event = await latestSafetyEvent(deps, conversation.id)
  if (!event) throw new AppError('not_found', 'No help card was shown in this conversation.')
  const now = deps.now()
  const workers = await deps.db.select({ id: clientWorkers.workerId }).from(clientWorkers).where(eq(clientWorkers.clientId, clientId))
  return deps.db.transaction(async (tx) => {
    const choice: SafetyChoice = input.notifyWorker ? 'notify_worker' : 'no_notification'
    // A worker is told once per event, however often the client taps "yes".
    const notify = input.notifyWorker && !event.workerNotifiedAt && workers.length > 0
    if (notify) {
      await tx.insert(notifications).values(
        workers.map((w) => ({
          recipientId: w.id,
          clientId,
          kind: 'safety_contact' as const,
          data: { safetyEventId: event.id },
          createdAt: now,
        })),
      )
    }
    const [updated] = await tx
      .update(safetyEvents)
      .set({ clientChoice: choice, choiceAt: now, ...(notify ? { workerNotifiedAt: now } : {}) })
      .where(eq(safetyEvents.id, event.id))
      .returning()
    if (!updated) throw new Error('update returned nothing')
    return { event: safetyEventOf(updated), workersNotified: notify ? workers.length : 0, hasWorker: workers.length > 0 }
  })
}

export async function listSafetyEvents(deps: Deps, clientId: string): Promise<SafetyEventView[]> {
  const rows = await deps.db.select().from(safetyEvents).where(eq(safetyEvents.clientId, clientId)).orderBy(desc(safetyEvents.createdAt)).limit(200)
  return rows.map(safetyEventOf)
}

export interface NotificationView {
  id: string
  kind: 'safety_contact'
  clientId: string | null
  clientName: string | null
  createdAt: string
  readAt: string | null
}

/** A user's own notifications, newest first. No client text: only who and when. */
export async function listNotifications(deps: Deps, recipientId: string): Promise<NotificationView[]> {
  const rows = await deps.db
    .select({ n: notifications, clientName: users.displayName })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.clientId))
    .where(eq(notifications.recipientId, recipientId))
    .orderBy(desc(notifications.createdAt))
    .limit(200)
  return rows.map(({ n, clientName }) => ({
    id: n.id,
    kind: n.kind,
    clientId: n.clientId,
    clientName,
    createdAt: n.createdAt.toISOString(),
    readAt: iso(n.readAt),
  }))
}
