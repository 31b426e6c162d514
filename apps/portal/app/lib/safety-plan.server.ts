import type { AppLoadContext } from '@remix-run/node'
import { api } from './api.server'
import type { PlanLines } from './safety-plan'

/** The client's plan through the API (the gate decides); null when it is not shared with the caller. */
export async function loadSafetyPlan(request: Request, context: AppLoadContext, clientId: string) {
  const response = await api(context, request).clients[':clientId']['safety-plan'].$get({ param: { clientId } })
  if (!response.ok) return null
  return response.json()
}

export type SafetyPlanData = NonNullable<Awaited<ReturnType<typeof loadSafetyPlan>>>

/** Saves the whole plan on the version the client saw; the raw answer, so the page can read problems. */
export function saveSafetyPlan(request: Request, context: AppLoadContext, clientId: string, version: number, lines: PlanLines) {
  return api(context, request).clients[':clientId']['safety-plan'].$put({ param: { clientId }, json: { version, ...lines } })
}
