import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useNavigation, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api, cookieHeaders } from '../lib/api.server'
import { getUser } from '../lib/auth.server'
import { safeReturnPath } from '../lib/return-path'
import { useT, pageTitle } from '../lib/i18n'
import { FormProblem, Notice } from '../components/field'
import { currentPasswordField, optionalLine, usernameField } from '../forms/fields'
import { FormErrors, PasswordField, TextField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.inloggen')

const SignInForm = z.object({
  username: usernameField,
  password: currentPasswordField,
  terug: optionalLine(2000),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect('/')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await request.formData(), SignInForm)
  if (submission.status !== 'success') return data({ result: reply(submission, { hide: ['password'] }) }, { status: 400 })
  const response = await api(context, request).auth.login.$post({
    json: { username: submission.value.username, password: submission.value.password },
  })
  if (!response.ok) return data({ result: await replyWithProblem(submission, response, { hide: ['password'] }) }, { status: response.status })
  const back = safeReturnPath(submission.value.terug)
  const next = encodeURIComponent(back)
  // Staff with an authenticator app: the passphrase was right, now the code (a second page, no JavaScript needed).
  if (response.status === 202) throw redirect(`/inloggen/code?terug=${next}`, { headers: cookieHeaders(response) })
  // A new code was given for this account since the last sign-in: "was that you?" comes first.
  if (response.headers.get('x-kracht-notice') === 'access-reset') {
    throw redirect(`/account/nieuwe-code?terug=${next}`, { headers: cookieHeaders(response) })
  }
  throw redirect(back, { headers: cookieHeaders(response) })
}

export default function SignIn() {
  const t = useT()
  const actionData = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useSchemaForm({ id: 'sign-in', schema: SignInForm, lastResult: actionData?.result })
  return (
    <div className="page page--narrow">
      <h1>{t('auth.signInTitle')}</h1>
      <p>{t('auth.signInIntro')}</p>
      {params.get('uitgelogd') ? <Notice>{t('auth.signedOut')}</Notice> : null}
      {params.get('code') === 'verlopen' ? <FormProblem code="second_factor_expired" /> : null}
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="terug" value={safeReturnPath(params.get('terug'))} />
        <TextField
          meta={fields.username}
          label={t('auth.username')}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
        />
        <PasswordField meta={fields.password} label={t('auth.password')} autoComplete="current-password" />
        <button type="submit" className="button" disabled={busy}>
          {t('auth.signInButton')}
        </button>
      </Form>
      <section className="aside">
        <p>{t('auth.haveCode')}</p>
        <Link to="/uitnodiging" className="button button--secondary">
          {t('auth.enterCode')}
        </Link>
        <p className="muted">{t('auth.forgot')}</p>
      </section>
    </div>
  )
}
