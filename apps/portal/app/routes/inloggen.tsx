import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api, cookieHeaders, readProblem } from '../lib/api.server'
import { getUser } from '../lib/auth.server'
import { safeReturnPath } from '../lib/return-path'
import { parseForm } from '../lib/forms'
import { useT } from '../lib/i18n'
import { Field, FormProblem, Notice } from '../components/field'

export const meta: MetaFunction = () => [{ title: 'Inloggen – Kracht' }]

const SignInForm = z.object({
  username: z.string().trim().min(1, 'required').max(100, 'too_long'),
  password: z.string().min(1, 'required').max(1000, 'too_long'),
  terug: z.string().optional(),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect('/')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(SignInForm, await request.formData())
  if (!form.ok) return data({ problem: 'validation_failed', fields: form.fields, username: '' }, { status: 400 })
  const response = await api(context, request).auth.login.$post({
    json: { username: form.data.username, password: form.data.password },
  })
  if (!response.ok) {
    const problem = await readProblem(response)
    return data({ problem: problem.code, fields: {}, username: form.data.username }, { status: response.status })
  }
  const back = safeReturnPath(form.data.terug)
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
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const busy = useNavigation().state === 'submitting'
  const fields: Record<string, string> = result?.fields ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('auth.signInTitle')}</h1>
      <p>{t('auth.signInIntro')}</p>
      {params.get('uitgelogd') ? <Notice>{t('auth.signedOut')}</Notice> : null}
      {params.get('code') === 'verlopen' ? <FormProblem code="second_factor_expired" /> : null}
      <FormProblem code={result?.problem} />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="terug" value={safeReturnPath(params.get('terug'))} />
        <Field
          name="username"
          label={t('auth.username')}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          maxLength={100}
          defaultValue={result?.username ?? ''}
          error={fields['username']}
        />
        <Field
          name="password"
          type="password"
          label={t('auth.password')}
          autoComplete="current-password"
          required
          error={fields['password']}
        />
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
