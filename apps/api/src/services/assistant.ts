import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import {
  AssistantError,
  answerStep,
  answerStepWithModel,
  conversationStateSchema,
  isFlowId,
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
import { isDomainOf, mapAnalysedDomain } from '@kracht/inventory'
import {
  clientSettings,
  clientWorkers,
  conversationProposals,
  conversations,
  networkPeople,
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
import { attachActionsToGoal, createGoal, createGoalAction } from './action-plan'
import { createStatement, domainSettings, type DomainSettings } from './inventory'
import { createNetworkPerson } from './network'
import { appendSafetyPlanLine } from './safety-plan'

/**
 * Who is acting, for whom. `isSelf` false is together mode: a worker or peer expert runs the flow
 * beside the client (the access gate decided they may). The answers stay the client's; the
 * facilitator is kept beside them.
 */
export interface Caller {
  clientId: string
  actorId: string
  isSelf: boolean
}

const facilitatorOf = (caller: Caller) => (caller.isSelf ? null : caller.actorId)

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
const savedStatementSchema = z.object({ domain: z.string(), time: z.enum(times), form: z.enum(strengthForms), text: z.string() })
const savedPersonSchema = z.object({
  name: z.string(),
  area: z.enum(vipAreas),
  ring: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  support: z.array(z.enum(supportKinds)),
  note: z.string().nullable(),
})
const savedGoalSchema = z.object({ domain: z.string().nullable(), text: z.string() })
const savedActionSchema = z.object({ what: z.string(), who: z.string().nullable(), when: z.string().nullable() })
const savedPlanLineSchema = z.object({ part: z.enum(safetyPlanParts), text: z.string() })

function proposalOf(row: ConversationProposal): ProposalView {
  const draft = proposalSchema.parse(row.draft)
  const meta: ProposalMeta = { status: row.status, version: row.version, savedId: row.savedId, decidedAt: iso(row.decidedAt) }
  const saved = row.saved
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
async function findConversation(deps: Deps, clientId: string, conversationId: string, facilitatorId: string | null = null): Promise<Conversation> {
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

async function proposalsOf(deps: Deps, conversationId: string): Promise<ProposalView[]> {
  const rows = await deps.db
    .select()
    .from(conversationProposals)
    .where(eq(conversationProposals.conversationId, conversationId))
    .orderBy(asc(conversationProposals.createdAt), asc(conversationProposals.proposalId))
  // Engine ids end in a counter: order by it within one turn (they share a created_at).
  return rows.sort((a, b) => (a.createdAt.getTime() - b.createdAt.getTime()) || seqOf(a.proposalId) - seqOf(b.proposalId)).map(proposalOf)
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
  turn: Pick<ConversationView, 'step' | 'intro' | 'feedback' | 'outcome' | 'newProposalIds' | 'safety' | 'summary'>,
): Promise<ConversationView> {
  // A safety event exists only where the screen fired, and then the state says so: most turns
  // need no second query.
  const fired = (row.state as { safety?: unknown }).safety != null
  const [proposals, event] = await Promise.all([proposalsOf(deps, row.id), fired ? latestSafetyEvent(deps, row.id) : null])
  return { conversation: metaOf(row), ...turn, proposals, safetyEvent: event ? safetyEventOf(event) : null }
}

export async function listConversations(deps: Deps, clientId: string, facilitatorId: string | null = null): Promise<ConversationListItem[]> {
  // Spelled out: inside a correlated subquery drizzle would leave the outer column unqualified.
  const open = sql<number>`(select count(*) from conversation_proposals p where p.conversation_id = "conversations"."id" and p.status = 'proposed')`.mapWith(Number)
  const rows = await deps.db
    .select({ conversation: conversations, open })
    .from(conversations)
    .where(and(eq(conversations.clientId, clientId), facilitatorId ? eq(conversations.facilitatorId, facilitatorId) : undefined))
    .orderBy(desc(conversations.updatedAt))
    .limit(100)
  return rows.map((r) => ({ ...metaOf(r.conversation), openProposals: r.open }))
}

/** The conversation as it stands: for a reload, another device, or days later (welcome back). */
export async function getConversation(
  deps: Deps,
  input: { clientId: string; conversationId: string; facilitatorId?: string | null | undefined },
): Promise<ConversationView> {
  const row = await findConversation(deps, input.clientId, input.conversationId, input.facilitatorId ?? null)
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
  })
}

// ---------------------------------------------------------------------------------------------
// AI help: off until the client turns it on.

export interface AiHelpView {
  enabled: boolean
  enabledAt: string | null
  /** Whether this server has a model at all; without one AI help changes nothing. */
  available: boolean
}

export async function getAiHelp(deps: Deps, clientId: string): Promise<AiHelpView> {
  const [row] = await deps.db.select().from(clientSettings).where(eq(clientSettings.clientId, clientId))
  const enabledAt = row?.aiHelpEnabledAt ?? null
  return { enabled: enabledAt !== null, enabledAt: iso(enabledAt), available: Boolean(deps.model) }
}

export async function setAiHelp(deps: Deps, input: { clientId: string; enabled: boolean }): Promise<AiHelpView> {
  const now = deps.now()
  const aiHelpEnabledAt = input.enabled ? now : null
  await deps.db
    .insert(clientSettings)
    .values({ clientId: input.clientId, aiHelpEnabledAt, updatedAt: now })
    .onConflictDoUpdate({
      target: clientSettings.clientId,
      // Turning it on again keeps the first moment it was turned on.
      set: {
        aiHelpEnabledAt: input.enabled ? sql`coalesce(${clientSettings.aiHelpEnabledAt}, ${now.toISOString()}::timestamptz)` : null,
        updatedAt: now,
      },
    })
  return getAiHelp(deps, input.clientId)
}

/** The model, only when there is one and the client turned AI help on; else null (offline). */
async function modelFor(deps: Deps, clientId: string) {
  if (!deps.model) return null
  const [row] = await deps.db
    .select({ at: clientSettings.aiHelpEnabledAt })
    .from(clientSettings)
    .where(eq(clientSettings.clientId, clientId))
  return row?.at ? deps.model : null
}

// ---------------------------------------------------------------------------------------------
// Starting and answering

export interface StartContext {
  domains?: DomainId[] | undefined
  priority?: { domain: DomainId; wish?: string | undefined } | undefined
}

/** Names that must never reach a model: the client's own and everyone on their network map. */
async function protectedNames(deps: Deps, clientId: string): Promise<{ clientName: string | undefined; knownNames: string[] }> {
  const [client] = await deps.db.select({ name: users.displayName }).from(users).where(eq(users.id, clientId))
  const people = await deps.db.select({ name: networkPeople.name }).from(networkPeople).where(eq(networkPeople.clientId, clientId)).limit(200)
  return { clientName: client?.name, knownNames: people.map((p) => p.name) }
}

export async function startConversation(
  deps: Deps,
  input: { caller: Caller; flow: string; locale: Locale; context?: StartContext | undefined },
): Promise<ConversationView> {
  const { caller } = input
  if (!isFlowId(input.flow)) throw toAppError(new AssistantError('unknown_flow'))
  const model = await modelFor(deps, caller.clientId)
  const names = await protectedNames(deps, caller.clientId)
  const id = crypto.randomUUID()
  const context = {
    ...(input.context?.domains ? { domains: input.context.domains } : {}),
    ...(input.context?.priority ? { priority: input.context.priority } : {}),
    ...(names.clientName ? { clientName: names.clientName } : {}),
    ...(names.knownNames.length > 0 ? { knownNames: names.knownNames } : {}),
  }
  const options = { flow: input.flow, locale: input.locale, id, context }
  const started = await mapAssistantErrors(() =>
    model ? startConversationWithModel({ ...options, model, aiEnabled: true }) : startEngine(options),
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
  })
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
  input: { caller: Caller; conversationId: string; answer: AnswerInput; version?: number | undefined },
): Promise<ConversationView> {
  const { clientId } = input.caller
  const row = await findConversation(deps, clientId, input.conversationId, facilitatorOf(input.caller))
  // A stale version is refused, except when the text is a crisis: the screen comes before every
  // check, so help is never lost to a second tab (the engine then answers with the help card).
  if (input.version !== undefined && input.version !== row.version) {
    const text = input.answer.text
    if (!text || screen(text, row.locale) === null) versionConflict(row.version)
  }
  const model = await modelFor(deps, clientId)

  let result: StepResult
  try {
    result = model ? await answerStepWithModel(row.state, input.answer, { model, aiEnabled: true }) : answerStep(row.state, input.answer)
  } catch (error) {
    if (error instanceof AssistantError) {
      // The answer was refused, but the screen fired on it: the client sees help now, and later.
      if (error.safety?.current) await keepSafety(deps, row, error.safety.kind)
      throw toAppError(error)
    }
    throw error
  }

  const now = deps.now()
  const state: ConversationState = result.state
  const changes = {
    state,
    status: state.status,
    version: row.version + 1,
    updatedAt: now,
    finishedAt: state.status === 'finished' ? now : null,
    lastAi: result.ai,
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
  })
}

