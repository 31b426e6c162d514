import type { AppLoadContext } from '@remix-run/node'
import { api } from './api.server'
import { jsonOrThrow } from './api-failure.server'

/** The client's trajectory through the API (the gate decides and logs); null when refused. */
export async function loadTrajectory(request: Request, context: AppLoadContext, clientId: string) {
  const response = await api(context, request).clients[':clientId'].trajectory.$get({ param: { clientId } })
  return response.ok ? response.json() : null
}

/** The worker's capacity assessments, newest first; null when refused. */
export async function loadAssessments(request: Request, context: AppLoadContext, clientId: string) {
  const response = await api(context, request).clients[':clientId']['capacity-assessments'].$get({ param: { clientId } })
  // Refused is null (the page says so); any other failure is the error page, not "no assessments yet".
  if (response.status === 403) return null
  return jsonOrThrow(response)
}

/** The evaluations together, newest first, and whether one can start now; null when refused. */
export async function loadEvaluations(request: Request, context: AppLoadContext, clientId: string) {
  const response = await api(context, request).clients[':clientId'].evaluations.$get({ param: { clientId } })
  return response.ok ? response.json() : null
}

/** The team meetings, newest first, and whether a team share lets the worker prepare one; null when refused. */
export async function loadTeamMeetings(request: Request, context: AppLoadContext, clientId: string) {
  const response = await api(context, request).clients[':clientId']['team-meetings'].$get({ param: { clientId } })
  return response.ok ? response.json() : null
}
