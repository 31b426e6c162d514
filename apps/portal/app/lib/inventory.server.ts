import type { AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import { api, readProblem } from './api.server'
import type { SessionUser } from './auth.server'
import { forms, times } from './inventory'

export async function loadInventory(request: Request, context: AppLoadContext, user: SessionUser, locale: string) {
  const response = await api(context, request).clients[':clientId'].inventory.$get({
    param: { clientId: user.id },
    query: { locale: locale === 'en' ? 'en' : 'nl' },
  })
  if (!response.ok) throw new Response('inventory unavailable', { status: response.status })
  return response.json()
}

/** One form schema for adding and changing a statement; messages are catalogue codes. */
export const StatementForm = z.object({
  domain: z.string().min(1, 'required').max(40, 'invalid'),
  time: z.enum(times, { message: 'required' }),
  form: z
    .union([z.enum(forms), z.literal('')])
    .optional()
    .transform((value) => (value ? value : null)),
  text: z.string().trim().min(1, 'required').max(1000, 'too_long'),
})

export type StatementFormValues = z.input<typeof StatementForm>

export async function problemOf(response: Response) {
  const problem = await readProblem(response)
  return { code: problem.code, fields: problem.fields ?? {} }
}

/** What the client submitted, given back to the form on any problem so no typed word is lost. */
export function submittedValues(formData: FormData) {
  return {
    domain: String(formData.get('domain') ?? ''),
    time: String(formData.get('time') ?? ''),
    form: String(formData.get('form') ?? '') || null,
    text: String(formData.get('text') ?? ''),
  }
}