// ---------------------------------------------------------------------------------------------
// Cards: accept (optionally edited) or drop. Only here does anything reach the client's data.

/** Fields the client may change on a card before keeping it; which apply depends on the kind. */
export interface ProposalEdit {
  text?: string | undefined
  domain?: string | undefined
  time?: (typeof times)[number] | undefined
  form?: (typeof strengthForms)[number] | undefined
  name?: string | undefined
  area?: (typeof vipAreas)[number] | undefined
  ring?: 1 | 2 | 3 | undefined
  support?: (typeof supportKinds)[number][] | undefined
  note?: string | null | undefined
  what?: string | undefined
  who?: string | null | undefined
  when?: string | null | undefined
}

const MAX_SAVED_TEXT = 1000

function required(field: string): never {
  throw new AppError('validation_failed', `Choose or fill in ${field} before keeping this card.`, { [field]: 'required' })
}

function checkLength(field: string, value: string | null) {
  if (value !== null && value.length > MAX_SAVED_TEXT) {
    throw new AppError('validation_failed', `${field} is too long (at most ${MAX_SAVED_TEXT} characters).`, { [field]: 'too_long' })
  }
  if (value !== null && !value.trim()) required(field)
}

/** A draft's domain (Krachtwerk's ids) as it lands in the organisation's set; an edit must be in the set. */
function domainFor(settings: DomainSettings, edited: string | undefined, draft: DomainId | null): string | null {
  if (edited !== undefined) {
    if (!isDomainOf(settings.domainSet, edited)) {
      throw new AppError('validation_failed', 'Unknown life domain.', { domain: 'unknown_domain' })
    }
    return edited
  }
  return draft ? mapAnalysedDomain(settings.domainSet, draft) : null
}

