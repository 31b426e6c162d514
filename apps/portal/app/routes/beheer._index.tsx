import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { parseForm } from '../lib/forms'
import { usePlural, useT } from '../lib/i18n'
import { listInvitations, withdraw } from '../lib/invitations.server'
import { Field, FormProblem, Notice } from '../components/field'
import { InvitationList } from '../components/invitation-list'
import { jsonOrThrow } from '../lib/api-failure.server'

export const meta: MetaFunction = () => [{ title: 'Beheer – Kracht' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  const client = api(context, request)
  const [organisation, teams, people, invitations] = await Promise.all([
    client.organisation.$get().then((r) => (r.ok ? r.json() : null)),
    jsonOrThrow(client.teams.$get()),
    jsonOrThrow(client.people.$get({ query: { role: ['client', 'worker', 'peer', 'admin'] } })),
    listInvitations(request, context),
  ])
  return { organisation, teams, people, invitations }
}

const TeamForm = z.object({ name: z.string().trim().min(1, 'required').max(80, 'too_long') })
const SettingsForm = z.object({ domainSet: z.enum(['krachtwerk', 'icm']), priorityLimit: z.coerce.number().int().min(1).max(4) })
const RetentionForm = z.object({ retentionDays: z.coerce.number({ error: 'retention_invalid' }).int('retention_invalid').min(30, 'retention_invalid').max(3650, 'retention_invalid') })
const LinkForm = z.object({ clientId: z.string().uuid('required'), workerId: z.string().uuid('required') })

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'admin')
  const formData = await request.formData()
  const client = api(context, request)
  const intent = formData.get('intent')
  if (intent === 'withdraw') return { ...(await withdraw(request, context, formData)), fields: {}, done: null }
  if (intent === 'settings') {
    const form = parseForm(SettingsForm, formData)
    if (!form.ok) return data({ problem: 'validation_failed', withdrawn: false, fields: form.fields, done: null }, { status: 400 })
    const response = await client.organisation.$put({ json: form.data })
    if (!response.ok) return data({ problem: (await readProblem(response)).code, withdrawn: false, fields: {}, done: null }, { status: response.status })
    return { problem: null, withdrawn: false, fields: {}, done: 'settings' as const }
  }
  if (intent === 'retention') {
    const form = parseForm(RetentionForm, formData)
    if (!form.ok) return data({ problem: 'validation_failed', withdrawn: false, fields: form.fields, done: null }, { status: 400 })
    const response = await client.organisation.retention.$put({ json: form.data })
    if (!response.ok) return data({ problem: (await readProblem(response)).code, withdrawn: false, fields: {}, done: null }, { status: response.status })
    return { problem: null, withdrawn: false, fields: {}, done: 'retention' as const }
  }
  if (intent === 'end-account') {
    // The client can no longer sign in; the daily job erases their data once the retention period has passed.
    const clientId = String(formData.get('clientId') ?? '')
    const response = await client.clients[':clientId'].end.$post({ param: { clientId } })
    if (!response.ok) return data({ problem: (await readProblem(response)).code, withdrawn: false, fields: {}, done: null }, { status: response.status })
    return { problem: null, withdrawn: false, fields: {}, done: 'end-account' as const }
  }
  if (intent === 'deactivate') {
    // Sessions and API tokens end at once (the API does it); the clients' data stays.
    const userId = String(formData.get('userId') ?? '')
    const response = await client.people[':userId'].deactivate.$post({ param: { userId } })
    if (!response.ok) return data({ problem: (await readProblem(response)).code, withdrawn: false, fields: {}, done: null }, { status: response.status })
    return { problem: null, withdrawn: false, fields: {}, done: 'deactivate' as const }
  }
  if (intent === 'team') {
    const form = parseForm(TeamForm, formData)
    if (!form.ok) return data({ problem: 'validation_failed', withdrawn: false, fields: form.fields, done: null }, { status: 400 })
    const response = await client.teams.$post({ json: form.data })
    if (!response.ok) return data({ problem: (await readProblem(response)).code, withdrawn: false, fields: {}, done: null }, { status: 400 })
    return { problem: null, withdrawn: false, fields: {}, done: 'team' as const }
  }
  const form = parseForm(LinkForm, formData)
  if (!form.ok) return data({ problem: 'validation_failed', withdrawn: false, fields: form.fields, done: null }, { status: 400 })
  const response = await client.clients[':clientId'].workers[':workerId'].$put({ param: form.data })
  if (!response.ok) return data({ problem: (await readProblem(response)).code, withdrawn: false, fields: {}, done: null }, { status: 400 })
  return { problem: null, withdrawn: false, fields: {}, done: 'link' as const }
}

