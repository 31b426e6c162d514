import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps } from '../forms/use-form'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { usePlural, useT, pageTitle } from '../lib/i18n'
import { listInvitations } from '../lib/invitations.server'
import { invitationRoles, WithdrawForm } from '../lib/invitation-forms'
import { FormProblem, Notice } from '../components/field'
import { InvitationList } from '../components/invitation-list'
import { jsonOrThrow } from '../lib/api-failure.server'
import { chosenIdField, choiceField, idField, requiredLine } from '../forms/fields'
import { FormErrors, RadioGroup, SelectField, TextField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { useSchemaForm } from '../forms/use-form'
import { careSettings, roles } from '@kracht/method'

export const meta: MetaFunction = pageTitle('titles.beheer')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requireRole(request, context, 'admin')
  const client = api(context, request)
  const [organisation, teams, people, invitations] = await Promise.all([
    client.organisation.$get().then((r) => (r.ok ? r.json() : null)),
    jsonOrThrow(client.teams.$get()),
    jsonOrThrow(client.people.$get({ query: { role: [...roles] } })),
    listInvitations(request, context),
  ])
  return { organisation, teams, people, invitations, meId: me.id }
}

const SettingsForm = z.object({
  intent: z.literal('settings'),
  domainSet: choiceField(['krachtwerk', 'icm']),
  careSetting: choiceField(careSettings),
  priorityLimit: choiceField(['1', '2', '3', '4']).transform(Number),
})
const RetentionForm = z.object({
  intent: z.literal('retention'),
  retentionDays: z.coerce.number({ error: 'retention_invalid' }).int('retention_invalid').min(30, 'retention_invalid').max(3650, 'retention_invalid'),
})
const TeamForm = z.object({ intent: z.literal('team'), name: requiredLine(80) })
const LinkForm = z.object({ intent: z.literal('link'), clientId: chosenIdField, workerId: chosenIdField })
// Buttons beside a person: end a client's account, deactivate a staff account.
const EndAccountForm = z.object({ intent: z.literal('end-account'), clientId: idField })
const DeactivateForm = z.object({ intent: z.literal('deactivate'), userId: idField })

const AdminForms = z.discriminatedUnion('intent', [SettingsForm, RetentionForm, TeamForm, LinkForm, EndAccountForm, DeactivateForm, WithdrawForm])
type AdminForm = z.output<typeof AdminForms>

/** The one API call each form makes. */
function send(client: ReturnType<typeof api>, form: AdminForm) {
  switch (form.intent) {
    case 'settings':
      return client.organisation.$put({ json: { domainSet: form.domainSet, careSetting: form.careSetting, priorityLimit: form.priorityLimit } })
    case 'retention':
      return client.organisation.retention.$put({ json: { retentionDays: form.retentionDays } })
    case 'team':
      return client.teams.$post({ json: { name: form.name } })
    case 'link':
      return client.clients[':clientId'].workers[':workerId'].$put({ param: { clientId: form.clientId, workerId: form.workerId } })
    case 'end-account':
      // The client can no longer sign in; the daily job erases their data once the retention period has passed.
      return client.clients[':clientId'].end.$post({ param: { clientId: form.clientId } })
    case 'deactivate':
      // Sessions and API tokens end at once (the API does it); the clients' data stays.
      return client.people[':userId'].deactivate.$post({ param: { userId: form.userId } })
    case 'withdraw':
      return client.invitations[':invitationId'].$delete({ param: { invitationId: form.invitationId } })
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'admin')
  const formData = await request.formData()
  // Which form answered: each form on the page gets back only its own errors.
  const intent = String(formData.get('intent') ?? '')
  const submission = parseSubmission(formData, AdminForms)
  if (submission.status !== 'success') return data({ intent, result: reply(submission), done: null }, { status: 400 })
  const response: Response = await send(api(context, request), submission.value)
  if (!response.ok) {
    const result = await replyWithProblem(submission, response, { fieldFor: (code) => (code === 'domain_set_in_use' ? 'domainSet' : null) })
    return data({ intent, result, done: null }, { status: response.status })
  }
  return { intent, result: null, done: submission.value.intent }
}

