import type { AppLoadContext } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { api } from './api.server'
import { ChangeMessageForms, MessageForm, type ChangeResult, type SendResult, type ThreadResult } from './messages'
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

/**
 * One form post on a thread page: a change to one's own message (`intent` edit or remove), else a
 * new message. A saved change goes back to the thread (so a reload sends nothing twice), except when
 * the new words fired the crisis screen: then the page stays and shows the help card.
 */
export async function threadAction(context: AppLoadContext, request: Request, clientId: string, threadPath: string): Promise<{ status: number; result: ThreadResult }> {
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent !== 'edit' && intent !== 'remove') return sendFromForm(context, request, clientId, formData)
  return changeFromForm(context, request, clientId, formData, threadPath)
}

async function changeFromForm(context: AppLoadContext, request: Request, clientId: string, formData: FormData, threadPath: string): Promise<{ status: number; result: ChangeResult }> {
  const messageId = String(formData.get('messageId') ?? '')
  const intent = formData.get('intent') === 'remove' ? 'remove' : 'edit'
  const submission = parseSubmission(formData, ChangeMessageForms)
  if (submission.status !== 'success') return { status: 400, result: { intent, messageId, saved: false, safety: null, form: reply(submission) } }
  const form = submission.value
  const message = api(context, request).clients[':clientId'].messages[':messageId']
  const param = { clientId, messageId: form.messageId }
  const response =
    form.intent === 'remove'
      ? await keyedWrite(formData, (options) => message.$delete({ param, query: { version: String(form.version) } }, options))
      : await keyedWrite(formData, (options) => message.$patch({ param, json: { text: form.text, version: form.version } }, options))
  // Refused: the typed words come back into the same box (a conflict says so above it). A conflict
  // answers 200: with JavaScript, Remix reloads the page's data only after a 2xx, and the thread must
  // show the newer words and carry the newer version for the next save.
  if (!response.ok) {
    const status = response.status === 409 ? 200 : response.status
    return { status, result: { intent, messageId, saved: false, safety: null, form: await replyWithProblem(submission, response) } }
  }
  if (response.status === 200) {
    const saved = (await response.json()) as { safety: ChangeResult['safety'] & { detected: boolean } }
    if (saved.safety?.detected) return { status: 200, result: { intent, messageId, saved: true, safety: saved.safety, form: null } }
  }
  throw redirect(`${threadPath}?${form.intent === 'remove' ? 'verwijderd' : 'aangepast'}=1#bericht-${form.messageId}`)
}
