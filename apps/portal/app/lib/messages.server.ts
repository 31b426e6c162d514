import type { AppLoadContext } from '@remix-run/node'
import { api } from './api.server'
import { MessageForm, type SendResult } from './messages'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { keyedWrite } from './idempotency.server'

/**
 * The thread of one client, then marked read for the reader (opening it is reading it). A refusal
 * (no share) comes back as `null`, so the page says so instead of failing.
 */
export async function loadThread(context: AppLoadContext, request: Request, clientId: string) {
  const thread = api(context, request).clients[':clientId'].messages
  const response = await thread.$get({ param: { clientId } })
  if (response.status === 403) return null
  if (!response.ok) throw new Response('messages unavailable', { status: response.status })
  const body = await response.json()
  if (body.unread > 0) await thread.read.$post({ param: { clientId } })
  return body
}

/** Sends one message from a submitted form. On any refusal the typed text comes back to the form. */
export async function sendFromForm(context: AppLoadContext, request: Request, clientId: string, formData: FormData): Promise<{ status: number; result: SendResult }> {
  const submission = parseSubmission(formData, MessageForm)
  if (submission.status !== 'success') return { status: 400, result: { sent: false, safety: null, form: reply(submission) } }
  const response = await keyedWrite(formData, (options) => api(context, request).clients[':clientId'].messages.$post({ param: { clientId }, json: submission.value }, options))
  if (!response.ok) return { status: response.status, result: { sent: false, safety: null, form: await replyWithProblem(submission, response) } }
  const saved = await response.json()
  return { status: 200, result: { sent: true, sentId: saved.id, safety: saved.safety.detected ? saved.safety : null, form: null } }
}