export default function Admin() {
  const t = useT()
  const plural = usePlural()
  const { organisation, teams, people, invitations, meId } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const lastResult = (intent: string) => (result?.intent === intent ? result.result : null)
  const [settingsForm, settings] = useSchemaForm({
    id: 'settings',
    schema: SettingsForm,
    lastResult: lastResult('settings'),
    defaultValue: { intent: 'settings', domainSet: organisation?.domainSet, careSetting: organisation?.careSetting, priorityLimit: String(organisation?.priorityLimit ?? 4) },
  })
  const [retentionForm, retention] = useSchemaForm({
    id: 'retention',
    schema: RetentionForm,
    lastResult: lastResult('retention'),
    defaultValue: { intent: 'retention', retentionDays: String(organisation?.retentionDays ?? '') },
  })
  const [teamForm, team] = useSchemaForm({ id: 'team', schema: TeamForm, lastResult: lastResult('team') })
  const [linkForm, link] = useSchemaForm({ id: 'link', schema: LinkForm, lastResult: lastResult('link') })
  // The buttons beside people and invitations have no fields: their problem stands at the top.
  const buttonProblem = ['end-account', 'deactivate', 'withdraw'].includes(result?.intent ?? '') ? result?.result?.error?.['']?.[0] : null
  const byRole = (role: string) => people.filter((person) => person.role === role)
  const teamName = (id: string | null) => teams.find((team) => team.id === id)?.name
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      <p className="muted">{t('admin.contentNote')}</p>
      <FormProblem code={buttonProblem} />
      {result?.done === 'settings' ? <Notice>{t('admin.settingsSaved')}</Notice> : null}
      {result?.done === 'retention' ? <Notice>{t('rights.retentionSaved')}</Notice> : null}
      {result?.done === 'withdraw' ? <Notice>{t('invitation.withdrawn')}</Notice> : null}
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
          <FormErrors form={settingsForm} />
          <Form method="post" className="stack" {...getFormProps(settingsForm)}>
            <input type="hidden" name="intent" value="settings" />
            <RadioGroup
              meta={settings.domainSet}
              legend={t('admin.domainSet')}
              options={[
                { value: 'krachtwerk', label: t('admin.domainSetKrachtwerk') },
                { value: 'icm', label: t('admin.domainSetIcm') },
              ]}
            />
            <SelectField meta={settings.careSetting} label={t('admin.careSetting')} hint={t('admin.careSettingHint')} options={careSettings.map((setting) => ({ value: setting, label: t(`admin.careSettings.${setting}`) }))} />
            <SelectField meta={settings.priorityLimit} label={t('admin.priorityLimit')} hint={t('admin.priorityLimitHint')} options={['1', '2', '3', '4'].map((n) => ({ value: n, label: n }))} />
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
          <FormErrors form={retentionForm} />
          <Form method="post" className="stack" {...getFormProps(retentionForm)}>
            <input type="hidden" name="intent" value="retention" />
            <TextField meta={retention.retentionDays} type="number" inputMode="numeric" min={30} max={3650} label={t('rights.retentionDays')} hint={t('rights.retentionHint')} />
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
        <FormErrors form={teamForm} />
        <Form method="post" className="stack" {...getFormProps(teamForm)}>
          <input type="hidden" name="intent" value="team" />
          <TextField meta={team.name} label={t('admin.teamName')} />
          <button type="submit" className="button button--secondary">
            {t('admin.addTeam')}
          </button>
        </Form>
      </section>

      {invitationRoles.map((role) => (
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
                  {/* Not beside one's own name: the API refuses it (a coordinator cannot lock themselves out). */}
                  {role !== 'client' && person.active && person.id === meId ? <span className="muted">{t('adminPeople.you')}</span> : null}
                  {role !== 'client' && person.active && person.id !== meId ? (
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
        <FormErrors form={linkForm} />
        <Form method="post" className="stack" {...getFormProps(linkForm)}>
          <input type="hidden" name="intent" value="link" />
          <SelectField meta={link.clientId} label={t('admin.client')} options={byRole('client').map((person) => ({ value: person.id, label: `${person.displayName} (${person.username})` }))} />
          <SelectField meta={link.workerId} label={t('admin.worker')} options={byRole('worker').map((person) => ({ value: person.id, label: person.displayName }))} />
          <button type="submit" className="button button--secondary">
            {t('admin.linkButton')}
          </button>
        </Form>
      </section>

      <InvitationList invitations={invitations} />
    </div>
  )
}
