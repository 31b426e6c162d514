import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { clientShare } from '../lib/shared-client.server'
import { requireRole } from '../lib/auth.server'
import { problemText, useT } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { failed, loadPlan, loadPlanAgreement, refused } from '../lib/plan.server'
import { Agreement } from '../components/agreement'
import { FormProblem, Notice } from '../components/field'
import { StepItem } from '../components/plan/step-item'
import planStyles from '../styles/plan.css?url'
import { keyedWrite } from '../lib/idempotency.server'
import { IdempotencyKey } from '../components/idempotency-key'

export const meta: MetaFunction = () => [{ title: 'Actieplan – Kracht' }]
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: planStyles }]

const Params = z.object({ clientId: z.string().uuid() })

/** A worker or peer expert sees the plan only when the client shared `action_plan` (the API's gate logs each read). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const [plan, share] = await Promise.all([loadPlan(request, context, clientId), clientShare(request, context, clientId, 'action_plan')])
  if (!plan) return data({ clientId, name: share.name, plan: null, agreement: null, role: user.role }, { status: 403 })
  return { clientId, name: share.name, plan, agreement: await loadPlanAgreement(request, context, clientId), role: user.role }
}

/** Comment on a goal, suggest a step (the client decides), or sign the plan as shown. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const client = api(context, request).clients[':clientId']
  if (intent === 'sign') {
    const hash = String(formData.get('contentHash') ?? '')
    const response = await client['action-plan'].agreement.signatures.$post({ param: { clientId }, json: /^[0-9a-f]{64}$/.test(hash) ? { contentHash: hash } : {} })
    if (!response.ok) return data(await refused(response, intent, null), { status: response.status })
    throw redirect(`/clienten/${clientId}/actieplan?verstuurd=1`)
  }
  const goalId = String(formData.get('goalId') ?? '')
  const text = String(formData.get('text') ?? '').trim()
  const values = { text }
  if (!text) return data(failed(intent, goalId, 'validation_failed', { text: 'required' }, values), { status: 400 })
  const json = intent === 'suggest' ? { kind: 'suggestion' as const, body: '', suggestedWhat: text } : { kind: 'comment' as const, body: text }
  const response = await keyedWrite(formData, (options) => client.goals[':goalId'].comments.$post({ param: { clientId, goalId }, json }, options))
  if (!response.ok) return data(await refused(response, intent, goalId, values), { status: response.status })
  throw redirect(`/clienten/${clientId}/actieplan?verstuurd=1#doel-${goalId}`)
}

export default function SharedPlan() {
  const t = useT()
  const { clientId, name, plan, agreement, role } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  return (
    <div className="page page--narrow plan">
      <p className="breadcrumb">
        <Link to={`/clienten/${clientId}`}>← {t('sharing.caseloadTitle')}</Link>
      </p>
      <h1>{name ? t('plan.worker.title', { name }) : t('plan.worker.titleNoName')}</h1>
      {!plan ? (
        <p data-testid="plan-not-shared">{t('sharing.notSharedText')}</p>
      ) : (
        <>
          {params.get('verstuurd') ? <Notice>{t('plan.saved')}</Notice> : null}
          <FormProblem code={result?.problem && result.problem !== 'validation_failed' ? result.problem : null} />
          {plan.goals.length === 0 ? <p>{t('plan.empty')}</p> : null}
          {plan.goals.map((goal) => (
            <section key={goal.id} id={`doel-${goal.id}`} className="card goal-card" data-testid="goal">
              <p className="muted goal-domain">{goal.domain ? domainLabel(t, goal.domain) : t('plan.noDomain')}</p>
              <h2 className="goal-text">{goal.text}</h2>
              {goal.wish ? <p className="goal-wish">{t('plan.wish', { wish: goal.wish })}</p> : null}
              <ul className="steps">
                {goal.actions.map((step) => (
                  <StepItem key={step.id} step={step} editable={false} />
                ))}
              </ul>
              {goal.remarks.length > 0 ? (
                <ul className="remarks">
                  {goal.remarks.map((remark) => (
                    <li key={remark.id}>{remark.text}</li>
                  ))}
                </ul>
              ) : null}
              {goal.comments.map((comment) => (
                <p key={comment.id} className="comment">
                  <span className="muted">{comment.authorName}: </span>
                  {comment.suggestedText ? <strong>{comment.suggestedText} </strong> : null}
                  {comment.body}
                </p>
              ))}
              {(['comment', 'suggest'] as const).map((intent) => {
                const mine = result && result.target === goal.id && result.intent === intent ? result : null
                const id = `${intent}-${goal.id}`
                return (
                  <Form key={intent} method="post" className="stack" noValidate>
                    <input type="hidden" name="intent" value={intent} />
                    <input type="hidden" name="goalId" value={goal.id} />
                    <IdempotencyKey scope={id} />
                    <div className={mine?.fields['text'] ? 'field field--error' : 'field'}>
                      <label htmlFor={id}>{t(intent === 'comment' ? 'plan.worker.comment' : 'plan.worker.suggest')}</label>
                      <input id={id} name="text" maxLength={intent === 'comment' ? 1000 : 500} defaultValue={mine?.values['text'] ?? ''} />
                      {mine?.fields['text'] ? (
                        <p className="field-error" role="alert">
                          {problemText(t, 'fields', mine.fields['text'])}
                        </p>
                      ) : null}
                    </div>
                    <button type="submit" className="button button--small button--secondary">
                      {t('plan.worker.send')}
                    </button>
                  </Form>
                )
              })}
            </section>
          ))}
          {agreement && role === 'worker' ? (
            <div className="card">
              <Agreement agreement={agreement} title={t('plan.agreement.title')} intro={t('plan.agreement.intro')} />
            </div>
          ) : null}
        </>
      )}
    </div>
  )
}
