import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { requireRole } from '../lib/auth.server'
import { formatDate, requestLocale, useLocale, useT, pageTitle } from '../lib/i18n'
import { problemText } from '../lib/problem-text'
import { loadInventory } from '../lib/inventory.server'
import { domainLabel } from '../lib/inventory'
import { celebrationText } from '../lib/plan'
import { loadPlan } from '../lib/plan.server'
import { goalAction } from '../lib/plan-goal.server'
import { FormProblem, Notice } from '../components/field'
import { GoalCheck } from '../components/plan/goal-check'
import { AcceptStepFormView, AddStepFormView } from '../components/plan/step-form'
import { GoalEdit, RemarkFormView } from '../components/plan/goal-forms'
import { StepItem } from '../components/plan/step-item'
import { SaveSafety } from '../components/save-safety'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'
import planStyles from '../styles/plan.css?url'

export const meta: MetaFunction = pageTitle('titles.mijnDoel')
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: planStyles },
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const plan = await loadPlan(request, context, user.id)
  const goal = plan?.goals.find((row) => row.id === params['goalId'])
  if (!plan || !goal) throw new Response('not found', { status: 404 })
  // The life domains to choose from are the organisation's set (Krachtwerk's ten or ICM's nine).
  const inventory = await loadInventory(request, context, user, requestLocale(request))
  return { goal, people: plan.people, domains: inventory.domains }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const outcome = await goalAction(request, context, user.id, params['goalId'] ?? '', await request.formData())
  if (outcome.kind === 'redirect') throw redirect(outcome.to)
  if (outcome.kind === 'safety') return data({ safety: outcome.safety, notice: outcome.notice, result: null })
  return data({ safety: null, notice: null, result: outcome.result }, { status: outcome.status })
}

