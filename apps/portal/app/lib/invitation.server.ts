import { data, redirect, type AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import { api, cookieHeaders, readProblem } from './api.server'
import { parseForm } from './forms'


export type InvitationSecret = { token: string } | { code: string }

export async function lookup(request: Request, context: AppLoadContext, secret: InvitationSecret) {
  const response = await api(context, request).invitations.lookup.$post({ json: secret })
  if (!response.ok) return { preview: null, problem: (await readProblem(response)).code }
  return { preview: await response.json(), problem: null }
}

const AcceptForm = z
  .object({
    username: z.string().optional(),
    password: z.string().min(1, 'required').max(1000, 'too_long'),
    repeat: z.string(),
  })
  .refine((form) => form.password === form.repeat, { path: ['repeat'], message: 'password_mismatch' })

/** The accept step, shared by the link page and the code page: on success the person is signed in. */
export async function accept(request: Request, context: AppLoadContext, formData: FormData, secret: InvitationSecret) {
  const form = parseForm(AcceptForm, formData)
  const username = String(formData.get('username') ?? '')
  if (!form.ok) return data({ problem: 'validation_failed', fields: form.fields, username }, { status: 400 })
  const response = await api(context, request).invitations.accept.$post({
    json: { ...secret, ...(form.data.username !== undefined ? { username: form.data.username } : {}), password: form.data.password },
  })
  if (!response.ok) {
    const problem = await readProblem(response)
    // Field problems are shown beside the field; the rest above the form.
    const fields: Record<string, string> = { ...problem.fields }
    if (problem.code.startsWith('password_')) fields['password'] = problem.code
    return data({ problem: problem.code, fields, username }, { status: response.status })
  }
  throw redirect('/?welkom=1', { headers: cookieHeaders(response) })
}
