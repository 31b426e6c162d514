import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { inviteClient } from '../lib/invitations.server'
import { ClientInviteForm } from '../lib/invitation-forms'
import { IssuedInvitation } from '../components/issued-invitation'
import { FormErrors, TextField } from '../forms/field-components'

export const meta: MetaFunction = pageTitle('titles.clientUitnodigen')

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker')
  const answer = await inviteClient(request, context, await request.formData())
  return data(answer, { status: answer.issued ? 200 : 400 })
}

export default function InviteClient() {
  const t = useT()
  const answer = useActionAnswer<typeof action>()
  const [form, fields] = useSchemaForm({ id: 'invite-client', schema: ClientInviteForm, lastResult: answer?.result })
  if (answer?.issued) return <div className="page"><IssuedInvitation invitation={answer.issued} /></div>
  return (
    <div className="page page--narrow">
      <h1>{t('worker.inviteTitle')}</h1>
      <p>{t('worker.inviteIntro')}</p>
      <FormErrors form={form} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <TextField meta={fields.displayName} label={t('worker.displayName')} hint={t('worker.displayNameHint')} />
        <button type="submit" className="button">
          {t('worker.inviteButton')}
        </button>
      </Form>
    </div>
  )
}
