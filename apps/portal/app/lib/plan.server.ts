import type { AppLoadContext } from '@remix-run/node'
import { api } from './api.server'

/** The action plan as the API gives it to the signed-in client (or a worker it is shared with). */
export async function loadPlan(request: Request, context: AppLoadContext, clientId: string) {
  const response = await api(context, request).clients[':clientId'].goals.$get({ param: { clientId } })
  if (response.status === 403) return null
  if (!response.ok) throw new Response('plan unavailable', { status: response.status })
  return response.json()
}
export type Plan = NonNullable<Awaited<ReturnType<typeof loadPlan>>>
export type PlanGoal = Plan['goals'][number]
export type PlanAction = PlanGoal['actions'][number]

export async function loadPlanAgreement(request: Request, context: AppLoadContext, clientId: string) {
  const response = await api(context, request).clients[':clientId']['action-plan'].agreement.$get({ param: { clientId } })
  return response.ok ? response.json() : null
}
