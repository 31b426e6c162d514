import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { goalActions, goals, type Goal, type GoalAction, type PlanProvenance } from '@kracht/db'
import type { Deps } from '../../lib/env'

export interface NewGoal {
  domain: string | null
  text: string
  provenance: PlanProvenance
  facilitatorId: string | null
}

export interface NewGoalAction {
  goalId: string | null
  what: string
  who: string | null
  when: string | null
  provenance: PlanProvenance
  facilitatorId: string | null
}

/** A long-term goal in the client's words. The caller checked access, acceptance and the domain. */
export async function createGoal(deps: Deps, input: { clientId: string; goal: NewGoal }): Promise<Goal> {
  const now = deps.now()
  const [row] = await deps.db
    .insert(goals)
    .values({ clientId: input.clientId, ...input.goal, createdAt: now, updatedAt: now })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return row
}

export async function createGoalAction(deps: Deps, input: { clientId: string; action: NewGoalAction }): Promise<GoalAction> {
  const now = deps.now()
  const [row] = await deps.db
    .insert(goalActions)
    .values({ clientId: input.clientId, ...input.action, createdAt: now, updatedAt: now })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return row
}

/** Hangs steps that were kept before their goal under the goal, once the goal is kept too. */
export async function attachActionsToGoal(deps: Deps, input: { clientId: string; goalId: string; actionIds: string[] }): Promise<void> {
  if (input.actionIds.length === 0) return
  await deps.db
    .update(goalActions)
    .set({ goalId: input.goalId, updatedAt: deps.now() })
    .where(and(eq(goalActions.clientId, input.clientId), inArray(goalActions.id, input.actionIds), isNull(goalActions.goalId)))
}

export async function listGoals(deps: Deps, clientId: string): Promise<{ goals: Goal[]; actions: GoalAction[] }> {
  const [goalRows, actionRows] = await Promise.all([
    deps.db.select().from(goals).where(and(eq(goals.clientId, clientId), isNull(goals.deletedAt))).orderBy(asc(goals.createdAt)),
    deps.db
      .select()
      .from(goalActions)
      .where(and(eq(goalActions.clientId, clientId), isNull(goalActions.deletedAt)))
      .orderBy(asc(goalActions.createdAt)),
  ])
  return { goals: goalRows, actions: actionRows }
}
