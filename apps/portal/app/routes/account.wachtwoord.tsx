import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api, cookieHeaders } from '../lib/api.server'
import { requireUser } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { Notice } from '../components/field'
import { currentPasswordField, newPasswordField, withRepeatedPassword } from '../forms/fields'
import { FormErrors, PasswordField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.wachtwoord')

const ChangeForm = z
  .object({
    currentPassword: currentPasswordField,
    newPassword: newPasswordField,
    repeat: z.string({ error: 'required' }),
  })
  .superRefine(withRepeatedPassword)

const passwords = ['currentPassword', 'newPassword', 'repeat']

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context)
  const formData = await request.formData()
  const client = api(context, request)
  if (formData.get('intent') === 'everywhere') {
    const response = await client.auth['logout-everywhere'].$post()
    throw redirect('/inloggen?uitgelogd=1', { headers: cookieHeaders(response) })
  }
  const submission = parseSubmission(formData, ChangeForm)
  if (submission.status !== 'success') return data({ result: reply(submission, { hide: passwords }) }, { status: 400 })
  const response = await client.auth.password.$post({
    json: { currentPassword: submission.value.currentPassword, newPassword: submission.value.newPassword },
  })
  if (!response.ok) {
    // The API names the new password's problems `password`; a wrong current one belongs beside that field.
    const result = await replyWithProblem(submission, response, {
      hide: passwords,
      fieldFor: (code) => (code === 'password_wrong' ? 'currentPassword' : code.startsWith('password_') ? 'newPassword' : null),
    })
    return data({ result }, { status: response.status })
  }
  throw redirect('/account/wachtwoord?gewijzigd=1', { headers: cookieHeaders(response) })
}

export default function ChangePassword() {
  const t = useT()
  const actionData = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useSchemaForm({ id: 'change-password', schema: ChangeForm, lastResult: actionData?.result })
  return (
    <div className="page page--narrow">
      <h1>{t('auth.changeTitle')}</h1>
      {params.get('gewijzigd') ? <Notice>{t('auth.changed')}</Notice> : null}
      <p>{t('auth.changeIntro')}</p>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <PasswordField meta={fields.currentPassword} label={t('auth.currentPassword')} autoComplete="current-password" />
        <PasswordField meta={fields.newPassword} label={t('auth.newPassword')} hint={t('auth.passwordHint')} autoComplete="new-password" />
        <PasswordField meta={fields.repeat} label={t('auth.repeatPassword')} autoComplete="new-password" />
        <button type="submit" className="button">
          {t('auth.changeButton')}
        </button>
      </Form>
      <section className="aside">
        <h2>{t('auth.signOutEverywhere')}</h2>
        <p className="muted">{t('auth.signOutEverywhereHint')}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="everywhere" />
          <button type="submit" className="button button--secondary">
            {t('auth.signOutEverywhere')}
          </button>
        </Form>
      </section>
    </div>
  )
}
