import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { z } from 'zod'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { listInvitations, withdraw } from '../lib/invitations.server'
import { FormProblem, Notice } from '../components/field'
import { InvitationList } from '../components/invitation-list'
import { IssuedInvitation } from '../components/issued-invitation'
import { jsonOrThrow } from '../lib/api-failure.server'
import { WithdrawForm } from '../lib/invitation-forms'
import { idField } from '../forms/fields'
import { parseSubmission } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.mijnClienten')

// Buttons only: withdraw an invitation, or give a client a new code (an access reset).
const ResetForm = z.object({ intent: z.literal('reset'), clientId: idField })
const ClientsForms = z.discriminatedUnion('intent', [WithdrawForm, ResetForm])

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker')
  const response = await api(context, request)['my-clients'].$get()
  const clients = await jsonOrThrow(response)
  return { clients, invitations: await listInvitations(request, context) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker')
  const submission = parseSubmission(await request.formData(), ClientsForms)
  if (submission.status !== 'success') return data({ problem: 'validation_failed', withdrawn: false, issued: null }, { status: 400 })
  const form = submission.value
  if (form.intent === 'withdraw') return { ...(await withdraw(request, context, form.invitationId)), issued: null }
  const response = await api(context, request).clients[':clientId']['access-reset'].$post({ param: { clientId: form.clientId } })
  if (!response.ok) return { problem: (await readProblem(response)).code, withdrawn: false, issued: null }
  return { problem: null, withdrawn: false, issued: await response.json() }
}

export default function Clients() {
  const t = useT()
  const locale = useLocale()
  const { clients, invitations } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  return (
    <div className="page">
      <h1>{t('worker.clientsTitle')}</h1>
      <FormProblem code={result?.problem} />
      {result?.withdrawn ? <Notice>{t('invitation.withdrawn')}</Notice> : null}
      {result?.issued ? <IssuedInvitation invitation={result.issued} /> : null}
      <p>
        <Link to="/clienten/uitnodigen" className="button">
          {t('worker.inviteClient')}
        </Link>
      </p>
      <p className="muted">{t('worker.contentNote')}</p>
      {clients.length === 0 ? (
        <p>{t('worker.clientsEmpty')}</p>
      ) : (
        <ul className="rows">
          {clients.map((client) => (
            <li key={client.id} className="row">
              <div>
                <strong>{client.displayName}</strong> <span className="muted">({client.username})</span>
                <br />
                <span className="muted">{t('worker.linkedSince', { date: formatDate(locale, client.linkedAt) })}</span>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="reset" />
                <input type="hidden" name="clientId" value={client.id} />
                <button type="submit" className="button button--small button--secondary" title={t('worker.resetAccessHint')}>
                  {t('worker.resetAccess')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <InvitationList invitations={invitations} />
    </div>
  )
}
