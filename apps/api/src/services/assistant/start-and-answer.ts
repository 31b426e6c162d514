// Starting a conversation and answering one turn.
import { and, eq } from 'drizzle-orm'
import {
  AssistantError,
  answerStep,
  answerStepWithModel,
  conversationStateSchema,
  isFlowId,
  organisationsOf,
  screen,
  startConversation as startEngine,
  startConversationWithModel,
  type AnswerInput,
  type ConversationState,
  type CrisisKind,
  type LifeDomain,
  type Locale,
  type StepResult,
} from '@kracht/assistant'
import { conversationProposals, conversations, safetyEvents, type Conversation } from '@kracht/db'
import { AppError } from '../../lib/app-error'
import { mapAssistantErrors, SafetyAppError, toAppError } from '../../lib/assistant-errors'
import type { Deps } from '../../lib/env'
import { domainSettings } from '../inventory'
import { modelFor, protectedContext } from './ai-help'
import { findConversation, viewOf } from './conversations'
import { flowDomains, refuseFacilitatorAfterSolo, storedDomains } from './together'
import { facilitatorOf, fellBack, type Caller, type ConversationView } from './views'

export interface StartContext {
  domains?: LifeDomain[] | undefined
  priority?: { domain: LifeDomain; wish?: string | undefined } | undefined
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
  const settings = await domainSettings(deps, caller.clientId)
  const context = {
    // Domains a facilitator set are not the client's choice: the question rules apply to them.
    ...(input.context?.domains ? { domains: input.context.domains, domainsChosenByClient: caller.isSelf } : {}),
    // The flows offer and suggest only the organisation's own life domains.
    domainSet: settings.domainSet,
    setting: settings.careSetting,
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

