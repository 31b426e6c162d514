import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api, cookieHeaders, readProblem } from '../lib/api.server'
import { getUser } from '../lib/auth.server'
import { safeReturnPath } from '../lib/return-path'
import { parseForm } from '../lib/forms'
import { useT } from '../lib/i18n'
import { Field, FormProblem } from '../components/field'

export const meta: MetaFunction = () => [{ title: 'Code – Kracht' }]

const CodeForm = z.object({
  code: z.string().trim().min(1, 'required').max(20, 'too_long'),
  terug: z.string().optional(),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect('/')
  return null
}

/** The second sign-in step for staff with an authenticator app. The waiting session lives 5 minutes. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(CodeForm, await request.formData())
  if (!form.ok) return data({ problem: 'validation_failed', fields: form.fields }, { status: 400 })
  const response = await api(context, request).auth.totp.$post({ json: { code: form.data.code } })
  if (!response.ok) {
    const problem = await readProblem(response)
    if (problem.code === 'second_factor_expired') throw redirect('/inloggen?code=verlopen')
    const fields: Record<string, string> = problem.code === 'totp_code_wrong' ? { code: 'totp_code_wrong' } : {}
    return data({ problem: problem.code, fields }, { status: response.status })
  }
  throw redirect(safeReturnPath(form.data.terug), { headers: cookieHeaders(response) })
}

export default function SignInCode() {
  const t = useT()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const fields: Record<string, string> = result?.fields ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('security.codeTitle')}</h1>
      <p>{t('security.codeIntro')}</p>
      <FormProblem code={result?.problem === 'totp_code_wrong' ? null : result?.problem} />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="terug" value={params.get('terug') ?? '/'} />
        <Field
          name="code"
          label={t('security.code')}
          hint={t('security.codeHint')}
          autoComplete="one-time-code"
          inputMode="text"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={20}
          error={fields['code']}
        />
        <button type="submit" className="button">
          {t('security.codeButton')}
        </button>
      </Form>
      <p>
        <Link to="/inloggen">{t('common.back')}</Link>
      </p>
    </div>
  )
}
