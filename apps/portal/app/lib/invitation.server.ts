import { data, redirect, type AppLoadContext } from '@remix-run/node'
import { api, cookieHeaders, readProblem } from './api.server'
import { acceptForm } from './invitation-forms'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

export type InvitationSecret = { token: string } | { code: string }

export async function lookup(request: Request, context: AppLoadContext, secret: InvitationSecret) {
  const response = await api(context, request).invitations.lookup.$post({ json: secret })
  if (!response.ok) return { preview: null, problem: (await readProblem(response)).code }
  return { preview: await response.json(), problem: null }
}

// Never sent back into the page.
const passwords = ['newPassword', 'repeat']

/**
 * The accept step, shared by the link page and the code page: on success the person is signed in.
 * `isReset`: the invitation gives a client a new password for the account they have.
 */
export async function accept(request: Request, context: AppLoadContext, formData: FormData, secret: InvitationSecret, isReset: boolean) {
  const submission = parseSubmission(formData, acceptForm(isReset))
  if (submission.status !== 'success') return data({ result: reply(submission, { hide: passwords }) }, { status: 400 })
  const { username, newPassword } = submission.value
  const response = await api(context, request).invitations.accept.$post({
    json: { ...secret, ...(username !== undefined && !isReset ? { username } : {}), password: newPassword },
  })
  if (!response.ok) {
    // The API calls the new password `password`; its problems belong beside that field.
    const result = await replyWithProblem(submission, response, {
      hide: passwords,
      rename: { password: 'newPassword' },
      fieldFor: (code) => (code.startsWith('password_') ? 'newPassword' : code.startsWith('username_') ? 'username' : null),
    })
    return data({ result }, { status: response.status })
  }
  throw redirect('/?welkom=1', { headers: cookieHeaders(response) })
}