type Saved =
  | { kind: 'statement'; value: z.infer<typeof savedStatementSchema> }
  | { kind: 'network_person'; value: z.infer<typeof savedPersonSchema> }
  | { kind: 'goal'; value: z.infer<typeof savedGoalSchema> }
  | { kind: 'action'; value: z.infer<typeof savedActionSchema> }
  | { kind: 'safety_plan_line'; value: z.infer<typeof savedPlanLineSchema> }

/** What will be saved: the draft with the client's edits, checked. */
function finalOf(draft: Proposal, edit: ProposalEdit, settings: DomainSettings): Saved {
  switch (draft.kind) {
    case 'statement': {
      const domain = domainFor(settings, edit.domain, draft.domain)
      if (!domain) required('domain')
      const value = { domain, time: edit.time ?? draft.time, form: edit.form ?? draft.form, text: (edit.text ?? draft.text).trim() }
      checkLength('text', value.text)
      return { kind: 'statement', value }
    }
    case 'network_person': {
      const area = edit.area ?? draft.area
      const ring = edit.ring ?? draft.ring
      const name = (edit.name ?? draft.name).trim()
      if (!name) required('name')
      if (!area) required('area')
      if (!ring) required('ring')
      const note = edit.note !== undefined ? edit.note?.trim() || null : draft.note
      checkLength('note', note)
      return { kind: 'network_person', value: { name: name.slice(0, 200), area, ring, support: edit.support ?? draft.support, note } }
    }
    case 'goal': {
      const value = { domain: domainFor(settings, edit.domain, draft.domain), text: (edit.text ?? draft.text).trim() }
      checkLength('text', value.text)
      return { kind: 'goal', value }
    }
    case 'action': {
      const value = {
        what: (edit.what ?? draft.what).trim(),
        who: edit.who !== undefined ? edit.who?.trim() || null : draft.who,
        when: edit.when !== undefined ? edit.when?.trim() || null : draft.when,
      }
      checkLength('what', value.what)
      checkLength('who', value.who)
      checkLength('when', value.when)
      return { kind: 'action', value }
    }
    case 'safety_plan_line': {
      // The part stays where the question put it; only the words can change.
      const value = { part: draft.part, text: (edit.text ?? draft.text).trim() }
      checkLength('text', value.text)
      return { kind: 'safety_plan_line', value }
    }
  }
}

