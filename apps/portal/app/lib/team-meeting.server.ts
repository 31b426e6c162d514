import type { AppLoadContext } from '@remix-run/node'
import { data } from '@remix-run/node'
import { z } from 'zod'
import { teamMeetingSteps } from '@kracht/trajectory'
import { api, readProblem } from './api.server'
import type { ScreenData } from '../components/save-safety'

/** One team meeting's sheet through the API (the gate decides and logs). */
export async function loadTeamMeeting(request: Request, context: AppLoadContext, clientId: string, meetingId: string) {
  const response = await api(context, request).clients[':clientId']['team-meetings'][':meetingId'].$get({ param: { clientId, meetingId } })
  if (response.status === 404) throw new Response('not found', { status: 404 })
  if (!response.ok) throw new Response('forbidden', { status: response.status })
  return response.json()
}

export type MeetingActionResult =
  | { problem: string; field?: string | undefined; text?: string | undefined; notes?: Record<string, string> | undefined }
  | { saved: 'question' | 'notes' | 'idea' | 'decision'; safety: ScreenData | null }

const Version = z.coerce.number().int().min(1)
const problem = async (response: Response, extra: Omit<Extract<MeetingActionResult, { problem: string }>, 'problem'> = {}) =>
  data<MeetingActionResult>({ problem: (await readProblem(response)).code, ...extra }, { status: response.status })

/** The client's side: their question to the team, and a decision on one of the team's ideas. */
export async function clientMeetingAction(request: Request, context: AppLoadContext, clientId: string, meetingId: string) {
  const form = await request.formData()
  const client = api(context, request).clients[':clientId']
  if (form.get('intent') === 'decide') {
    const commentId = z.string().uuid().safeParse(form.get('ideaId'))
    const decision = z.enum(['accept', 'decline']).safeParse(form.get('decision'))
    if (!commentId.success || !decision.success) return data<MeetingActionResult>({ problem: 'validation_failed' }, { status: 400 })
    // A team's idea changes none of the client's words: the version is the suggestion mechanism's, unused here.
    const response = await client.suggestions[':commentId'].decision.$post({ param: { clientId, commentId: commentId.data }, json: { decision: decision.data, version: 1 } })
    if (!response.ok) return problem(response)
    return data<MeetingActionResult>({ saved: 'decision', safety: null })
  }
  const text = String(form.get('question') ?? '')
  const version = Version.safeParse(form.get('version'))
  if (!version.success) return data<MeetingActionResult>({ problem: 'validation_failed', field: 'question', text }, { status: 400 })
  const response = await client['team-meetings'][':meetingId'].question.$put({ param: { clientId, meetingId }, json: { version: version.data, question: text.trim().slice(0, 1000) } })
  if (!response.ok) return problem(response, { field: 'question', text })
  return data<MeetingActionResult>({ saved: 'question', safety: (await response.json()).safety })
}

/** The worker's side: notes per step, and one idea of the team at a time. */
export async function workerMeetingAction(request: Request, context: AppLoadContext, clientId: string, meetingId: string) {
  const form = await request.formData()
  const meeting = api(context, request).clients[':clientId']['team-meetings'][':meetingId']
  if (form.get('intent') === 'idea') {
    const text = String(form.get('idea') ?? '').trim()
    if (!text) return data<MeetingActionResult>({ problem: 'required', field: 'idea', text }, { status: 400 })
    const response = await meeting.ideas.$post({ param: { clientId, meetingId }, json: { text: text.slice(0, 1000) } })
    if (!response.ok) return problem(response, { field: 'idea', text })
    return data<MeetingActionResult>({ saved: 'idea', safety: (await response.json()).safety })
  }
  const notes = Object.fromEntries(teamMeetingSteps.map((step) => [step, String(form.get(step) ?? '').slice(0, 2000)]))
  const version = Version.safeParse(form.get('version'))
  if (!version.success) return data<MeetingActionResult>({ problem: 'validation_failed', notes }, { status: 400 })
  const response = await meeting.notes.$put({ param: { clientId, meetingId }, json: { version: version.data, notes } })
  if (!response.ok) return problem(response, { notes })
  return data<MeetingActionResult>({ saved: 'notes', safety: (await response.json()).safety })
}
