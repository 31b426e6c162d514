import type { AppLoadContext } from '@remix-run/node'
import type { SessionUser } from './auth.server'
import { loadPlan } from './plan.server'

/**
 * "Deze week" for the client's home page: the next open steps of the plan (at most three, the API
 * chooses them). Null for anyone but a client, so the home page shows nothing for staff.
 */
export async function loadThisWeek(request: Request, context: AppLoadContext, user: SessionUser) {
  if (user.role !== 'client') return null
  const plan = await loadPlan(request, context, user.id)
  return plan ? { steps: plan.next, hasGoals: plan.goals.length > 0 } : null
}
export type ThisWeekData = Awaited<ReturnType<typeof loadThisWeek>>
