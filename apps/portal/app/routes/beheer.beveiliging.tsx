import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { listInvitations } from '../lib/invitations.server'
import { parseForm } from '../lib/forms'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { FormProblem, Notice } from '../components/field'

export const meta: MetaFunction = () => [{ title: 'Veilig inloggen – Kracht' }]

const ApproveForm = z.object({ invitationId: z.string().uuid('invalid') })

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  const response = await api(context, request).organisation['sign-in-policy'].$get()
  if (!response.ok) throw new Response('unavailable', { status: response.status })
  const invitations = await listInvitations(request, context)
  // Resets a colleague asked for and that wait for a second person (never one's own).
  const awaiting = invitations.filter((row) => row.awaitingApproval && row.status === 'open' && !row.invitedByMe)
  return { policy: await response.json(), awaiting }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'admin')
  const formData = await request.formData()
  const client = api(context, request)
  if (formData.get('intent') === 'approve') {
    const form = parseForm(ApproveForm, formData)
    if (!form.ok) return data({ problem: 'validation_failed', done: null }, { status: 400 })
    const response = await client.invitations[':invitationId'].approve.$post({ param: { invitationId: form.data.invitationId } })
    if (!response.ok) return data({ problem: (await readProblem(response)).code, done: null }, { status: response.status })
    return { problem: null, done: 'approved' as const }
  }
  // Unchecked boxes are not sent: absent means off.
  const response = await client.organisation['sign-in-policy'].$put({
    json: { requireStaffTotp: formData.get('requireStaffTotp') === 'on', resetNeedsApproval: formData.get('resetNeedsApproval') === 'on' },
  })
  if (!response.ok) return data({ problem: (await readProblem(response)).code, done: null }, { status: response.status })
  return { problem: null, done: 'saved' as const }
}

export default function SignInPolicy() {
  const t = useT()
  const locale = useLocale()
  const { policy, awaiting } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/beheer">{t('admin.title')}</Link>
      </p>
      <h1>{t('security.policyTitle')}</h1>
      <p>{t('security.policyIntro')}</p>
      <FormProblem code={result?.problem} />
      {result?.done === 'saved' ? <Notice>{t('security.policySaved')}</Notice> : null}
      {result?.done === 'approved' ? <Notice>{t('security.approved')}</Notice> : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="policy" />
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="requireStaffTotp" defaultChecked={policy.requireStaffTotp} aria-describedby="totp-hint" /> {t('security.policyTotp')}
          </label>
          <p className="hint" id="totp-hint">
            {t('security.policyTotpHint')}
          </p>
        </div>
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="resetNeedsApproval" defaultChecked={policy.resetNeedsApproval} aria-describedby="approval-hint" /> {t('security.policyApproval')}
          </label>
          <p className="hint" id="approval-hint">
            {t('security.policyApprovalHint')}
          </p>
        </div>
        <button type="submit" className="button">
          {t('common.save')}
        </button>
      </Form>
      {awaiting.length > 0 ? (
        <section className="card" aria-labelledby="awaiting-title">
          <h2 id="awaiting-title">{t('security.awaitingApproval')}</h2>
          <ul className="rows">
            {awaiting.map((row) => (
              <li key={row.id} className="row" data-testid="awaiting-reset">
                <div>
                  <strong>{row.displayName}</strong> · {t('invitation.reset')}
                  <br />
                  <span className="muted">{t('security.validUntilTime', { date: formatDate(locale, row.expiresAt, true) })}</span>
                </div>
                <Form method="post">
                  <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="invitationId" value={row.id} />
                  <button type="submit" className="button button--small">
                    {t('security.approve')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
