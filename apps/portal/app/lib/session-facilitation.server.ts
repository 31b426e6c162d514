import type { AppLoadContext } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import type { SubmissionResult } from '@conform-to/react'
import { api } from './api.server'
import { dutchMoment } from './sharing-forms'
import { FacilitatorForms } from './session-forms'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import type { ScreenData } from '../components/save-safety'
import { jsonOrThrow } from './api-failure.server'

/**
 * A session as its facilitator sees it, with for each participant whether the client's share lets
 * us work together (inventory with comment access): only then is the button shown.
 */
export async function loadFacilitatorSession(context: AppLoadContext, request: Request, sessionId: string) {
  const client = api(context, request)
  const response = await client.sessions[':sessionId'].$get({ param: { sessionId } })
  if (!response.ok) {
    // A malformed id is simply "not found", like one that is not yours.
    const status: number = response.status
    throw new Response('Not found', { status: status === 400 ? 404 : status })
  }
  const session = await response.json()
  const shared = await jsonOrThrow(client.me['shared-with-me'].$get({ query: {} }))
  const participants = session.attendees.map((person) => {
    const share = shared.find((s) => s.clientId === person.id)
    return { ...person, canWorkTogether: share?.canWorkTogether ?? false, readOnly: Boolean(share?.canReadInventory) && !share?.canWorkTogether }
  })
  return { session, participants }
}

export interface FacilitatorResult {
  /** Which form answered. */
  intent: string
  /** conform's answer on a refusal (errors beside the fields, typing kept); null when it was done. */
  result: SubmissionResult<string[]> | null
  safety: ScreenData | null
  done: boolean
}

/** One form on the facilitator's session page: change, cancel, my note, the reflection, or start together. */
export async function facilitatorAction(context: AppLoadContext, request: Request, sessionId: string, formData: FormData): Promise<{ status: number; result: FacilitatorResult }> {
  const intent = String(formData.get('intent') ?? '')
  const submission = parseSubmission(formData, FacilitatorForms)
  if (submission.status !== 'success') return { status: 400, result: { intent, result: reply(submission), safety: null, done: false } }
  const refused = async (response: Response) => ({ status: response.status, result: { intent, result: await replyWithProblem(submission, response), safety: null, done: false } })
  const done = (safety: ScreenData | null = null) => ({ status: 200, result: { intent, result: null, safety, done: true } })
  const session = api(context, request).sessions[':sessionId']
  const param = { sessionId }
  const form = submission.value

  if (form.intent === 'note' || form.intent === 'reflection') {
    const json = { text: form.text }
    const response = form.intent === 'note' ? await session['my-note'].$put({ param, json }) : await session.reflection.$put({ param, json })
    if (!response.ok) return refused(response)
    const saved = await response.json()
    return done(saved.safety.detected ? saved.safety : null)
  }
  if (form.intent === 'change') {
    const { date, time, place, agenda, title, version } = form
    const response = await session.$patch({ param, json: { title, version, place: place ?? '', agenda: agenda ?? '', startsAt: dutchMoment(date, time) } })
    if (!response.ok) return refused(response)
    return done()
  }
  if (form.intent === 'cancel') {
    const response = await session.cancel.$post({ param })
    if (!response.ok) return refused(response)
    return done()
  }
  const response = await api(context, request).clients[':clientId'].conversations.$post({ param: { clientId: form.clientId }, json: { flow: form.flow } })
  if (!response.ok) return refused(response)
  const started = await response.json()
  throw redirect(`/sessies/${sessionId}/samen/${form.clientId}/${started.conversation.id}`)
}
