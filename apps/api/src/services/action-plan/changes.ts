import { and, eq, isNull } from 'drizzle-orm'
import { isDomainOf } from '@kracht/inventory'
import { goalActions, goalRemarks, goals, networkPeople, type ActionDoer, type GoalAction } from '@kracht/db'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'
import { domainSettings } from '../inventory'
import { actionStatus, findGoal } from './view'

/**
 * The client's changes to their action plan. Only the client writes here (the routes' rules say
 * so); a worker comments and suggests (suggestions.ts). Every change carries the version it changes
 * and is refused with version_conflict when someone else changed it first: nothing is overwritten.
 */

const conflict = (what: string): never => {
  throw new AppError('version_conflict', `This ${what} changed elsewhere. Nothing was overwritten; load it again.`)
}

async function checkDomain(deps: Deps, clientId: string, domain: string | null) {
  if (domain === null) return
  const settings = await domainSettings(deps, clientId)
  if (!isDomainOf(settings.domainSet, domain)) throw new AppError('validation_failed', 'Unknown life domain.', { domain: 'unknown_domain' })
}

/** A goal in the client's own words, exactly as written (never reworded), maybe from a priority's wish. */
export async function addGoal(deps: Deps, input: { clientId: string; text: string; domain: string | null; wish: string | null }) {
  await checkDomain(deps, input.clientId, input.domain)
  const now = deps.now()
  const [row] = await deps.db
    .insert(goals)
    .values({ clientId: input.clientId, text: input.text, domain: input.domain, wish: input.wish, provenance: 'client', createdAt: now, updatedAt: now })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return row
}

export async function changeGoal(deps: Deps, input: { clientId: string; goalId: string; version: number; text?: string | undefined; domain?: string | null | undefined }) {
  const current = await findGoal(deps, input.clientId, input.goalId)
  if (input.domain !== undefined) await checkDomain(deps, input.clientId, input.domain)
  const rewritten = input.text !== undefined && input.text !== current.text
  const [row] = await deps.db
    .update(goals)
    .set({
      version: current.version + 1,
      updatedAt: deps.now(),
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.domain !== undefined ? { domain: input.domain } : {}),
      // Words the client rewrote are the client's own, whoever suggested them first.
      ...(rewritten ? { provenance: 'client' as const, facilitatorId: null } : {}),
    })
    .where(and(eq(goals.id, current.id), eq(goals.version, input.version), isNull(goals.deletedAt)))
    .returning()
  return row ?? conflict('goal')
}

/** Removes a goal (kept in the database, like a removed statement); its steps go with it. */
export async function removeGoal(deps: Deps, input: { clientId: string; goalId: string; version: number }) {
  const current = await findGoal(deps, input.clientId, input.goalId)
  const now = deps.now()
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(goals)
      .set({ deletedAt: now, updatedAt: now, version: current.version + 1 })
      .where(and(eq(goals.id, current.id), eq(goals.version, input.version), isNull(goals.deletedAt)))
      .returning()
    if (!row) conflict('goal')
    await tx.update(goalActions).set({ deletedAt: now, updatedAt: now }).where(and(eq(goalActions.goalId, current.id), isNull(goalActions.deletedAt)))
  })
}

/** Who does a step, as the API receives it; checked against the client's VIP card. */
export interface Doer {
  who: ActionDoer
  personId?: string | null | undefined
  whoName?: string | null | undefined
}

async function doerColumns(deps: Deps, clientId: string, doer: Doer) {
  if (doer.who === 'person') {
    if (!doer.personId) throw new AppError('validation_failed', 'Choose someone from your network map.', { personId: 'required' })
    const [person] = await deps.db
      .select({ id: networkPeople.id })
      .from(networkPeople)
      .where(and(eq(networkPeople.id, doer.personId), eq(networkPeople.clientId, clientId), isNull(networkPeople.deletedAt)))
    if (!person) throw new AppError('validation_failed', 'This person is not on your network map.', { personId: 'unknown_person' })
    return { whoKind: doer.who, whoPersonId: person.id, who: null }
  }
  if (doer.who === 'other') {
    if (!doer.whoName) throw new AppError('validation_failed', 'Write who does it.', { whoName: 'required' })
    return { whoKind: doer.who, whoPersonId: null, who: doer.whoName }
  }
  return { whoKind: doer.who, whoPersonId: null, who: null }
}

export interface NewAction extends Doer {
  what: string
  how?: string | null | undefined
  when: string
}

