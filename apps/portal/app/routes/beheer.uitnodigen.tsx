import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { invite } from '../lib/invitations.server'
import { InviteForm, invitationRoles as roles } from '../lib/invitation-forms'
import { IssuedInvitation } from '../components/issued-invitation'
import { jsonOrThrow } from '../lib/api-failure.server'
import { FormErrors, RadioGroup, SelectField, TextField } from '../forms/field-components'

export const meta: MetaFunction = pageTitle('titles.uitnodigen')


export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  const [response, workers] = await Promise.all([
    api(context, request).teams.$get(),
    api(context, request).people.$get({ query: { role: 'worker' } }),
  ])
  return { teams: await jsonOrThrow(response), workers: (await jsonOrThrow(workers)).filter((w) => w.active) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'admin')
  const answer = await invite(request, context, await request.formData())
  return data(answer, { status: answer.issued ? 200 : 400 })
}

export default function InviteStaff() {
  const t = useT()
  const { teams, workers } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  const [form, fields] = useSchemaForm({ id: 'invite', schema: InviteForm, lastResult: answer?.result, defaultValue: { role: 'worker' } })
  if (answer?.issued) return <div className="page"><IssuedInvitation invitation={answer.issued} /></div>
  return (
    <div className="page page--narrow">
      <h1>{t('admin.inviteTitle')}</h1>
      <FormErrors form={form} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <RadioGroup meta={fields.role} legend={t('admin.role')} options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        <TextField meta={fields.displayName} label={t('admin.name')} />
        <SelectField meta={fields.teamId} label={t('admin.team')} emptyOption={t('admin.noTeam')} options={teams.map((team) => ({ value: team.id, label: team.name }))} />
        <SelectField
          meta={fields.workerId}
          label={t('adminPeople.linkWorker')}
          emptyOption={t('adminPeople.noWorker')}
          options={workers.map((worker) => ({ value: worker.id, label: worker.displayName }))}
        />
        <button type="submit" className="button">
          {t('admin.inviteButton')}
        </button>
      </Form>
    </div>
  )
}
