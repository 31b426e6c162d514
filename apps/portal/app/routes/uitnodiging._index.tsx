import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { accept, lookup } from '../lib/invitation.server'
import { CodeForm } from '../lib/invitation-forms'
import { useT, pageTitle } from '../lib/i18n'
import { AcceptInvitation } from '../components/accept-invitation'
import { FormErrors, TextField } from '../forms/field-components'
import { parseSubmission, reply } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.uitnodiging')

/*
 * Two steps on one address: the code, then (with the code carried along in a hidden field) the user
 * name and password. Every post carries the code, so it is read and looked up first.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseSubmission(formData, CodeForm)
  if (submission.status !== 'success') return data({ step: 'code' as const, result: reply(submission) }, { status: 400 })
  const code = submission.value.code
  const found = await lookup(request, context, { code })
  if (!found.preview) return data({ step: 'code' as const, result: reply(submission, { problem: found.problem }) }, { status: 400 })
  const preview = found.preview
  if (formData.get('intent') === 'accept') {
    const answer = await accept(request, context, formData, { code }, preview.existingUsername !== null)
    return data({ step: 'accept' as const, code, preview, result: answer.data.result }, { status: answer.init?.status ?? 400 })
  }
  return { step: 'accept' as const, code, preview, result: null }
}

export default function InvitationCode() {
  const t = useT()
  const answer = useActionAnswer<typeof action>()
  const [form, fields] = useSchemaForm({ id: 'invitation-code', schema: CodeForm, lastResult: answer?.step === 'code' ? answer.result : null })
  if (answer?.step === 'accept') {
    return <AcceptInvitation preview={answer.preview} secret={{ name: 'code', value: answer.code }} result={answer.result} />
  }
  return (
    <div className="page page--narrow">
      <h1>{t('invite.codeTitle')}</h1>
      <p>{t('invite.codeIntro')}</p>
      <FormErrors form={form} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <TextField
          meta={fields.code}
          label={t('invite.code')}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          className="input-code"
        />
        <button type="submit" className="button">
          {t('invite.codeButton')}
        </button>
      </Form>
    </div>
  )
}
