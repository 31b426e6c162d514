import type { AppLoadContext } from '@remix-run/node'
import { data } from '@remix-run/node'
import type { SubmissionResult } from '@conform-to/react'
import { api } from './api.server'
import { EvaluationForms } from './trajectory-forms'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import type { ScreenData } from '../components/save-safety'

/**
 * One evaluation together, for the client's page and the worker's alike: the API decides which
 * side the caller answers and signs as (the client as client, the worker as worker).
 */
export async function loadEvaluation(request: Request, context: AppLoadContext, clientId: string, evaluationId: string) {
  const response = await api(context, request).clients[':clientId'].evaluations[':evaluationId'].$get({ param: { clientId, evaluationId } })
  if (response.status === 404) throw new Response('not found', { status: 404 })
  if (!response.ok) throw new Response('forbidden', { status: response.status })
  return response.json()
}

export type EvaluationActionResult =
  // Refused: the form's errors beside its field, and which question's form answered (null: signing).
  | { item: string | null; result: SubmissionResult<string[]> }
  | { saved: string; safety: ScreenData }
  | { signed: true }

/** Saves one answer or a signature; a problem keeps the typed text beside its question. */
export async function evaluationAction(request: Request, context: AppLoadContext, clientId: string, evaluationId: string) {
  const formData = await request.formData()
  const submission = parseSubmission(formData, EvaluationForms)
  const item = typeof submission.payload['item'] === 'string' ? submission.payload['item'] : null
  if (submission.status !== 'success') return data<EvaluationActionResult>({ item, result: reply(submission) }, { status: 400 })
  const refused = async (response: Response) => data<EvaluationActionResult>({ item, result: await replyWithProblem(submission, response) }, { status: response.status })
  const evaluation = api(context, request).clients[':clientId'].evaluations[':evaluationId']
  const param = { clientId, evaluationId }
  const form = submission.value
  if (form.intent === 'sign') {
    const response = await evaluation.signatures.$post({ param, json: { contentHash: form.contentHash ?? '' } })
    if (!response.ok) return refused(response)
    return data<EvaluationActionResult>({ signed: true })
  }
  const response = await evaluation.answers[':item'].$put({ param: { ...param, item: form.item }, json: { text: form.text, version: form.version } })
  if (!response.ok) return refused(response)
  return data<EvaluationActionResult>({ saved: form.item, safety: (await response.json()).safety })
}
