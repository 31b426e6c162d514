import type { AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import type { InvitationRow, IssuedInvitationView } from './api-types'
import { api, readProblem } from './api.server'
import { okOrThrow } from './api-failure.server'
import { parseForm } from './forms'

export async function listInvitations(request: Request, context: AppLoadContext): Promise<InvitationRow[]> {
  const response = await api(context, request).invitations.$get()
  return okOrThrow(response).json()
}

const WithdrawForm = z.object({ invitationId: z.string().uuid('invalid') })

export async function withdraw(request: Request, context: AppLoadContext, formData: FormData) {
  const form = parseForm(WithdrawForm, formData)
  if (!form.ok) return { problem: 'validation_failed', withdrawn: false }
  const response = await api(context, request).invitations[':invitationId'].$delete({ param: { invitationId: form.data.invitationId } })
  return response.ok ? { problem: null, withdrawn: true } : { problem: (await readProblem(response)).code, withdrawn: false }
}

export const InviteForm = z.object({
  role: z.enum(['client', 'worker', 'peer', 'admin'], { message: 'invalid' }),
  displayName: z.string().trim().min(1, 'required').max(80, 'too_long'),
  teamId: z
    .string()
    .optional()
    .transform((value) => (value ? value : null)),
  // A coordinator inviting a client names the worker they are linked to (or chooses later).
  workerId: z
    .string()
    .optional()
    .transform((value) => (value ? value : null)),
})

export type InviteResult =
  | { issued: IssuedInvitationView; problem: null; fields: Record<string, string> }
  | { issued: null; problem: string; fields: Record<string, string> }

export async function invite(request: Request, context: AppLoadContext, formData: FormData): Promise<InviteResult> {
  const form = parseForm(InviteForm, formData)
  if (!form.ok) return { issued: null, problem: 'validation_failed', fields: form.fields }
  // Only a client is linked to a worker: the choice is ignored for staff.
  const response = await api(context, request).invitations.$post({ json: { ...form.data, workerId: form.data.role === 'client' ? form.data.workerId : null } })
  if (!response.ok) {
    const problem = await readProblem(response)
    return { issued: null, problem: problem.code, fields: problem.fields ?? {} }
  }
  return { issued: await response.json(), problem: null, fields: {} }
}

