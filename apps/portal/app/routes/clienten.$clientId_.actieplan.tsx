import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams, type ShouldRevalidateFunction } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { clientShare } from '../lib/shared-client.server'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadPlan, loadPlanAgreement } from '../lib/plan.server'
import { SignForm } from '../lib/review-forms'
import { idField, requiredLine, requiredText } from '../forms/fields'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { FormErrors, TextField } from '../forms/field-components'
import { Agreement } from '../components/agreement'
import { FormProblem, Notice, UnsentText } from '../components/field'
import { StepItem } from '../components/plan/step-item'
import planStyles from '../styles/plan.css?url'
import { keyedWrite } from '../lib/idempotency.server'
import { IdempotencyKey } from '../components/idempotency-key'

export const meta: MetaFunction = pageTitle('titles.actieplan')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: planStyles }]

const Params = z.object({ clientId: z.string().uuid() })

// The staff's forms on a shared plan: a remark or a suggested step on one goal (the client
// decides), and signing the plan as shown; told apart by `intent`.
const GoalCommentForm = z.object({ intent: z.literal('comment'), goalId: idField, text: requiredText(1000) })
const GoalSuggestForm = z.object({ intent: z.literal('suggest'), goalId: idField, text: requiredLine(500) })
const StaffPlanForms = z.discriminatedUnion('intent', [GoalCommentForm, GoalSuggestForm, SignForm])

type Result = { intent: string; goalId: string; result: SubmissionResult<string[]> }