/** A small step under one of the client's goals. */
export async function addAction(deps: Deps, input: { clientId: string; goalId: string; action: NewAction; facilitatorId?: string | null; provenance?: GoalAction['provenance'] }) {
  const goal = await findGoal(deps, input.clientId, input.goalId)
  const doer = await doerColumns(deps, input.clientId, input.action)
  const now = deps.now()
  const [row] = await deps.db
    .insert(goalActions)
    .values({
      clientId: input.clientId,
      goalId: goal.id,
      what: input.action.what,
      how: input.action.how ?? null,
      ...doer,
      dueOn: input.action.when,
      provenance: input.provenance ?? 'client',
      facilitatorId: input.facilitatorId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return row
}

export interface ActionPatch extends Partial<Doer> {
  version: number
  what?: string | undefined
  how?: string | null | undefined
  when?: string | undefined
  /** done: celebrated; dropped: no longer part of the plan; open: back on the list. */
  status?: 'open' | 'done' | 'dropped' | undefined
}

/**
 * Changes a step: its words, who, a new day (a move), or its state. Returns the step and whether
 * it has just been done (the answer then carries a warm sentence, never a grade).
 */
export async function changeAction(deps: Deps, input: { clientId: string; goalId: string; actionId: string; patch: ActionPatch }) {
  const goal = await findGoal(deps, input.clientId, input.goalId)
  const [current] = await deps.db
    .select()
    .from(goalActions)
    .where(and(eq(goalActions.id, input.actionId), eq(goalActions.goalId, goal.id), eq(goalActions.clientId, input.clientId), isNull(goalActions.deletedAt)))
  if (!current) throw new AppError('not_found', 'No such step in this goal.')
  const { patch } = input
  const now = deps.now()
  const set: Partial<GoalAction> = { version: current.version + 1, updatedAt: now }
  if (patch.what !== undefined) set.what = patch.what
  if (patch.how !== undefined) set.how = patch.how
  if (patch.who !== undefined) Object.assign(set, await doerColumns(deps, input.clientId, { who: patch.who, personId: patch.personId, whoName: patch.whoName }))
  if (patch.when !== undefined && patch.when !== current.dueOn) {
    set.dueOn = patch.when
    // A new day for a step that had one is a move; the first day chosen is not.
    if (current.dueOn !== null) set.movedAt = now
  }
  const before = actionStatus(current)
  if (patch.status !== undefined && patch.status !== before) {
    set.doneAt = patch.status === 'done' ? now : null
    set.droppedAt = patch.status === 'dropped' ? now : null
  }
  // The version check is part of the update itself, so two writers cannot both win.
  const [row] = await deps.db
    .update(goalActions)
    .set(set)
    .where(and(eq(goalActions.id, current.id), eq(goalActions.version, patch.version), isNull(goalActions.deletedAt)))
    .returning()
  if (!row) conflict('step')
  return { action: row as GoalAction, justDone: before !== 'done' && actionStatus(row as GoalAction) === 'done' }
}

/** A progress remark on a goal, in the client's words. */
export async function addRemark(deps: Deps, input: { clientId: string; goalId: string; text: string }) {
  const goal = await findGoal(deps, input.clientId, input.goalId)
  const [row] = await deps.db.insert(goalRemarks).values({ clientId: input.clientId, goalId: goal.id, text: input.text, createdAt: deps.now() }).returning()
  if (!row) throw new Error('insert returned nothing')
  return row
}

export async function removeRemark(deps: Deps, input: { clientId: string; goalId: string; remarkId: string }) {
  const goal = await findGoal(deps, input.clientId, input.goalId)
  const [row] = await deps.db
    .update(goalRemarks)
    .set({ deletedAt: deps.now() })
    .where(and(eq(goalRemarks.id, input.remarkId), eq(goalRemarks.goalId, goal.id), eq(goalRemarks.clientId, input.clientId), isNull(goalRemarks.deletedAt)))
    .returning()
  if (!row) throw new AppError('not_found', 'No such remark.')
}

/**
 * Which warm sentence celebrates a step just done: the catalogue holds several
 * (`plan.celebrate.<n>`), picked by the step's id so a reload shows the same one.
 */
export const CELEBRATIONS = 6
export function celebrationFor(actionId: string): string {
  let sum = 0
  for (const char of actionId) sum = (sum * 31 + char.charCodeAt(0)) % 9973
  return `done_${(sum % CELEBRATIONS) + 1}`
}
