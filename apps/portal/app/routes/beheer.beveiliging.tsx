import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { listInvitations } from '../lib/invitations.server'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { FormProblem, Notice } from '../components/field'
import { checkboxField, idField } from '../forms/fields'
import { Checkbox, FormErrors } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.veiligInloggen')

// Unchecked boxes are not sent: absent means off.
const PolicyForm = z.object({ intent: z.literal('policy'), requireStaffTotp: checkboxField, resetNeedsApproval: checkboxField })

// Only a button beside a reset that waits: which one.
const ApproveForm = z.object({ intent: z.literal('approve'), invitationId: idField })

const PolicyForms = z.discriminatedUnion('intent', [PolicyForm, ApproveForm])

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
  const submission = parseSubmission(await request.formData(), PolicyForms)
  if (submission.status !== 'success') return data({ result: reply(submission), done: null }, { status: 400 })
  const client = api(context, request)
  const form = submission.value
  if (form.intent === 'approve') {
    const response = await client.invitations[':invitationId'].approve.$post({ param: { invitationId: form.invitationId } })
    if (!response.ok) return data({ result: await replyWithProblem(submission, response), done: null }, { status: response.status })
    return { result: null, done: 'approved' as const }
  }
  const response = await client.organisation['sign-in-policy'].$put({
    json: { requireStaffTotp: form.requireStaffTotp, resetNeedsApproval: form.resetNeedsApproval },
  })
  if (!response.ok) return data({ result: await replyWithProblem(submission, response), done: null }, { status: response.status })
  return { result: null, done: 'saved' as const }
}

export default function SignInPolicy() {
  const t = useT()
  const locale = useLocale()
  const { policy, awaiting } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  // Each form gets back only its own answer: a reset that could not be approved says so above.
  const approving = result?.result?.initialValue?.['intent'] === 'approve'
  const [form, fields] = useSchemaForm({
    id: 'policy',
    schema: PolicyForm,
    lastResult: approving ? null : result?.result,
    defaultValue: { intent: 'policy', requireStaffTotp: policy.requireStaffTotp, resetNeedsApproval: policy.resetNeedsApproval },
  })
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/beheer">{t('admin.title')}</Link>
      </p>
      <h1>{t('security.policyTitle')}</h1>
      <p>{t('security.policyIntro')}</p>
      <FormProblem code={approving ? result?.result?.error?.['']?.[0] : null} />
      <FormErrors form={form} />
      {result?.done === 'saved' ? <Notice>{t('security.policySaved')}</Notice> : null}
      {result?.done === 'approved' ? <Notice>{t('security.approved')}</Notice> : null}
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="policy" />
        <Checkbox meta={fields.requireStaffTotp} label={t('security.policyTotp')} hint={t('security.policyTotpHint')} />
        <Checkbox meta={fields.resetNeedsApproval} label={t('security.policyApproval')} hint={t('security.policyApprovalHint')} />
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
