// Cards: keep (optionally edited) or drop. Only here does anything reach the client's data.
import { and, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { proposalSchema, supportKinds, times, vipAreas, type LifeDomain, type Proposal } from '@kracht/assistant'
import { strengthForms } from '@kracht/language'
import { domainInSet, isDomainOf } from '@kracht/inventory'
import { conversationProposals, type ConversationProposal, type ProposalStatus } from '@kracht/db'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'
import { attachActionsToGoal, createGoal, createGoalAction } from '../action-plan'
import { createStatement, domainSettings, type DomainSettings } from '../inventory'
import { createNetworkPerson } from '../network'
import { appendSafetyPlanLine } from '../safety-plan'
import {
  facilitatorOf,
  proposalOf,
  savedActionSchema,
  savedGoalSchema,
  savedPersonSchema,
  savedPlanLineSchema,
  savedStatementSchema,
  type Caller,
  type ProposalView,
} from './views'
import { findConversation } from './conversations'
import { cardDomain } from './together'

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

/** A draft's domain as it lands in the organisation's set; an edit must be in the set. */
function domainFor(settings: DomainSettings, edited: string | undefined, draft: LifeDomain | null): string | null {
  if (edited !== undefined) {
    if (!isDomainOf(settings.domainSet, edited)) {
      throw new AppError('validation_failed', 'Unknown life domain.', { domain: 'unknown_domain' })
    }
    return edited
  }
  return draft ? domainInSet(settings.domainSet, draft) : null
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
  /** What it became; null when a facilitator kept it and it now waits for the client (pending_client). */
  saved: { kind: Proposal['kind']; id: string } | null
}

// What a facilitator kept, read back as edits on the draft (the client starts from their version).
const suggestedEditSchema = z
  .object({
    text: z.string(),
    domain: z.string(),
    time: z.enum(times),
    form: z.enum(strengthForms),
    name: z.string(),
    area: z.enum(vipAreas),
    ring: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    support: z.array(z.enum(supportKinds)),
    note: z.string().nullable(),
    what: z.string(),
    who: z.string().nullable(),
    when: z.string().nullable(),
  })
  .partial()

function suggestedEdit(row: ConversationProposal): ProposalEdit {
  if (row.status !== 'pending_client' || !row.suggested) return {}
  const { domain, ...rest } = row.suggested
  return suggestedEditSchema.parse(typeof domain === 'string' ? { ...rest, domain } : rest)
}

/**
 * A facilitator keeps a card in together mode: nothing reaches the client's data. The card waits
 * (pending_client), with the facilitator's version and name, for the client's own yes in their own
 * session. Only cards of turns the facilitator answered beside the client.
 */
async function suggestProposal(deps: Deps, caller: Caller, row: ConversationProposal, edit: ProposalEdit): Promise<AcceptResult> {
  if (row.answeredById !== caller.actorId) throw new AppError('not_found', 'No such card in this conversation.')
  const final = finalOf(proposalSchema.parse(row.draft), edit, await domainSettings(deps, caller.clientId))
  const [pending] = await deps.db
    .update(conversationProposals)
    .set({ status: 'pending_client', suggested: final.value, suggestedById: caller.actorId, suggestedAt: deps.now(), version: row.version + 1 })
    .where(and(eq(conversationProposals.id, row.id), eq(conversationProposals.status, 'proposed'), eq(conversationProposals.version, row.version)))
    .returning()
  if (!pending) alreadyDecided('accepted')
  return { proposal: proposalOf(pending), saved: null }
}

/**
 * The client keeps a card: saves it in their inventory, network map or plan, and marks the card,
 * all in one transaction. Provenance: the assistant's card, a model's rewording, or (a card a
 * facilitator kept) the facilitator's suggestion, named. A second tab accepting the same card gets
 * proposal_decided and saves nothing. Anyone else accepting only suggests (see suggestProposal).
 */
export async function acceptProposal(
  deps: Deps,
  input: { caller: Caller; conversationId: string; proposalId: string; version?: number | undefined; edit: ProposalEdit },
): Promise<AcceptResult> {
  const { caller } = input
  const conversation = await findConversation(deps, caller.clientId, input.conversationId, facilitatorOf(caller))
  const row = await findProposal(deps, conversation.id, input.proposalId)
  const waitsForClient = row.status === 'pending_client'
  if (row.status !== 'proposed' && !(waitsForClient && caller.isSelf)) alreadyDecided(row.status)
  if (input.version !== undefined && input.version !== row.version) {
    throw new AppError('version_conflict', 'This card changed elsewhere. Nothing was overwritten; load it again.')
  }
  if (!caller.isSelf) return suggestProposal(deps, caller, row, input.edit)
  const draft = proposalSchema.parse(row.draft)
  const settings = await domainSettings(deps, caller.clientId)
  const suggestion = suggestedEdit(row)
  const final = finalOf(draft, { ...suggestion, ...input.edit }, settings)
  const status: ProposalStatus = differs(draft, final) ? 'edited' : 'accepted'
  const suggestedById = waitsForClient ? row.suggestedById : null
  // Words the client rewrote are the client's own, whoever suggested them first.
  const rewritten = suggestedById !== null && input.edit.text !== undefined && input.edit.text.trim() !== suggestion.text
  const provenance = suggestedById !== null ? (rewritten ? 'client' : 'client_accepted_worker') : draft.source === 'assistant_suggestion' ? 'client_accepted_ai' : 'client_accepted_assistant'
  const facilitatorId = suggestedById ?? conversation.facilitatorId
  const now = deps.now()

  return deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(conversationProposals)
      .set({ status, saved: final.value, decidedAt: now, decidedById: caller.actorId, version: row.version + 1 })
      .where(and(eq(conversationProposals.id, row.id), eq(conversationProposals.status, row.status), eq(conversationProposals.version, row.version)))
      .returning()
    if (!claimed) alreadyDecided('accepted')
    // The services below run inside this transaction (a savepoint where they open their own).
    const txDeps: Deps = { ...deps, db: tx }
    let savedId: string
    switch (final.kind) {
      case 'statement': {
        const statement = await createStatement(txDeps, { clientId: caller.clientId, actorId: caller.actorId, statement: { ...final.value, provenance, suggestedById } })
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
  // A facilitator decides only on open cards of their own turns; a card waiting for the client is the client's.
  if (!input.caller.isSelf && row.answeredById !== input.caller.actorId) throw new AppError('not_found', 'No such card in this conversation.')
  if (row.status === 'dropped') return proposalOf(row)
  if (row.status !== 'proposed' && !(row.status === 'pending_client' && input.caller.isSelf)) alreadyDecided(row.status)
  const [dropped] = await deps.db
    .update(conversationProposals)
    .set({ status: 'dropped', decidedAt: deps.now(), decidedById: input.caller.actorId, version: row.version + 1 })
    .where(and(eq(conversationProposals.id, row.id), eq(conversationProposals.status, row.status)))
    .returning()
  if (!dropped) alreadyDecided('accepted')
  return proposalOf(dropped)
}


/**
 * The kind of a card and the life domain it will really be stored under (the edit's, else the
 * draft's mapped to the organisation's set, ICM's nine too), so the route checks that scope and
 * domain first. Looked up here: the request only ever names an edit, checked against the set.
 */
export async function proposalTarget(
  deps: Deps,
  input: { caller: Caller; conversationId: string; proposalId: string; editDomain?: string | undefined },
): Promise<{ kind: Proposal['kind']; domain: string | undefined }> {
  const conversation = await findConversation(deps, input.caller.clientId, input.conversationId, facilitatorOf(input.caller))
  const row = await findProposal(deps, conversation.id, input.proposalId)
  if (row.kind === 'network_person' || row.kind === 'action') return { kind: row.kind, domain: undefined }
  if (input.editDomain !== undefined) return { kind: row.kind, domain: input.editDomain }
  const settings = await domainSettings(deps, input.caller.clientId)
  return { kind: row.kind, domain: cardDomain(settings.domainSet, row) ?? undefined }
}
