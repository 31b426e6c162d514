import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import { comments, goalActions, goalRemarks, goals, networkPeople, users, type Goal, type GoalAction, type GoalRemark } from '@kracht/db'
import { dutchDate } from '@kracht/calendar'
import type { Locale } from '@kracht/language'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'
import { domainSettings } from '../inventory'
import { commentsSeenBy, serialiseComment } from '../comments'
import { checkGoal } from './goal-check'

/**
 * The action plan as one viewer sees it. The client sees everything. Someone on consent (scope
 * `action_plan`) sees the goals in the life domains shared with them; a goal without a domain, and a
 * step without a goal, may speak of anything, so they stay private when any domain is left out
 * (the same rule as the inventory's remarks). Remarks and comments follow their goal.
 */
export interface PlanViewer {
  isSelf: boolean
  excludeDomains: readonly string[]
  /** Who reads: a peer expert sees only their own comments on goals (comments.commentsSeenBy). */
  actor?: { id: string; role: string }
}

export const actionStatus = (row: Pick<GoalAction, 'doneAt' | 'droppedAt'>): 'open' | 'done' | 'dropped' =>
  row.doneAt ? 'done' : row.droppedAt ? 'dropped' : 'open'

export function goalVisible(goal: Pick<Goal, 'domain'>, viewer: PlanViewer): boolean {
  if (viewer.isSelf || viewer.excludeDomains.length === 0) return true
  return goal.domain !== null && !viewer.excludeDomains.includes(goal.domain)
}

const iso = (value: Date | null) => (value ? value.toISOString() : null)

export function serialiseAction(row: GoalAction, personName: string | null = null) {
  return {
    id: row.id,
    goalId: row.goalId,
    what: row.what,
    how: row.how,
    who: row.whoKind,
    personId: row.whoPersonId,
    personName: row.whoKind === 'person' ? personName : null,
    /** Someone else's name (who `other`), or the assistant's words for who (who null). */
    whoName: row.who,
    when: row.dueOn,
    /** The assistant's words for when, until the client picks a date. */
    whenWords: row.when,
    status: actionStatus(row),
    doneAt: iso(row.doneAt),
    movedAt: iso(row.movedAt),
    droppedAt: iso(row.droppedAt),
    provenance: row.provenance,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}
export type ActionView = ReturnType<typeof serialiseAction>

export const serialiseRemark = (row: GoalRemark) => ({ id: row.id, goalId: row.goalId, text: row.text, createdAt: row.createdAt.toISOString() })

/** Today in the Netherlands, as YYYY-MM-DD (a step planned for today is today's, wherever the server runs). */
export const todayIn = (now: Date) => dutchDate(now)

/** One goal of the client, or not_found: removed, someone else's, or not shared with this viewer. */
export async function findGoal(deps: Deps, clientId: string, goalId: string, viewer: PlanViewer = { isSelf: true, excludeDomains: [] }): Promise<Goal> {
  const [row] = await deps.db
    .select()
    .from(goals)
    .where(and(eq(goals.id, goalId), eq(goals.clientId, clientId), isNull(goals.deletedAt)))
  if (!row || !goalVisible(row, viewer)) throw new AppError('not_found', 'No such goal.')
  return row
}

/** The whole plan: goals with their steps, remarks, comments and the goal check; loose steps; the next steps. */
export async function getPlan(deps: Deps, input: { clientId: string; viewer: PlanViewer; locale: Locale; goalId?: string | undefined }) {
  const { clientId, viewer } = input
  const [goalRows, actionRows, remarkRows, commentRows, settings] = await Promise.all([
    deps.db.select().from(goals).where(and(eq(goals.clientId, clientId), isNull(goals.deletedAt))).orderBy(asc(goals.createdAt)),
    deps.db
      .select({ action: goalActions, personName: networkPeople.name })
      .from(goalActions)
      .leftJoin(networkPeople, and(eq(networkPeople.id, goalActions.whoPersonId), isNull(networkPeople.deletedAt)))
      .where(and(eq(goalActions.clientId, clientId), isNull(goalActions.deletedAt)))
      .orderBy(asc(goalActions.createdAt)),
    deps.db.select().from(goalRemarks).where(and(eq(goalRemarks.clientId, clientId), isNull(goalRemarks.deletedAt))).orderBy(desc(goalRemarks.createdAt)),
    deps.db
      .select({ comment: comments, authorName: users.displayName })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(and(eq(comments.clientId, clientId), eq(comments.targetKind, 'goal')))
      .orderBy(asc(comments.createdAt)),
    domainSettings(deps, clientId),
  ])
  const ownOnly = viewer.actor ? commentsSeenBy({ isSelf: viewer.isSelf, actor: viewer.actor }).authorId : undefined
  const visible = goalRows.filter((goal) => goalVisible(goal, viewer) && (!input.goalId || goal.id === input.goalId))
  const today = todayIn(deps.now())
  const actions = actionRows.map((row) => serialiseAction(row.action, row.personName))
  const shownGoals = visible.map((goal) => {
    const own = actions.filter((action) => action.goalId === goal.id)
    const remarks = remarkRows.filter((remark) => remark.goalId === goal.id).map(serialiseRemark)
    return {
      id: goal.id,
      domain: goal.domain,
      text: goal.text,
      wish: goal.wish,
      provenance: goal.provenance,
      version: goal.version,
      createdAt: goal.createdAt.toISOString(),
      updatedAt: goal.updatedAt.toISOString(),
      actions: own,
      remarks,
      comments: commentRows
        .filter((row) => row.comment.targetId === goal.id && (!ownOnly || row.comment.authorId === ownOnly))
        .map((row) => serialiseComment({ ...row.comment, authorName: row.authorName })),
      check: checkGoal(
        { text: goal.text, domain: goal.domain, actions: own.map((a) => ({ whoKind: a.who, who: a.whoName, when: a.whenWords, dueOn: a.when, status: a.status })), remarkCount: remarks.length },
        { locale: input.locale, domainSet: settings.domainSet, today },
      ),
    }
  })
  const seesLoose = !input.goalId && (viewer.isSelf || viewer.excludeDomains.length === 0)
  const unattached = seesLoose ? actions.filter((action) => action.goalId === null) : []
  const goalText = new Map(shownGoals.map((goal) => [goal.id, goal.text]))
  // The people of the client's own VIP card, to choose who does a step: for the client only (the
  // map has a scope of its own; a worker sees a person's name only where the plan names them).
  const people = viewer.isSelf
    ? await deps.db
        .select({ id: networkPeople.id, name: networkPeople.name })
        .from(networkPeople)
        .where(and(eq(networkPeople.clientId, clientId), isNull(networkPeople.deletedAt)))
        .orderBy(asc(networkPeople.ring), asc(networkPeople.name))
    : []
  return { clientId, today, goals: shownGoals, unattached, next: nextActions([...shownGoals.flatMap((goal) => goal.actions), ...unattached], goalText), people }
}
export type PlanView = Awaited<ReturnType<typeof getPlan>>

/**
 * "Deze week": the next open steps, at most three, soonest first (a step already past its day first
 * of all: it is still waiting), then steps without a day in the order they were made.
 */
export function nextActions(actions: readonly ActionView[], goalText: ReadonlyMap<string, string>, limit = 3) {
  return actions
    .filter((action) => action.status === 'open')
    .sort((a, b) => (a.when ?? '9999').localeCompare(b.when ?? '9999') || a.createdAt.localeCompare(b.createdAt))
    .slice(0, limit)
    .map((action) => ({ ...action, goalText: action.goalId ? (goalText.get(action.goalId) ?? null) : null }))
}