function differs(draft: Proposal, saved: Saved): boolean {
  const before: Record<string, unknown> = draft
  return Object.entries(saved.value).some(([key, value]) => JSON.stringify(before[key] ?? null) !== JSON.stringify(value))
}

async function findProposal(deps: Deps, conversationId: string, proposalId: string): Promise<ConversationProposal> {
  const [row] = await deps.db
    .select()
    .from(conversationProposals)
    .where(and(eq(conversationProposals.conversationId, conversationId), eq(conversationProposals.proposalId, proposalId)))
  if (!row) throw new AppError('not_found', 'No such card in this conversation.')
  return row
}

function alreadyDecided(status: ProposalStatus): never {
  throw new AppError('proposal_decided', `This card was already ${status === 'dropped' ? 'dropped' : 'kept'}. Nothing was changed.`)
}

export interface AcceptResult {
  proposal: ProposalView
  saved: { kind: Proposal['kind']; id: string }
}

/**
 * Keeps a card: saves it in the client's inventory, network map or plan, with provenance
 * 'client_accepted_assistant' (and the facilitator in together mode), and marks the card, all in
 * one transaction. A second tab accepting the same card gets proposal_decided and saves nothing.
 */
export async function acceptProposal(
  deps: Deps,
  input: { caller: Caller; conversationId: string; proposalId: string; version?: number | undefined; edit: ProposalEdit },
): Promise<AcceptResult> {
  const { caller } = input
  const conversation = await findConversation(deps, caller.clientId, input.conversationId, facilitatorOf(caller))
  const row = await findProposal(deps, conversation.id, input.proposalId)
  if (row.status !== 'proposed') alreadyDecided(row.status)
  if (input.version !== undefined && input.version !== row.version) {
    throw new AppError('version_conflict', 'This card changed elsewhere. Nothing was overwritten; load it again.')
  }
  const draft = proposalSchema.parse(row.draft)
  const settings = await domainSettings(deps, caller.clientId)
  const final = finalOf(draft, input.edit, settings)
  const status: ProposalStatus = differs(draft, final) ? 'edited' : 'accepted'
  const facilitatorId = conversation.facilitatorId ?? facilitatorOf(caller)
  const provenance = 'client_accepted_assistant' as const
  const now = deps.now()

  return deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(conversationProposals)
      .set({ status, saved: final.value, decidedAt: now, decidedById: caller.actorId, version: row.version + 1 })
      .where(and(eq(conversationProposals.id, row.id), eq(conversationProposals.status, 'proposed'), eq(conversationProposals.version, row.version)))
      .returning()
    if (!claimed) alreadyDecided('accepted')
    // The services below run inside this transaction (a savepoint where they open their own).
    const txDeps: Deps = { ...deps, db: tx }
    let savedId: string
    switch (final.kind) {
      case 'statement': {
        const statement = await createStatement(txDeps, { clientId: caller.clientId, actorId: caller.actorId, statement: { ...final.value, provenance } })
        savedId = statement.id
        break
      }
      case 'network_person': {
        const person = await createNetworkPerson(txDeps, { clientId: caller.clientId, person: { ...final.value, provenance, facilitatorId } })
        savedId = person.id
        break
      }
      case 'goal': {
        const goal = await createGoal(txDeps, { clientId: caller.clientId, goal: { ...final.value, provenance, facilitatorId } })
        savedId = goal.id
        // Steps the client kept before this goal now hang under it.
        const earlier = await tx
          .select({ savedId: conversationProposals.savedId })
          .from(conversationProposals)
          .where(
            and(
              eq(conversationProposals.conversationId, conversation.id),
              eq(conversationProposals.kind, 'action'),
              inArray(conversationProposals.status, ['accepted', 'edited']),
              sql`${conversationProposals.draft}->>'goalRef' = ${draft.id}`,
            ),
          )
        await attachActionsToGoal(txDeps, { clientId: caller.clientId, goalId: goal.id, actionIds: earlier.flatMap((e) => (e.savedId ? [e.savedId] : [])) })
        break
      }
      case 'action': {
        let goalId: string | null = null
        if (draft.kind === 'action' && draft.goalRef) {
          const [goal] = await tx
            .select({ savedId: conversationProposals.savedId })
            .from(conversationProposals)
            .where(and(eq(conversationProposals.conversationId, conversation.id), eq(conversationProposals.proposalId, draft.goalRef)))
          goalId = goal?.savedId ?? null
        }
        const action = await createGoalAction(txDeps, { clientId: caller.clientId, action: { ...final.value, goalId, provenance, facilitatorId } })
        savedId = action.id
        break
      }
      case 'safety_plan_line': {
        // The plan is one row per client, keyed by the client id: that is the row the line went to.
        const plan = await appendSafetyPlanLine(txDeps, { clientId: caller.clientId, ...final.value })
        savedId = plan.clientId
        break
      }
    }
    const [done] = await tx.update(conversationProposals).set({ savedId }).where(eq(conversationProposals.id, row.id)).returning()
    if (!done) throw new Error('update returned nothing')
    return { proposal: proposalOf(done), saved: { kind: final.kind, id: savedId } }
  })
}