export default function GoalPage() {
  const t = useT()
  const locale = useLocale()
  const { goal, people, domains } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const result = answer?.result ?? null
  const celebration = celebrationText(t, params.get('gedaan'))
  const saved = params.get('opgeslagen') ?? (answer?.notice ? 'ja' : null)
  const resultOf = (intent: string) => (result?.intent === intent ? result.result : null)
  // A step's buttons carry no typed text but the new day: its problem stands beside the step.
  const stepProblem = (id: string) => {
    if (!result || result.target !== id || !['done', 'move', 'drop', 'reopen', 'reword'].includes(result.intent)) return null
    const formCode = result.result.error?.['']?.[0]
    const whenCode = result.result.error?.['when']?.[0] ?? result.result.error?.['what']?.[0] ?? result.result.error?.['how']?.[0]
    if (formCode === 'version_conflict') return t('plan.step.conflict')
    return whenCode ? problemText(t, 'fields', whenCode) : problemText(t, 'errors', formCode ?? 'validation_failed')
  }
  const suggestionProblem = result && (result.intent === 'decline' || result.intent === 'remove-remark' || result.intent === 'remove-goal') ? (result.result.error?.['']?.[0] ?? 'validation_failed') : null
  const open = goal.comments.filter((comment) => comment.kind === 'suggestion' && comment.status === 'open')
  return (
    <div className="page page--narrow plan">
      <p className="breadcrumb">
        <Link to="/plan">← {t('plan.title')}</Link>
      </p>
      {celebration ? (
        <div className="notice notice--ok celebration" role="status" data-testid="celebration">
          {celebration}
        </div>
      ) : saved ? (
        <Notice>{t('plan.saved')}</Notice>
      ) : null}
      {answer?.safety ? <SaveSafety screen={answer.safety} /> : null}
      <FormProblem code={suggestionProblem} />
      <section className="card goal-card" aria-labelledby="goal-title">
        <p className="muted goal-domain">{goal.domain ? domainLabel(t, goal.domain) : t('plan.noDomain')}</p>
        <h1 id="goal-title" className="goal-text">
          {goal.text}
        </h1>
        {goal.wish ? <p className="goal-wish">{t('plan.wish', { wish: goal.wish })}</p> : null}
      </section>

      <GoalCheck prompts={goal.check} />

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('plan.steps')}</h2>
        {goal.actions.length === 0 ? <p className="muted">{t('plan.noSteps')}</p> : null}
        <ul className="steps">
          {goal.actions.map((step) => (
            <StepItem key={step.id} step={step} editable error={stepProblem(step.id)} typed={result?.intent === 'reword' && result.target === step.id ? result.result.initialValue : null} />
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="add-step-title" id="nieuwe-stap">
        <h2 id="add-step-title">{t('plan.step.addTitle')}</h2>
        {/* A new key after each saved step empties the form; after a refusal the typing stays. */}
        <AddStepFormView key={resultOf('add-step') ? 'retry' : goal.actions.length} people={people} result={resultOf('add-step')} submitLabel={t('plan.step.add')} />
      </section>

      {goal.comments.length > 0 ? (
        <section className="card" aria-labelledby="comments-title">
          <h2 id="comments-title">{t('plan.comments.title')}</h2>
          {goal.comments.map((comment) => {
            const name = comment.authorName ?? t('plan.comments.someone')
            const deciding = result && result.target === comment.id ? result : null
            return (
              <div key={comment.id} className="comment" data-testid="goal-comment">
                {comment.removed ? (
                  <p className="muted">{t(comment.kind === 'suggestion' ? 'ownWords.suggestionRemovedBy' : 'ownWords.commentRemovedBy', { name })}</p>
                ) : (
                  <p className="muted">
                    {t(comment.kind === 'suggestion' ? 'plan.comments.suggestion' : 'plan.comments.comment', { name })}
                    {comment.editedAt ? ` · ${t('ownWords.edited')}` : null}
                  </p>
                )}
                {comment.suggestedText ? <p><strong>{comment.suggestedText}</strong></p> : null}
                {comment.body ? <p>{comment.body}</p> : null}
                {comment.status === 'accepted' || comment.status === 'edited' ? <p className="muted">{t('plan.comments.accepted')}</p> : null}
                {comment.status === 'declined' ? <p className="muted">{t('plan.comments.declined')}</p> : null}
                {open.includes(comment) ? (
                  <>
                    <p>{t('plan.comments.acceptIntro')}</p>
                    <AcceptStepFormView commentId={comment.id} people={people} result={deciding?.intent === 'accept' ? deciding.result : null} submitLabel={t('plan.comments.accept')} />
                    <Form method="post">
                      <input type="hidden" name="intent" value="decline" />
                      <input type="hidden" name="commentId" value={comment.id} />
                      <button type="submit" className="button button--secondary">
                        {t('plan.comments.decline')}
                      </button>
                    </Form>
                  </>
                ) : null}
              </div>
            )
          })}
        </section>
      ) : null}

      <section className="card" aria-labelledby="progress-title" id="voortgang">
        <h2 id="progress-title">{t('plan.remarks.title')}</h2>
        <p className="muted">{t('plan.remarks.intro')}</p>
        {goal.remarks.length === 0 ? <p>{t('plan.remarks.empty')}</p> : null}
        <ul className="remarks">
          {goal.remarks.map((remark) => (
            <li key={remark.id}>
              <span className="muted">{formatDate(locale, remark.createdAt)}</span>
              <br />
              {remark.text}
              <Form method="post">
                <input type="hidden" name="intent" value="remove-remark" />
                <input type="hidden" name="remarkId" value={remark.id} />
                <button type="submit" className="button button--small button--secondary">
                  {t('plan.remarks.remove')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <RemarkFormView key={goal.remarks.length} result={resultOf('remark')} />
      </section>

      <section className="card" aria-labelledby="edit-goal-title">
        <h2 id="edit-goal-title">{t('plan.goal.editTitle')}</h2>
        <GoalEdit key={goal.version} goal={goal} domains={domains} result={resultOf('goal')} />
        <Form method="post" className="aside">
          <input type="hidden" name="intent" value="remove-goal" />
          <input type="hidden" name="version" value={goal.version} />
          <p className="muted">{t('plan.goal.removeConfirm')}</p>
          <button type="submit" className="button button--secondary">
            {t('plan.goal.remove')}
          </button>
        </Form>
      </section>
    </div>
  )
}
