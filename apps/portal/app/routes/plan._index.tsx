import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadPlan, loadPlanAgreement } from '../lib/plan.server'
import { SignForm } from '../lib/review-forms'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { Agreement } from '../components/agreement'
import { FormProblem, Notice } from '../components/field'
import { StepItem } from '../components/plan/step-item'
import planStyles from '../styles/plan.css?url'

export const meta: MetaFunction = pageTitle('titles.mijnActieplan')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: planStyles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const [plan, agreement] = await Promise.all([loadPlan(request, context, user.id), loadPlanAgreement(request, context, user.id)])
  if (!plan) throw new Response('forbidden', { status: 403 })
  return { plan, agreement, viewerId: user.id }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const submission = parseSubmission(await request.formData(), SignForm)
  if (submission.status !== 'success') return data({ result: reply(submission) }, { status: 400 })
  const { contentHash } = submission.value
  const response = await api(context, request).clients[':clientId']['action-plan'].agreement.signatures.$post({
    param: { clientId: user.id },
    json: contentHash ? { contentHash } : {},
  })
  if (!response.ok) return data({ result: await replyWithProblem(submission, response) }, { status: response.status })
  throw redirect('/plan?getekend=1')
}

/** The client's action plan: every goal with its steps, loose steps from the assistant, the agreement. */
export default function PlanPage() {
  const t = useT()
  const { plan, agreement, viewerId } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  return (
    <div className="page page--narrow plan">
      <h1>{t('plan.title')}</h1>
      <p className="lead">{t('plan.intro')}</p>
      {params.get('weg') ? <Notice>{t('plan.goal.removed')}</Notice> : null}
      {params.get('getekend') ? <Notice>{t('plan.saved')}</Notice> : null}
      {/* The sign button's problem (a newer version, no share) above the plan. */}
      <FormProblem code={result?.result.error?.['']?.[0] ?? null} />
      <p className="card-actions">
        <Link to="/plan/nieuw" className="button">
          {t('plan.newGoal')}
        </Link>
        <Link to="/plan/afdrukken" className="button button--secondary">
          {t('plan.print')}
        </Link>
      </p>
      {plan.goals.length === 0 ? <p>{t('plan.empty')}</p> : null}
      {plan.goals.map((goal) => (
        <section key={goal.id} className="card goal-card" aria-labelledby={`goal-${goal.id}`} data-testid="goal">
          <p className="muted goal-domain">{goal.domain ? domainLabel(t, goal.domain) : t('plan.noDomain')}</p>
          <h2 id={`goal-${goal.id}`} className="goal-text">
            <Link to={`/plan/doel/${goal.id}`}>{goal.text}</Link>
          </h2>
          {goal.actions.length === 0 ? (
            <p className="muted">{t('plan.noSteps')}</p>
          ) : (
            <ul className="steps">
              {goal.actions.map((step) => (
                <StepItem key={step.id} step={step} editable={false} />
              ))}
            </ul>
          )}
          <Link to={`/plan/doel/${goal.id}`} className="text-link">
            {t('plan.openGoal')}
          </Link>
        </section>
      ))}
      {plan.unattached.length > 0 ? (
        <section className="card" aria-labelledby="loose-steps">
          <h2 id="loose-steps">{t('plan.unattached')}</h2>
          <ul className="steps">
            {plan.unattached.map((step) => (
              <StepItem key={step.id} step={step} editable={false} />
            ))}
          </ul>
        </section>
      ) : null}
      {agreement && plan.goals.length > 0 ? (
        <div className="card">
          <Agreement agreement={agreement} title={t('plan.agreement.title')} intro={t('plan.agreement.intro')} viewerId={viewerId} />
        </div>
      ) : null}
    </div>
  )
}