/** Drops a card: nothing is saved. Dropping twice is fine (a double tap); a kept card stays kept. */
export async function dropProposal(
  deps: Deps,
  input: { caller: Caller; conversationId: string; proposalId: string },
): Promise<ProposalView> {
  const conversation = await findConversation(deps, input.caller.clientId, input.conversationId, facilitatorOf(input.caller))
  const row = await findProposal(deps, conversation.id, input.proposalId)
  if (row.status === 'dropped') return proposalOf(row)
  if (row.status !== 'proposed') alreadyDecided(row.status)
  const [dropped] = await deps.db
    .update(conversationProposals)
    .set({ status: 'dropped', decidedAt: deps.now(), decidedById: input.caller.actorId, version: row.version + 1 })
    .where(and(eq(conversationProposals.id, row.id), eq(conversationProposals.status, 'proposed')))
    .returning()
  if (!dropped) alreadyDecided('accepted')
  return proposalOf(dropped)
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

/** The kind and domain of a card, so the route can check the scope (and domain) it lands in first. */
export async function proposalTarget(
  deps: Deps,
  input: { caller: Caller; conversationId: string; proposalId: string },
): Promise<{ kind: Proposal['kind']; domain: string | undefined }> {
  const conversation = await findConversation(deps, input.caller.clientId, input.conversationId, facilitatorOf(input.caller))
  const row = await findProposal(deps, conversation.id, input.proposalId)
  const domain = (row.draft as { domain?: unknown }).domain
  return { kind: row.kind, domain: typeof domain === 'string' ? domain : undefined }
}
