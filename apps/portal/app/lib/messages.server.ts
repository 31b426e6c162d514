import type { AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import { api } from './api.server'
import { parseForm } from './forms'
import { problemOf } from './inventory.server'
import { topics, type SendResult } from './messages'
import { keyedWrite } from './idempotency.server'

// Codes from the catalogue; the API checks the same limits again.
const MessageForm = z.object({
  text: z.string().trim().min(1, 'required').max(1000, 'too_long'),
  topic: z.enum(topics, { message: 'invalid' }).default('general'),
})

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
  const text = String(formData.get('text') ?? '')
  const topic = String(formData.get('topic') ?? 'general')
  const parsed = parseForm(MessageForm, formData)
  if (!parsed.ok) return { status: 400, result: { sent: false, safety: null, problem: 'validation_failed', field: parsed.fields['text'] ?? parsed.fields['topic'] ?? null, text, topic } }
  const response = await keyedWrite(formData, (options) => api(context, request).clients[':clientId'].messages.$post({ param: { clientId }, json: parsed.data }, options))
  if (!response.ok) {
    const problem = await problemOf(response)
    return { status: response.status, result: { sent: false, safety: null, problem: problem.code, field: problem.fields['text'] ?? null, text, topic } }
  }
  const saved = await response.json()
  return { status: 200, result: { sent: true, safety: saved.safety.detected ? saved.safety : null, problem: null, field: null, text: '', topic } }
}
