import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api, cookieHeaders } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { checkboxField, currentPasswordField } from '../forms/fields'
import { Checkbox, FormErrors, PasswordField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.mijnAccountVerwijderen')

const DeleteForm = z.object({
  password: currentPasswordField,
  confirm: checkboxField.refine((value) => value, 'confirm_delete'),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'client')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const submission = parseSubmission(await request.formData(), DeleteForm)
  if (submission.status !== 'success') return data({ result: reply(submission, { hide: ['password'] }) }, { status: 400 })
  const response = await api(context, request).clients[':clientId'].$delete({
    param: { clientId: user.id },
    json: { password: submission.value.password },
  })
  if (!response.ok) {
    const result = await replyWithProblem(submission, response, {
      hide: ['password'],
      fieldFor: (code) => (code === 'account_password_wrong' || code === 'too_many_attempts' ? 'password' : null),
    })
    return data({ result }, { status: response.status })
  }
  // Signed out with the API's cleared cookie, to a page that needs no account.
  throw redirect('/tot-ziens', { headers: cookieHeaders(response) })
}

/** Deleting the account: what goes, what stays and why, then the passphrase and a tick. */
export default function DeleteAccount() {
  const t = useT()
  const actionData = useActionAnswer<typeof action>()
  const [form, fields] = useSchemaForm({ id: 'delete-account', schema: DeleteForm, lastResult: actionData?.result })
  return (
    <div className="page page--narrow">
      <h1>{t('rights.confirmTitle')}</h1>
      <section className="card card--warning" role="note" aria-labelledby="warning">
        <h2 id="warning">{t('rights.warningTitle')}</h2>
        <p>{t('rights.warning')}</p>
        <p>
          <Link to="/account/mijn-gegevens">{t('rights.downloadFirst')}</Link>
        </p>
      </section>
      <p>{t('rights.whatStays')}</p>
      <p>{t('rights.workerNote')}</p>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <PasswordField meta={fields.password} label={t('rights.password')} hint={t('rights.passwordHint')} autoComplete="current-password" />
        <Checkbox meta={fields.confirm} label={t('rights.confirm')} />
        <button type="submit" className="button button--danger">
          {t('rights.button')}
        </button>
      </Form>
      <p>
        <Link to="/account/mijn-gegevens">{t('rights.cancel')}</Link>
      </p>
    </div>
  )
}
