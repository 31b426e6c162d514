import { and, eq, isNull } from 'drizzle-orm'
import { goalActions, goals } from '@kracht/db'
import type { Deps } from '../../lib/env'
import { contentHash, type SignableDocument } from '../signatures'
import { actionStatus, goalVisible } from './view'

/**
 * The action plan as a signable document: what client and worker agree on is the goals (words and
 * life domain) and the steps still part of the plan (what, how, who, when), as canonical JSON by id.
 * Progress is left out on purpose: a step marked done or a progress remark is the plan being
 * carried out, not a new plan, so it does not ask for a new signature. A dropped step, a moved day
 * or a new step does.
 */
export async function planHash(deps: Deps, clientId: string, excludeDomains: readonly string[]): Promise<string> {
  const viewer = { isSelf: false, excludeDomains }
  const [goalRows, actionRows] = await Promise.all([
    deps.db.select().from(goals).where(and(eq(goals.clientId, clientId), isNull(goals.deletedAt))),
    deps.db.select().from(goalActions).where(and(eq(goalActions.clientId, clientId), isNull(goalActions.deletedAt))),
  ])
  const shown = goalRows.filter((goal) => goalVisible(goal, viewer))
  const ids = new Set(shown.map((goal) => goal.id))
  const loose = excludeDomains.length === 0
  const canonical = {
    goals: shown.sort((a, b) => a.id.localeCompare(b.id)).map((goal) => [goal.id, goal.domain, goal.text]),
    actions: actionRows
      .filter((action) => actionStatus(action) !== 'dropped' && (action.goalId ? ids.has(action.goalId) : loose))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((action) => [action.id, action.goalId, action.what, action.how, action.whoKind, action.whoPersonId, action.who, action.dueOn, action.when]),
  }
  return contentHash(canonical)
}

export const planDocument: SignableDocument = { document: 'action_plan', scope: 'action_plan', hash: planHash }
