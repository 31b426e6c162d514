import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Fragment } from 'react'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { consentScopes } from '@kracht/method'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { formatDate, requestLocale, useLocale, useT } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadInventory } from '../lib/inventory.server'
import { parseForm } from '../lib/forms'
import { endOfDutchDay, fieldText } from '../lib/sharing-forms'
import { FormProblem, Notice } from '../components/field'
import { jsonOrThrow } from '../lib/api-failure.server'

export const meta: MetaFunction = () => [{ title: 'Wie mag wat zien – Kracht' }]

const scopes = consentScopes

// One schema per form; the API checks again (who is linked, which domains exist).
const ShareForm = z.object({
  granteeId: z.string().uuid(),
  scopes: z.array(z.enum(scopes)).min(1),
  excludeDomains: z.array(z.string().max(40)).default([]),
  access: z.enum(['read', 'comment']).default('read'),
  endsAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .or(z.literal('')),
})

// For one team strengths meeting: the inventory, read-only, with a linked worker's team, until a chosen day.
const TeamForm = z.object({
  teamId: z.string().uuid('grantee_not_linked'),
  endsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const client = api(context, request).clients[':clientId']
  const [consents, grantees, teams, inventory] = await Promise.all([
    client.consents.$get({ param: { clientId: user.id }, query: {} }),
    client.grantees.$get({ param: { clientId: user.id } }),
    client['grantee-teams'].$get({ param: { clientId: user.id } }),
    // The organisation's life domains (Krachtwerk's ten or ICM's nine): the ones a client can leave out.
    loadInventory(request, context, user, requestLocale(request)),
  ])
  return {
    consents: await jsonOrThrow(consents),
    grantees: await jsonOrThrow(grantees),
    // With the names a team share would cover now: the client sees who, before sharing.
    teams: await jsonOrThrow(teams),
    domains: inventory.domains,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const client = api(context, request).clients[':clientId']
  if (formData.get('intent') === 'stop') {
    const consentId = String(formData.get('consentId') ?? '')
    const response = await client.consents[':consentId'].$delete({ param: { clientId: user.id, consentId } })
    if (!response.ok) return data({ problem: (await readProblem(response)).code }, { status: response.status })
    throw redirect(`/delen?gestopt=${encodeURIComponent(String(formData.get('name') ?? '').slice(0, 80))}`)
  }
  if (formData.get('intent') === 'team') {
    const team = parseForm(TeamForm, formData)
    if (!team.ok) return data({ problem: 'validation_failed', fields: team.fields }, { status: 400 })
    const response = await client.consents.$post({
      param: { clientId: user.id },
      json: { teamId: team.data.teamId, scopes: ['inventory'], excludeDomains: [], access: 'read', endsAt: endOfDutchDay(team.data.endsAt) },
    })
    if (!response.ok) {
      const problem = await readProblem(response)
      return data({ problem: problem.code, fields: problem.fields ?? {} }, { status: response.status })
    }
    const shared = await response.json()
    throw redirect(`/delen?gedeeld=${encodeURIComponent(shared.teamName ?? '')}`)
  }
  const parsed = ShareForm.safeParse({
    granteeId: formData.get('granteeId'),
    scopes: formData.getAll('scopes'),
    excludeDomains: formData.getAll('excludeDomains'),
    access: formData.get('access') ?? 'read',
    endsAt: formData.get('endsAt') ?? '',
  })
  if (!parsed.success) return data({ problem: 'validation_failed' }, { status: 400 })
  const { endsAt, ...rest } = parsed.data
  // A chosen end date means the end of that day, Dutch time.
  const response = await client.consents.$post({
    param: { clientId: user.id },
    json: { ...rest, endsAt: endsAt ? endOfDutchDay(endsAt) : null },
  })
  if (!response.ok) return data({ problem: (await readProblem(response)).code }, { status: response.status })
  const shared = await response.json()
  throw redirect(`/delen?gedeeld=${encodeURIComponent(shared.granteeName ?? shared.teamName ?? '')}`)
}

export default function WhoMaySeeWhat() {
  const t = useT()
  const locale = useLocale()
  const { consents, grantees, teams, domains } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const fields: Record<string, string> = (result && 'fields' in result ? (result.fields as Record<string, string>) : undefined) ?? {}
  const names = (people: { displayName: string }[]) => people.map((person) => person.displayName).join(', ')
  return (
    <div className="page page--narrow">
      <h1>{t('sharing.whoTitle')}</h1>
      <p>{t('sharing.whoIntro')}</p>
      {params.has('gestopt') ? <Notice>{t('sharing.stopped', { name: params.get('gestopt') ?? '' })}</Notice> : null}
      {params.has('gedeeld') ? <Notice>{t('sharing.shared', { name: params.get('gedeeld') ?? '' })}</Notice> : null}
      <FormProblem code={result?.problem} />
      {consents.length === 0 ? (
        <p>{t('sharing.nothingShared')}</p>
      ) : (
        <ul className="rows">
          {consents.map((consent) => (
            <li key={consent.id} className="row" data-testid="consent">
              <div>
                <strong>{t('sharing.sharedWith', { name: consent.granteeName ?? consent.teamName ?? '' })}</strong>
                <br />
                {consent.scopes.map((scope) => t(`sharing.scopes.${scope}` as 'sharing.scopes.inventory')).join(', ')}
                {consent.excludeDomains.length > 0 ? (
                  <>
                    <br />
                    {t('sharing.except', { domains: consent.excludeDomains.map((d) => domainLabel(t, d)).join(', ') })}
                  </>
                ) : null}
                {consent.teamId ? (
                  <>
                    <br />
                    {t('sharing.teamCovers', { names: names(consent.members) })}
                  </>
                ) : null}
                {consent.active && consent.notCovered.length > 0 ? (
                  <>
                    <br />
                    <span data-testid="joined-later">{t('sharing.teamJoinedLater', { names: names(consent.notCovered) })}</span>
                  </>
                ) : null}
                <br />
                <span className="muted">
                  {consent.access === 'comment' ? t('sharing.canComment') : t('sharing.readOnly')},{' '}
                  {consent.endsAt ? t('sharing.until', { date: formatDate(locale, consent.endsAt) }) : t('sharing.noEnd')}
                </span>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="stop" />
                <input type="hidden" name="consentId" value={consent.id} />
                <input type="hidden" name="name" value={consent.granteeName ?? consent.teamName ?? ''} />
                <button type="submit" className="button button--small button--secondary">
                  {t('sharing.stop')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('sharing.shareTitle')}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="share" />
        <fieldset>
          <legend>{t('sharing.with')}</legend>
          {grantees.map((person, index) => (
            <label key={person.id} className="choice">
              <input type="radio" name="granteeId" value={person.id} defaultChecked={index === 0} required /> {person.displayName} ({t(`roles.${person.role}`)})
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('sharing.what')}</legend>
          {scopes.map((scope) => (
            <label key={scope} className="choice">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'inventory'} /> {t(`sharing.scopes.${scope}`)}
            </label>
          ))}
        </fieldset>
        <details>
          <summary>{t('sharing.leaveOut')}</summary>
          {domains.map((domain) => (
            <label key={domain} className="choice">
              <input type="checkbox" name="excludeDomains" value={domain} /> {domainLabel(t, domain)}
            </label>
          ))}
        </details>
        <fieldset>
          <legend>{t('sharing.access')}</legend>
          <label className="choice">
            <input type="radio" name="access" value="read" defaultChecked /> {t('sharing.accessRead')}
          </label>
          <label className="choice">
            <input type="radio" name="access" value="comment" /> {t('sharing.accessComment')}
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="endsAt">{t('sharing.endsAt')}</label>
          <input id="endsAt" type="date" name="endsAt" />
        </div>
        <button type="submit" className="button">
          {t('sharing.share')}
        </button>
      </Form>
      <h2 id="team">{t('sharing.teamTitle')}</h2>
      <p>{t('sharing.teamIntro')}</p>
      {teams.length === 0 ? (
        <p className="muted">{t('sharing.teamNone')}</p>
      ) : (
        <Form method="post" className="stack" aria-labelledby="team" noValidate>
          <input type="hidden" name="intent" value="team" />
          <fieldset className={fields['teamId'] ? 'field--error' : undefined} aria-describedby={fields['teamId'] ? 'teamId-error' : undefined}>
            <legend>{t('sharing.teamWhich')}</legend>
            {teams.map((team, index) => (
              <Fragment key={team.id}>
                <label className="choice">
                  <input type="radio" name="teamId" value={team.id} defaultChecked={index === 0} aria-describedby={`team-${team.id}-who`} />{' '}
                  {t('sharing.teamOf', { team: team.name })}
                </label>
                {/* Outside the label: the names are who the share covers, not what the radio is called. */}
                <p className="hint" id={`team-${team.id}-who`} data-testid="team-who">
                  {team.members.length > 0 ? t('sharing.teamWho', { names: names(team.members) }) : t('sharing.teamWhoNobody')}
                </p>
              </Fragment>
            ))}
            {fields['teamId'] ? (
              <p className="field-error" id="teamId-error" role="alert">
                {fieldText(t, fields['teamId'])}
              </p>
            ) : null}
          </fieldset>
          <div className={fields['endsAt'] ? 'field field--error' : 'field'}>
            <label htmlFor="team-endsAt">{t('sharing.teamEndsAt')}</label>
            <p className="hint" id="team-endsAt-hint">
              {t('sharing.teamEndsHint')}
            </p>
            <input
              id="team-endsAt"
              type="date"
              name="endsAt"
              required
              aria-invalid={fields['endsAt'] ? true : undefined}
              aria-describedby={fields['endsAt'] ? 'team-endsAt-hint team-endsAt-error' : 'team-endsAt-hint'}
            />
            {fields['endsAt'] ? (
              <p className="field-error" id="team-endsAt-error" role="alert">
                {fieldText(t, fields['endsAt'])}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button">
            {t('sharing.teamShare')}
          </button>
        </Form>
      )}
      <p>
        <Link to="/delen/bekeken">{t('sharing.logTitle')}</Link>
      </p>
    </div>
  )
}
