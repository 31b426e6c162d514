import type { AppLoadContext } from '@remix-run/node'
import { data } from '@remix-run/node'
import { z } from 'zod'
import { evaluationItems } from '@kracht/trajectory'
import { api, readProblem } from './api.server'
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

const AnswerForm = z.object({
  item: z.enum(evaluationItems),
  text: z.string().trim().max(2000),
  version: z.coerce.number().int().min(0),
})

export type EvaluationActionResult =
  | { problem: string; item?: string | undefined; text?: string | undefined }
  | { saved: string; safety: ScreenData }
  | { signed: true }

/** Saves one answer or a signature; a problem keeps the typed text beside its question. */
export async function evaluationAction(request: Request, context: AppLoadContext, clientId: string, evaluationId: string) {
  const form = await request.formData()
  const evaluation = api(context, request).clients[':clientId'].evaluations[':evaluationId']
  if (form.get('intent') === 'sign') {
    const contentHash = String(form.get('contentHash') ?? '')
    const response = await evaluation.signatures.$post({ param: { clientId, evaluationId }, json: { contentHash } })
    if (!response.ok) return data<EvaluationActionResult>({ problem: (await readProblem(response)).code }, { status: response.status })
    return data<EvaluationActionResult>({ signed: true })
  }
  const parsed = AnswerForm.safeParse({ item: form.get('item'), text: form.get('text') ?? '', version: form.get('version') ?? '0' })
  const text = String(form.get('text') ?? '')
  const item = String(form.get('item') ?? '')
  if (!parsed.success) return data<EvaluationActionResult>({ problem: 'validation_failed', item, text }, { status: 400 })
  if (!parsed.data.text) return data<EvaluationActionResult>({ problem: 'required', item, text }, { status: 400 })
  const response = await evaluation.answers[':item'].$put({ param: { clientId, evaluationId, item: parsed.data.item }, json: { text: parsed.data.text, version: parsed.data.version } })
  if (!response.ok) return data<EvaluationActionResult>({ problem: (await readProblem(response)).code, item, text }, { status: response.status })
  return data<EvaluationActionResult>({ saved: parsed.data.item, safety: (await response.json()).safety })
}
