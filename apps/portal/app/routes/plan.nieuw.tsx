import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { problemText, requestLocale, useT } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { pillarDomain, pillarOfSlug } from '../lib/livelihood'
import { loadInventory } from '../lib/inventory.server'
import { GoalForm, parseForm, refused, typed } from '../lib/plan.server'
import { FormProblem } from '../components/field'
import { SaveSafety } from '../components/save-safety'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'
import planStyles from '../styles/plan.css?url'
import { keyedWrite } from '../lib/idempotency.server'
import { IdempotencyKey } from '../components/idempotency-key'

export const meta: MetaFunction = () => [{ title: 'Nieuw doel – Kracht' }]
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: planStyles },
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

/** Step 1: choose a priority (a link each, no JavaScript needed). Step 2: the goal, in the client's words. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const inventory = await loadInventory(request, context, user, requestLocale(request))
  const url = new URL(request.url)
  const picked = url.searchParams.get('leefgebied')
  const priority = inventory.priorities.find((p) => p.domain === picked) ?? null
  const free = url.searchParams.get('zonder') === '1'
  // From a pillar of the bridge ("Maak hier een doel van"): the goal starts in the pillar's life
  // domain; the words stay the client's own, so the text starts empty.
  const pillar = pillarOfSlug(url.searchParams.get('pijler') ?? undefined)
  const fromPillar = pillar ? { pillar, domain: pillarDomain(pillar, inventory.domains) } : null
  return { priorities: inventory.priorities, domains: inventory.domains, priority, fromPillar, step: priority || free || fromPillar ? 'goal' : 'choose' }
}

const fields = ['text', 'domain', 'wish'] as const

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const values = typed(formData, fields)
  const form = parseForm(GoalForm, formData)
  if (!form.ok) return data({ problem: 'validation_failed', fields: form.fields, values, saved: null }, { status: 400 })
  const response = await keyedWrite(formData, (options) => api(context, request).clients[':clientId'].goals.$post({ param: { clientId: user.id }, json: form.data }, options))
  if (!response.ok) {
    const problem = await refused(response, 'goal', null, values)
    return data({ problem: problem.problem, fields: problem.fields, values, saved: null }, { status: response.status })
  }
  const { goal, safety } = await response.json()
  // The words were saved as written; after a crisis signal the help card comes first, then the goal.
  if (safety.detected) return data({ problem: null, fields: {}, values, saved: { goalId: goal.id, safety } })
  throw redirect(`/plan/doel/${goal.id}?nieuw=1`)
}

export default function NewGoal() {
  const t = useT()
  const { priorities, domains, priority, fromPillar, step } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  if (result?.saved) {
    return (
      <div className="page page--narrow">
        <SaveSafety screen={result.saved.safety} />
        <p>
          <Link to={`/plan/doel/${result.saved.goalId}`} className="button">
            {t('plan.openGoal')}
          </Link>
        </p>
      </div>
    )
  }
  const values = result?.values ?? { text: priority?.wish ?? '', domain: priority?.domain ?? fromPillar?.domain ?? '', wish: priority?.wish ?? '' }
  const errors = result?.fields ?? {}
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/plan">← {t('plan.title')}</Link>
      </p>
      <h1>{t('plan.new.title')}</h1>
      {step === 'choose' ? (
        <>
          <p>{t('plan.new.intro')}</p>
          {priorities.length === 0 ? (
            <p>
              {t('plan.new.noPriorities')} <Link to="/inventaris/prioriteiten">{t('plan.new.choosePriorities')}</Link>
            </p>
          ) : (
            <ul className="priority-choices">
              {priorities.map((p) => (
                <li key={p.domain} className="card">
                  <Link to={`/plan/nieuw?leefgebied=${encodeURIComponent(p.domain)}`}>
                    <strong>{t('plan.new.fromPriority', { domain: domainLabel(t, p.domain) })}</strong>
                  </Link>
                  {p.wish ? <span className="wish">{p.wish}</span> : null}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/plan/nieuw?zonder=1">{t('plan.new.withoutPriority')}</Link>
          </p>
        </>
      ) : (
        <>
          {priority?.wish ? (
            <p className="card">
              {t('plan.new.wishLabel', { domain: domainLabel(t, priority.domain) })} <span className="wish">{priority.wish}</span>
            </p>
          ) : null}
          {fromPillar ? (
            <p className="card" data-testid="from-pillar">
              {t('livelihood.bridge.fromPillar', { pillar: t(`livelihood.bridge.pillars.${fromPillar.pillar}`) })}
            </p>
          ) : null}
          <FormProblem code={result?.problem && result.problem !== 'validation_failed' ? result.problem : null} />
          <Form method="post" className="stack" noValidate>
            <IdempotencyKey />
            <input type="hidden" name="wish" value={values['wish'] ?? ''} />
            <div className={errors['text'] ? 'field field--error' : 'field'}>
              <label htmlFor="goal-text">{t('plan.new.text')}</label>
              <p className="hint" id="goal-text-hint">
                {t('plan.new.textHint')}
              </p>
              <textarea
                id="goal-text"
                name="text"
                rows={3}
                maxLength={1000}
                defaultValue={values['text'] ?? ''}
                aria-describedby={errors['text'] ? 'goal-text-hint goal-text-error' : 'goal-text-hint'}
                aria-invalid={errors['text'] ? true : undefined}
              />
              {errors['text'] ? (
                <p className="field-error" id="goal-text-error" role="alert">
                  {problemText(t, 'fields', errors['text'])}
                </p>
              ) : null}
            </div>
            <div className={errors['domain'] ? 'field field--error' : 'field'}>
              <label htmlFor="goal-domain">{t('plan.goal.domain')}</label>
              <select id="goal-domain" name="domain" defaultValue={values['domain'] ?? ''} aria-invalid={errors['domain'] ? true : undefined}>
                <option value="">{t('plan.noDomain')}</option>
                {domains.map((domain) => (
                  <option key={domain} value={domain}>
                    {domainLabel(t, domain)}
                  </option>
                ))}
              </select>
              {errors['domain'] ? (
                <p className="field-error" role="alert">
                  {problemText(t, 'fields', errors['domain'])}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button">
              {t('plan.new.save')}
            </button>
          </Form>
          <p>
            <Link to="/plan/nieuw">{t('plan.new.otherPriority')}</Link>
          </p>
        </>
      )}
    </div>
  )
}
