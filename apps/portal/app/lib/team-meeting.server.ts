import type { AppLoadContext } from '@remix-run/node'
import { data } from '@remix-run/node'
import type { SubmissionResult } from '@conform-to/react'
import { api } from './api.server'
import { ClientMeetingForms, WorkerMeetingForms } from './trajectory-forms'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import type { ScreenData } from '../components/save-safety'

/** One team meeting's sheet through the API (the gate decides and logs). */
export async function loadTeamMeeting(request: Request, context: AppLoadContext, clientId: string, meetingId: string) {
  const response = await api(context, request).clients[':clientId']['team-meetings'][':meetingId'].$get({ param: { clientId, meetingId } })
  if (response.status === 404) throw new Response('not found', { status: 404 })
  if (!response.ok) throw new Response('forbidden', { status: response.status })
  return response.json()
}

export type MeetingActionResult =
  // Refused: conform's answer for the form that posted (`intent`), errors beside its fields, typing kept.
  | { intent: string; result: SubmissionResult<string[]> }
  | { saved: 'question' | 'notes' | 'idea' | 'decision'; safety: ScreenData | null }

type Submission = Parameters<typeof replyWithProblem>[0]
const intentOf = (formData: FormData) => String(formData.get('intent') ?? '')
const invalid = (intent: string, submission: Submission) => data<MeetingActionResult>({ intent, result: reply(submission) }, { status: 400 })
const refused = async (intent: string, submission: Submission, response: Response) =>
  data<MeetingActionResult>({ intent, result: await replyWithProblem(submission, response) }, { status: response.status })

/** The client's side: their question to the team, and a decision on one of the team's ideas. */
export async function clientMeetingAction(request: Request, context: AppLoadContext, clientId: string, meetingId: string) {
  const formData = await request.formData()
  const intent = intentOf(formData)
  const submission = parseSubmission(formData, ClientMeetingForms)
  if (submission.status !== 'success') return invalid(intent, submission)
  const client = api(context, request).clients[':clientId']
  const form = submission.value
  if (form.intent === 'decide') {
    // A team's idea changes none of the client's words: the version is the suggestion mechanism's, unused here.
    const response = await client.suggestions[':commentId'].decision.$post({ param: { clientId, commentId: form.ideaId }, json: { decision: form.decision, version: 1 } })
    if (!response.ok) return refused(intent, submission, response)
    return data<MeetingActionResult>({ saved: 'decision', safety: null })
  }
  const response = await client['team-meetings'][':meetingId'].question.$put({ param: { clientId, meetingId }, json: { version: form.version, question: form.question } })
  if (!response.ok) return refused(intent, submission, response)
  return data<MeetingActionResult>({ saved: 'question', safety: (await response.json()).safety })
}

/** The worker's side: notes per step, and one idea of the team at a time. */
export async function workerMeetingAction(request: Request, context: AppLoadContext, clientId: string, meetingId: string) {
  const formData = await request.formData()
  const intent = intentOf(formData)
  const submission = parseSubmission(formData, WorkerMeetingForms)
  if (submission.status !== 'success') return invalid(intent, submission)
  const meeting = api(context, request).clients[':clientId']['team-meetings'][':meetingId']
  const param = { clientId, meetingId }
  const form = submission.value
  if (form.intent === 'idea') {
    const response = await meeting.ideas.$post({ param, json: { text: form.idea } })
    // The API calls the idea `text`; on the page it is the field `idea`.
    if (!response.ok) return data<MeetingActionResult>({ intent, result: await replyWithProblem(submission, response, { rename: { text: 'idea' } }) }, { status: response.status })
    return data<MeetingActionResult>({ saved: 'idea', safety: (await response.json()).safety })
  }
  const response = await meeting.notes.$put({ param, json: { version: form.version, notes: form.notes } })
  if (!response.ok) return refused(intent, submission, response)
  return data<MeetingActionResult>({ saved: 'notes', safety: (await response.json()).safety })
}
