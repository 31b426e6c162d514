import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api, cookieHeaders, readProblem } from '../lib/api.server'
import { requireUser } from '../lib/auth.server'
import { parseForm } from '../lib/forms'
import { useT } from '../lib/i18n'
import { Field, FormProblem, Notice } from '../components/field'

export const meta: MetaFunction = () => [{ title: 'Wachtwoord – Kracht' }]

const ChangeForm = z
  .object({
    currentPassword: z.string().min(1, 'required').max(1000, 'too_long'),
    newPassword: z.string().min(1, 'required').max(1000, 'too_long'),
    repeat: z.string(),
  })
  .refine((form) => form.newPassword === form.repeat, { path: ['repeat'], message: 'password_mismatch' })

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
  const form = parseForm(ChangeForm, formData)
  if (!form.ok) return data({ problem: 'validation_failed', fields: form.fields }, { status: 400 })
  const response = await client.auth.password.$post({
    json: { currentPassword: form.data.currentPassword, newPassword: form.data.newPassword },
  })
  if (!response.ok) {
    const problem = await readProblem(response)
    const fields: Record<string, string> = {}
    if (problem.code === 'password_wrong') fields['currentPassword'] = 'password_wrong'
    else if (problem.code.startsWith('password_')) fields['newPassword'] = problem.code
    return data({ problem: problem.code, fields }, { status: response.status })
  }
  throw redirect('/account/wachtwoord?gewijzigd=1', { headers: cookieHeaders(response) })
}

export default function ChangePassword() {
  const t = useT()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const fields: Record<string, string> = result?.fields ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('auth.changeTitle')}</h1>
      {params.get('gewijzigd') ? <Notice>{t('auth.changed')}</Notice> : null}
      <p>{t('auth.changeIntro')}</p>
      <FormProblem code={result?.problem && Object.keys(fields).length === 0 ? result.problem : null} />
      <Form method="post" noValidate className="stack">
        <Field name="currentPassword" type="password" label={t('auth.currentPassword')} autoComplete="current-password" required error={fields['currentPassword']} />
        <Field
          name="newPassword"
          type="password"
          label={t('auth.newPassword')}
          hint={t('auth.passwordHint')}
          autoComplete="new-password"
          required
          minLength={10}
          error={fields['newPassword']}
        />
        <Field name="repeat" type="password" label={t('auth.repeatPassword')} autoComplete="new-password" required error={fields['repeat']} />
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
