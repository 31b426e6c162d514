import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { FormProblem, Notice } from '../components/field'

export const meta: MetaFunction = () => [{ title: 'Wie mag wat zien – Kracht' }]

const scopes = ['inventory', 'action_plan', 'network', 'sessions'] as const
const domains = ['safety', 'housing', 'finances', 'children', 'partner', 'relationships', 'work', 'leisure', 'health', 'meaning'] as const

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

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const client = api(context, request).clients[':clientId']
  const [consents, grantees] = await Promise.all([
    client.consents.$get({ param: { clientId: user.id }, query: {} }),
    client.grantees.$get({ param: { clientId: user.id } }),
  ])
  return { consents: consents.ok ? await consents.json() : [], grantees: grantees.ok ? await grantees.json() : [] }
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
    json: { ...rest, endsAt: endsAt ? new Date(`${endsAt}T23:59:59+01:00`).toISOString() : null },
  })
  if (!response.ok) return data({ problem: (await readProblem(response)).code }, { status: response.status })
  const shared = await response.json()
  throw redirect(`/delen?gedeeld=${encodeURIComponent(shared.granteeName ?? shared.teamName ?? '')}`)
}

export default function WhoMaySeeWhat() {
  const t = useT()
  const locale = useLocale()
  const { consents, grantees } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
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
      <p>
        <Link to="/delen/bekeken">{t('sharing.logTitle')}</Link>
      </p>
    </div>
  )
}
