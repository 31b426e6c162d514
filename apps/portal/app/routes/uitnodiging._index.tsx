import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { parseForm } from '../lib/forms'
import { accept, lookup } from '../lib/invitation.server'
import { useT } from '../lib/i18n'
import { Field, FormProblem } from '../components/field'
import { AcceptInvitation } from '../components/accept-invitation'

export const meta: MetaFunction = () => [{ title: 'Uitnodiging – Kracht' }]

const CodeForm = z.object({ code: z.string().trim().min(1, 'required').max(30, 'too_long') })

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const form = parseForm(CodeForm, formData)
  if (!form.ok) return data({ step: 'code' as const, problem: null, fields: form.fields, code: '', preview: null }, { status: 400 })
  const code = form.data.code
  const found = await lookup(request, context, { code })
  if (!found.preview) {
    return data({ step: 'code' as const, problem: found.problem, fields: {}, code, preview: null }, { status: 400 })
  }
  if (formData.get('intent') === 'accept') {
    const result = await accept(request, context, formData, { code })
    return data({ step: 'accept' as const, ...result.data, code, preview: found.preview }, { status: result.init?.status ?? 400 })
  }
  return { step: 'accept' as const, problem: null, fields: {}, code, preview: found.preview }
}

export default function InvitationCode() {
  const t = useT()
  const result = useActionData<typeof action>()
  if (result?.step === 'accept' && result.preview) {
    return <AcceptInvitation preview={result.preview} secret={{ name: 'code', value: result.code }} result={result} />
  }
  const fields: Record<string, string> = result?.fields ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('invite.codeTitle')}</h1>
      <p>{t('invite.codeIntro')}</p>
      <FormProblem code={result?.problem} />
      <Form method="post" noValidate className="stack">
        <Field
          name="code"
          label={t('invite.code')}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          required
          maxLength={30}
          className="input-code"
          defaultValue={result?.code ?? ''}
          error={fields['code']}
        />
        <button type="submit" className="button">
          {t('invite.codeButton')}
        </button>
      </Form>
    </div>
  )
}