/** A worker or peer expert sees the plan only when the client shared `action_plan` (the API's gate logs each read). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const [plan, share] = await Promise.all([loadPlan(request, context, clientId), clientShare(request, context, clientId, 'action_plan')])
  if (!plan) return data({ clientId, viewerId: user.id, name: share.name, access: null, plan: null, agreement: null, role: user.role }, { status: 403 })
  return { clientId, viewerId: user.id, name: share.name, access: share.access, plan, agreement: await loadPlanAgreement(request, context, clientId), role: user.role }
}

/** Comment on a goal, suggest a step (the client decides), or sign the plan as shown. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const formData = await request.formData()
  const answer = { intent: String(formData.get('intent') ?? ''), goalId: String(formData.get('goalId') ?? '') }
  // Whatever goes wrong, what was typed comes back to its goal's form.
  const submission = parseSubmission(formData, StaffPlanForms)
  if (submission.status !== 'success') return data<Result>({ ...answer, result: reply(submission) }, { status: 400 })
  const client = api(context, request).clients[':clientId']
  const form = submission.value
  if (form.intent === 'sign') {
    const response = await client['action-plan'].agreement.signatures.$post({ param: { clientId }, json: form.contentHash ? { contentHash: form.contentHash } : {} })
    if (!response.ok) return data<Result>({ ...answer, result: await replyWithProblem(submission, response) }, { status: response.status })
    throw redirect(`/clienten/${clientId}/actieplan?verstuurd=1`)
  }
  const { goalId, text } = form
  const json = form.intent === 'suggest' ? { kind: 'suggestion' as const, body: '', suggestedWhat: text } : { kind: 'comment' as const, body: text }
  const response = await keyedWrite(formData, (options) => client.goals[':goalId'].comments.$post({ param: { clientId, goalId }, json }, options))
  if (!response.ok) return data<Result>({ ...answer, result: await replyWithProblem(submission, response) }, { status: response.status })
  throw redirect(`/clienten/${clientId}/actieplan?verstuurd=1#doel-${goalId}`)
}

/** A send refused because the client stopped sharing (403): read the page again, so no stale plan stays on screen. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 403 || defaultShouldRevalidate

export default function SharedPlan() {
  const t = useT()
  const { clientId, viewerId, name, access, plan, agreement, role } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  return (
    <div className="page page--narrow plan">
      <p className="breadcrumb">
        <Link to={`/clienten/${clientId}`}>← {t('sharing.backToClient')}</Link>
      </p>
      <h1>{name ? t('plan.worker.title', { name }) : t('plan.worker.titleNoName')}</h1>
      {!plan ? (
        <>
          <p data-testid="plan-not-shared">{t('sharing.notSharedText')}</p>
          <UnsentText result={result?.result} />
        </>
      ) : (
        <>
          {/* A read-only share shows no forms that would only end in a refusal. */}
          {access === 'comment' ? null : (
            <p className="lead" data-testid="access-line">
              {t('plan.worker.readOnly', { name: name ?? '' })}
            </p>
          )}
          {params.get('verstuurd') ? <Notice>{t('plan.worker.sent', { name: name ?? '' })}</Notice> : null}
          {/* The sign button's problem above the plan; a goal's form shows its own. */}
          <FormProblem code={result?.intent === 'sign' ? (result.result.error?.['']?.[0] ?? null) : null} />
          {plan.goals.length === 0 ? <p>{t('plan.worker.empty', { name: name ?? '' })}</p> : null}
          {plan.goals.map((goal) => (
            <section key={goal.id} id={`doel-${goal.id}`} className="card goal-card" data-testid="goal">
              <p className="muted goal-domain">{goal.domain ? domainLabel(t, goal.domain) : t('plan.noDomain')}</p>
              <h2 className="goal-text">{goal.text}</h2>
              {goal.wish ? <p className="goal-wish">{t('plan.worker.wish', { name: name ?? '', wish: goal.wish })}</p> : null}
              <ul className="steps">
                {goal.actions.map((step) => (
                  <StepItem key={step.id} step={step} editable={false} clientName={name ?? ''} />
                ))}
              </ul>
              {goal.remarks.length > 0 ? (
                <ul className="remarks">
                  {goal.remarks.map((remark) => (
                    <li key={remark.id}>{remark.text}</li>
                  ))}
                </ul>
              ) : null}
              {goal.comments.map((comment) =>
                // Removed by its author: only that, never the words (017); the author's own get a link to change or remove them.
                comment.removed ? (
                  <p key={comment.id} className="comment muted">
                    {comment.authorId === viewerId
                      ? t('ownWords.commentRemovedByYou')
                      : t(comment.kind === 'suggestion' ? 'ownWords.suggestionRemovedBy' : 'ownWords.commentRemovedBy', { name: comment.authorName ?? t('ownWords.someone') })}
                  </p>
                ) : (
                  <div key={comment.id} className="comment" data-testid="goal-comment">
                    {comment.kind === 'suggestion' ? (
                      <>
                        <p>
                          <span className="muted">{t('plan.comments.suggestion', { name: comment.authorName ?? '' })} </span>
                          <strong>{comment.suggestedText}</strong>
                          {comment.body ? ` ${comment.body}` : null}
                          {comment.editedAt ? <span className="muted"> · {t('ownWords.edited')}</span> : null}
                        </p>
                        <p className="muted">
                          {comment.status === 'accepted' || comment.status === 'edited'
                            ? t('plan.worker.suggestionAccepted', { name: name ?? '' })
                            : comment.status === 'declined'
                              ? t('plan.worker.suggestionDeclined', { name: name ?? '' })
                              : t('plan.worker.suggestionOpen', { name: name ?? '' })}
                        </p>
                      </>
                    ) : (
                      <p>
                        <span className="muted">{comment.authorName}: </span>
                        {comment.body}
                        {comment.editedAt ? <span className="muted"> · {t('ownWords.edited')}</span> : null}
                      </p>
                    )}
                    {comment.authorId === viewerId ? (
                      <p>
                        <a href={`/clienten/${clientId}/reacties/${comment.id}?over=doel&bij=${goal.id}`} data-testid="change-own-comment">
                          {t('ownWords.commentChangeLink')}
                        </a>
                      </p>
                    ) : null}
                  </div>
                ),
              )}
              {access === 'comment'
                ? (['comment', 'suggest'] as const).map((intent) => (
                    <GoalRemark key={intent} intent={intent} goalId={goal.id} result={result && result.intent === intent && result.goalId === goal.id ? result.result : null} />
                  ))
                : null}
            </section>
          ))}
          {/* As on the client's own page: nothing to sign before there is a goal. */}
          {agreement && role === 'worker' && plan.goals.length > 0 ? (
            <div className="card">
              <Agreement agreement={agreement} title={t('plan.worker.agreementTitle')} intro={t('plan.worker.agreementIntro', { name: name ?? '' })} viewerId={viewerId} />
            </div>
          ) : null}
        </>
      )}
    </div>
  )
}

/** A remark or a suggested step on one goal: its own form and schema, the error beside the field. */
function GoalRemark({ intent, goalId, result }: { intent: 'comment' | 'suggest'; goalId: string; result: SubmissionResult<string[]> | null }) {
  const t = useT()
  const id = `${intent}-${goalId}`
  const [form, fields] = useSchemaForm({ id, schema: intent === 'comment' ? GoalCommentForm : GoalSuggestForm, lastResult: result })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="goalId" value={goalId} />
      <IdempotencyKey scope={id} />
      <FormErrors form={form} />
      {/* No maxlength: a pasted text too long is said beside the field, every word kept. */}
      <TextField meta={fields.text} label={t(intent === 'comment' ? 'plan.worker.comment' : 'plan.worker.suggest')} maxLength={undefined} />
      <button type="submit" className="button button--small button--secondary">
        {t('plan.worker.send')}
      </button>
    </Form>
  )
}
