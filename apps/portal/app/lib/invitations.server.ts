import type { AppLoadContext } from '@remix-run/node'
import type { SubmissionResult } from '@conform-to/react'
import type { InvitationRow, IssuedInvitationView } from './api-types'
import { api, readProblem } from './api.server'
import { okOrThrow } from './api-failure.server'
import { ClientInviteForm, InviteForm } from './invitation-forms'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

export async function listInvitations(request: Request, context: AppLoadContext): Promise<InvitationRow[]> {
  const response = await api(context, request).invitations.$get()
  return okOrThrow(response).json()
}

/** Withdraws an invitation that was not used yet (the button beside it: `WithdrawForm`). */
export async function withdraw(request: Request, context: AppLoadContext, invitationId: string) {
  const response = await api(context, request).invitations[':invitationId'].$delete({ param: { invitationId } })
  return response.ok ? { problem: null, withdrawn: true } : { problem: (await readProblem(response)).code, withdrawn: false }
}

export type InviteResult = { issued: IssuedInvitationView; result: null } | { issued: null; result: SubmissionResult<string[]> }

/** A worker's invitation for a client: always the role client, linked to the worker by the API. */
export async function inviteClient(request: Request, context: AppLoadContext, formData: FormData): Promise<InviteResult> {
  const submission = parseSubmission(formData, ClientInviteForm)
  if (submission.status !== 'success') return { issued: null, result: reply(submission) }
  const json = { role: 'client' as const, displayName: submission.value.displayName, teamId: null, workerId: null }
  return send(request, context, submission, json)
}

/** A coordinator's invitation: only a client is linked to a worker, the choice is ignored for staff. */
export async function invite(request: Request, context: AppLoadContext, formData: FormData): Promise<InviteResult> {
  const submission = parseSubmission(formData, InviteForm)
  if (submission.status !== 'success') return { issued: null, result: reply(submission) }
  const form = submission.value
  return send(request, context, submission, { ...form, workerId: form.role === 'client' ? form.workerId : null })
}

type InviteJson = Parameters<ReturnType<typeof api>['invitations']['$post']>[0]['json']

async function send(request: Request, context: AppLoadContext, submission: Parameters<typeof reply>[0], json: InviteJson): Promise<InviteResult> {
  const response = await api(context, request).invitations.$post({ json })
  if (!response.ok) return { issued: null, result: await replyWithProblem(submission, response) }
  return { issued: await response.json(), result: null }
}
