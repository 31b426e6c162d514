import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { problemText, useT } from '../lib/i18n'
import { invite } from '../lib/invitations.server'
import { Field, FormProblem } from '../components/field'
import { IssuedInvitation } from '../components/issued-invitation'
import { jsonOrThrow } from '../lib/api-failure.server'

export const meta: MetaFunction = () => [{ title: 'Uitnodigen – Kracht' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  const [response, workers] = await Promise.all([
    api(context, request).teams.$get(),
    api(context, request).people.$get({ query: { role: 'worker' } }),
  ])
  return { teams: await jsonOrThrow(response), workers: workers.ok ? (await workers.json()).filter((w) => w.active) : [] }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'admin')
  const result = await invite(request, context, await request.formData())
  return data(result, { status: result.issued ? 200 : 400 })
}

export default function InviteStaff() {
  const t = useT()
  const { teams, workers } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  if (result?.issued) return <div className="page"><IssuedInvitation invitation={result.issued} /></div>
  const fields = result?.fields ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('admin.inviteTitle')}</h1>
      <FormProblem code={result?.problem !== 'validation_failed' ? result?.problem : null} />
      <Form method="post" noValidate className="stack">
        <fieldset className="field">
          <legend>{t('admin.role')}</legend>
          {(['worker', 'peer', 'admin', 'client'] as const).map((role, index) => (
            <label key={role} className="choice">
              <input type="radio" name="role" value={role} defaultChecked={index === 0} /> {t(`roles.${role}`)}
            </label>
          ))}
          {fields['role'] ? <p className="field-error">{problemText(t, 'fields', fields['role'])}</p> : null}
        </fieldset>
        <Field name="displayName" label={t('admin.name')} required maxLength={80} error={fields['displayName']} />
        <div className="field">
          <label htmlFor="teamId">{t('admin.team')}</label>
          <select id="teamId" name="teamId">
            <option value="">{t('admin.noTeam')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="workerId">{t('adminPeople.linkWorker')}</label>
          <select id="workerId" name="workerId" defaultValue="">
            <option value="">{t('adminPeople.noWorker')}</option>
            {workers.map((worker) => (
              <option key={worker.id} value={worker.id}>
                {worker.displayName}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('admin.inviteButton')}
        </button>
      </Form>
    </div>
  )
}
