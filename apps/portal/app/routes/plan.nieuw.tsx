import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { requestLocale, useT, pageTitle } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { pillarDomain, pillarOfSlug } from '../lib/livelihood'
import { loadInventory } from '../lib/inventory.server'
import { getFormProps, getInputProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { GoalSchema } from '../lib/plan-schema'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { FormErrors, SelectField, TextareaField } from '../forms/field-components'
import { SaveSafety } from '../components/save-safety'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'
import planStyles from '../styles/plan.css?url'
import { keyedWrite } from '../lib/idempotency.server'
import { IdempotencyKey } from '../components/idempotency-key'

export const meta: MetaFunction = pageTitle('titles.nieuwDoel')
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

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const submission = parseSubmission(formData, GoalSchema)
  // On any problem the client's words come back in the box: nothing typed is lost.
  if (submission.status !== 'success') return data({ result: reply(submission), saved: null }, { status: 400 })
  const response = await keyedWrite(formData, (options) =>
    api(context, request).clients[':clientId'].goals.$post({ param: { clientId: user.id }, json: submission.value }, options),
  )
  if (!response.ok) return data({ result: await replyWithProblem(submission, response), saved: null }, { status: response.status })
  const { goal, safety } = await response.json()
  // The words were saved as written; after a crisis signal the help card comes first, then the goal.
  if (safety.detected) return data({ result: null, saved: { goalId: goal.id, safety } })
  throw redirect(`/plan/doel/${goal.id}?nieuw=1`)
}

export default function NewGoal() {
  const t = useT()
  const result = useActionAnswer<typeof action>()
  const { search } = useLocation()
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
  // A new priority chosen (the address changes) starts a new form with its wish as the first words.
  return <NewGoalSteps key={search} result={result?.result} />
}

/** Choosing a priority, then the goal's form (its own component: the form's hook runs only here). */
function NewGoalSteps({ result }: { result: SubmissionResult<string[]> | null | undefined }) {
  const t = useT()
  const { priorities, domains, priority, fromPillar, step } = useLoaderData<typeof loader>()
  const [goalForm, goal] = useSchemaForm({
    id: 'goal',
    schema: GoalSchema,
    lastResult: result,
    defaultValue: { text: priority?.wish ?? '', domain: priority?.domain ?? fromPillar?.domain ?? '', wish: priority?.wish ?? '' },
  })
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
          <FormErrors form={goalForm} />
          <Form method="post" className="stack" {...getFormProps(goalForm)}>
            <IdempotencyKey />
            <input key={goal.wish.key} {...getInputProps(goal.wish, { type: 'hidden' })} />
            <TextareaField meta={goal.text} label={t('plan.new.text')} hint={t('plan.new.textHint')} rows={3} />
            <SelectField
              meta={goal.domain}
              label={t('plan.goal.domain')}
              emptyOption={t('plan.noDomain')}
              options={domains.map((domain) => ({ value: domain, label: domainLabel(t, domain) }))}
            />
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
