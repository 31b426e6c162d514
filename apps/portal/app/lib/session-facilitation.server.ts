import type { AppLoadContext } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { api } from './api.server'
import { parseForm } from './forms'
import { problemOf } from './inventory.server'
import { dutchMoment } from './sharing-forms'
import type { ScreenData } from '../components/save-safety'
import { jsonOrThrow } from './api-failure.server'

/** The guided flows a facilitator can start together with a client who is present. */
export const togetherFlows = ['miracle', 'strengths', 'vip', 'goal'] as const

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
  const shared = await jsonOrThrow(client.me['shared-with-me'].$get())
  const participants = session.attendees.map((person) => {
    const share = shared.find((s) => s.clientId === person.id)
    return { ...person, canWorkTogether: share?.canWorkTogether ?? false, readOnly: Boolean(share?.canReadInventory) && !share?.canWorkTogether }
  })
  return { session, participants }
}

const Text = z.object({ text: z.string().trim().min(1, 'required').max(2000, 'too_long') })
const Change = z.object({
  version: z.coerce.number().int().min(1),
  title: z.string().trim().min(1, 'required').max(120, 'too_long'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
  time: z.string().regex(/^\d{2}:\d{2}$/, 'time'),
  place: z.string().trim().max(120, 'too_long').default(''),
  agenda: z.string().trim().max(1000, 'too_long').default(''),
})
const Together = z.object({ clientId: z.string().uuid(), flow: z.enum(togetherFlows, { message: 'invalid' }) })

export interface FacilitatorResult {
  intent: string
  problem: string | null
  fields: Record<string, string>
  /** What was typed, back in the form after any refusal. */
  values: Record<string, string>
  safety: ScreenData | null
  done: boolean
}

/** One form on the facilitator's session page: change, cancel, my note, the reflection, or start together. */
export async function facilitatorAction(context: AppLoadContext, request: Request, sessionId: string, formData: FormData): Promise<{ status: number; result: FacilitatorResult }> {
  const intent = String(formData.get('intent') ?? '')
  const values = Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
  const fail = (status: number, problem: string, fields: Record<string, string> = {}) => ({ status, result: { intent, problem, fields, values, safety: null, done: false } })
  const session = api(context, request).sessions[':sessionId']
  const param = { sessionId }

  if (intent === 'note' || intent === 'reflection') {
    const form = parseForm(Text, formData)
    if (!form.ok) return fail(400, 'validation_failed', form.fields)
    const response = intent === 'note' ? await session['my-note'].$put({ param, json: form.data }) : await session.reflection.$put({ param, json: form.data })
    if (!response.ok) {
      const problem = await problemOf(response)
      return fail(response.status, problem.code, problem.fields)
    }
    const saved = await response.json()
    return { status: 200, result: { intent, problem: null, fields: {}, values: {}, safety: saved.safety.detected ? saved.safety : null, done: true } }
  }
  if (intent === 'change') {
    const form = parseForm(Change, formData)
    if (!form.ok) return fail(400, 'validation_failed', form.fields)
    const { date, time, ...rest } = form.data
    const response = await session.$patch({ param, json: { ...rest, startsAt: dutchMoment(date, time) } })
    if (!response.ok) {
      const problem = await problemOf(response)
      return fail(response.status, problem.code, problem.fields)
    }
    return { status: 200, result: { intent, problem: null, fields: {}, values: {}, safety: null, done: true } }
  }
  if (intent === 'cancel') {
    const response = await session.cancel.$post({ param })
    if (!response.ok) return fail(response.status, (await problemOf(response)).code)
    return { status: 200, result: { intent, problem: null, fields: {}, values: {}, safety: null, done: true } }
  }
  if (intent === 'together') {
    const form = parseForm(Together, formData)
    if (!form.ok) return fail(400, 'validation_failed', form.fields)
    const response = await api(context, request).clients[':clientId'].conversations.$post({ param: { clientId: form.data.clientId }, json: { flow: form.data.flow } })
    if (!response.ok) return fail(response.status, (await problemOf(response)).code)
    const started = await response.json()
    throw redirect(`/sessies/${sessionId}/samen/${form.data.clientId}/${started.conversation.id}`)
  }
  return fail(400, 'validation_failed')
}
