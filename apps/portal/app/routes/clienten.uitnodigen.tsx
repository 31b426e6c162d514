import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { requireRole } from '../lib/auth.server'
import { useT } from '../lib/i18n'
import { invite } from '../lib/invitations.server'
import { Field, FormProblem } from '../components/field'
import { IssuedInvitation } from '../components/issued-invitation'

export const meta: MetaFunction = () => [{ title: 'Cliënt uitnodigen – Kracht' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker')
  const formData = await request.formData()
  formData.set('role', 'client')
  const result = await invite(request, context, formData)
  return data(result, { status: result.issued ? 200 : 400 })
}

export default function InviteClient() {
  const t = useT()
  const result = useActionData<typeof action>()
  if (result?.issued) return <div className="page"><IssuedInvitation invitation={result.issued} /></div>
  return (
    <div className="page page--narrow">
      <h1>{t('worker.inviteTitle')}</h1>
      <p>{t('worker.inviteIntro')}</p>
      <FormProblem code={result?.problem !== 'validation_failed' ? result?.problem : null} />
      <Form method="post" noValidate className="stack">
        <Field name="displayName" label={t('worker.displayName')} hint={t('worker.displayNameHint')} required maxLength={80} error={result?.fields['displayName']} />
        <button type="submit" className="button">
          {t('worker.inviteButton')}
        </button>
      </Form>
    </div>
  )
}