export default function Admin() {
  const t = useT()
  const plural = usePlural()
  const { organisation, teams, people, invitations } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const fields: Record<string, string> = result?.fields ?? {}
  const byRole = (role: string) => people.filter((person) => person.role === role)
  const teamName = (id: string | null) => teams.find((team) => team.id === id)?.name
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      <p className="muted">{t('admin.contentNote')}</p>
      {result?.problem === 'domain_set_in_use' ? (
        <div className="notice notice--error" role="alert">
          {t('admin.domainSetInUse')}
        </div>
      ) : (
        <FormProblem code={result?.problem} />
      )}
      {result?.done === 'settings' ? <Notice>{t('admin.settingsSaved')}</Notice> : null}
      {result?.done === 'retention' ? <Notice>{t('rights.retentionSaved')}</Notice> : null}
      {result?.withdrawn ? <Notice>{t('invitation.withdrawn')}</Notice> : null}
      {result?.done === 'link' ? <Notice>{t('admin.linked')}</Notice> : null}
      <p>
        <Link to="/beheer/uitnodigen" className="button">
          {t('admin.invite')}
        </Link>
      </p>

      {organisation ? (
        <section className="card" aria-labelledby="settings-title">
          <h2 id="settings-title">{t('admin.settingsTitle')}</h2>
          <p className="muted">{t('admin.settingsIntro')}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="settings" />
            <fieldset className="field">
              <legend>{t('admin.domainSet')}</legend>
              <label className="choice">
                <input type="radio" name="domainSet" value="krachtwerk" defaultChecked={organisation.domainSet === 'krachtwerk'} /> {t('admin.domainSetKrachtwerk')}
              </label>
              <label className="choice">
                <input type="radio" name="domainSet" value="icm" defaultChecked={organisation.domainSet === 'icm'} /> {t('admin.domainSetIcm')}
              </label>
            </fieldset>
            <div className="field">
              <label htmlFor="priorityLimit">{t('admin.priorityLimit')}</label>
              <p className="hint">{t('admin.priorityLimitHint')}</p>
              <select id="priorityLimit" name="priorityLimit" defaultValue={String(organisation.priorityLimit)}>
                {[1, 2, 3, 4].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              {t('admin.settingsSave')}
            </button>
          </Form>
        </section>
      ) : null}

      {organisation ? (
        <section className="card" aria-labelledby="retention-title">
          <h2 id="retention-title">{t('rights.retentionTitle')}</h2>
          <p className="muted">{t('rights.retentionIntro')}</p>
          <Form method="post" noValidate className="stack">
            <input type="hidden" name="intent" value="retention" />
            <Field
              name="retentionDays"
              type="number"
              inputMode="numeric"
              min={30}
              max={3650}
              label={t('rights.retentionDays')}
              hint={t('rights.retentionHint')}
              defaultValue={String(organisation.retentionDays)}
              error={fields['retentionDays']}
            />
            <button type="submit" className="button button--secondary">
              {t('rights.retentionButton')}
            </button>
          </Form>
        </section>
      ) : null}

      <section className="card" aria-labelledby="teams-title">
        <h2 id="teams-title">{t('admin.teams')}</h2>
        {teams.length === 0 ? <p className="muted">{t('admin.teamsEmpty')}</p> : null}
        <ul className="rows">
          {teams.map((team) => (
            <li key={team.id} className="row">
              <strong>{team.name}</strong>
              <span className="muted">{plural('admin.members', team.memberCount)}</span>
            </li>
          ))}
        </ul>
        <Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="team" />
          <Field name="name" label={t('admin.teamName')} required maxLength={80} error={fields['name']} />
          <button type="submit" className="button button--secondary">
            {t('admin.addTeam')}
          </button>
        </Form>
      </section>

      {(['worker', 'peer', 'admin', 'client'] as const).map((role) => (
        <section className="card" key={role} aria-labelledby={`people-${role}`}>
          <h2 id={`people-${role}`}>{t(role === 'worker' ? 'admin.workers' : role === 'peer' ? 'admin.peers' : role === 'admin' ? 'admin.admins' : 'admin.clients')}</h2>
          {byRole(role).length === 0 ? (
            <p className="muted">{t('admin.nobody')}</p>
          ) : (
            <ul className="rows">
              {byRole(role).map((person) => (
                <li key={person.id} className="row">
                  <span>
                    <strong>{person.displayName}</strong> <span className="muted">({person.username})</span>
                  </span>
                  {teamName(person.teamId) ? <span className="muted">{teamName(person.teamId)}</span> : null}
                  {role !== 'client' && !person.active ? <span className="muted">{t('adminPeople.deactivated')}</span> : null}
                  {role === 'client' && !person.active ? <span className="muted">{t('rights.accountEnded')}</span> : null}
                  {role === 'client' && person.active ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="end-account" />
                      <input type="hidden" name="clientId" value={person.id} />
                      <button type="submit" className="button button--small button--secondary" aria-label={`${t('rights.endAccount')}: ${person.displayName}`} title={t('rights.endAccountHint')}>
                        {t('rights.endAccount')}
                      </button>
                    </Form>
                  ) : null}
                  {role !== 'client' && person.active ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="deactivate" />
                      <input type="hidden" name="userId" value={person.id} />
                      <button type="submit" className="button button--small button--secondary" aria-label={`${t('adminPeople.deactivate')}: ${person.displayName}`}>
                        {t('adminPeople.deactivate')}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}

      <section className="card" aria-labelledby="link-title">
        <h2 id="link-title">{t('admin.linkTitle')}</h2>
        <p className="muted">{t('admin.linkIntro')}</p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="link" />
          <div className="field">
            <label htmlFor="link-client">{t('admin.client')}</label>
            <select id="link-client" name="clientId" required>
              {byRole('client').map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName} ({person.username})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="link-worker">{t('admin.worker')}</label>
            <select id="link-worker" name="workerId" required>
              {byRole('worker').map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t('admin.linkButton')}
          </button>
        </Form>
      </section>

      <InvitationList invitations={invitations} />
    </div>
  )
}
