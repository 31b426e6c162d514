import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api, cookieHeaders } from '../lib/api.server'
import { getUser } from '../lib/auth.server'
import { safeReturnPath } from '../lib/return-path'
import { useT, pageTitle } from '../lib/i18n'
import { optionalLine, requiredLine } from '../forms/fields'
import { FormErrors, TextField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.code')

// A six-digit code from the app, or a recovery code: the API knows which.
const CodeForm = z.object({
  code: requiredLine(20),
  terug: optionalLine(2000),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect('/')
  return null
}

/** The second sign-in step for staff with an authenticator app. The waiting session lives 5 minutes. */
export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await request.formData(), CodeForm)
  if (submission.status !== 'success') return data({ result: reply(submission, { hide: ['code'] }) }, { status: 400 })
  const response = await api(context, request).auth.totp.$post({ json: { code: submission.value.code } })
  if (!response.ok) {
    const result = await replyWithProblem(submission, response, { hide: ['code'], fieldFor: (code) => (code === 'totp_code_wrong' ? 'code' : null) })
    // The waiting session ended: start again at the sign-in page, which says why.
    if (result.error?.['']?.[0] === 'second_factor_expired') throw redirect('/inloggen?code=verlopen')
    return data({ result }, { status: response.status })
  }
  throw redirect(safeReturnPath(submission.value.terug), { headers: cookieHeaders(response) })
}

export default function SignInCode() {
  const t = useT()
  const answer = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useSchemaForm({ id: 'sign-in-code', schema: CodeForm, lastResult: answer?.result })
  return (
    <div className="page page--narrow">
      <h1>{t('security.codeTitle')}</h1>
      <p>{t('security.codeIntro')}</p>
      <FormErrors form={form} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="terug" value={params.get('terug') ?? '/'} />
        <TextField
          meta={fields.code}
          label={t('security.code')}
          hint={t('security.codeHint')}
          autoComplete="one-time-code"
          inputMode="text"
          autoCapitalize="characters"
          spellCheck={false}
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
