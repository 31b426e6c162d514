import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { FormErrors, TextareaField } from '../forms/field-components'
import { requireRole } from '../lib/auth.server'
import { pageTitle, useT } from '../lib/i18n'
import { problemText } from '../lib/problem-text'
import { backPath, clientName, loadOwnComment, overOf, ownCommentAction } from '../lib/own-comment.server'
import { EditOwnCommentForm, type OwnCommentResult } from '../lib/own-comment-forms'
import { Notice } from '../components/field'
import { IdempotencyKey } from '../components/idempotency-key'
import { SaveSafety } from '../components/save-safety'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = pageTitle('titles.reactieAanpassen')
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

const Params = z.object({ clientId: z.string().uuid(), commentId: z.string().uuid() })

/**
 * A worker's (or peer expert's) own comment or suggestion, to change or remove (docs/decisions/017):
 * plain forms, no JavaScript needed. `?over=doel&bij=<goal>` or `?over=netwerk` say where it is
 * (default: on a statement). Only the author's own, not removed, comment has forms; anything else
 * says it is not there (the API refuses anyone else's anyway, and logs it).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId, commentId } = parsed.data
  const url = new URL(request.url)
  const over = overOf(url.searchParams.get('over'))
  const [comment, name] = await Promise.all([
    loadOwnComment(context, request, { clientId, commentId, over, goalId: url.searchParams.get('bij') }),
    clientName(context, request, clientId),
  ])
  const own = comment && comment.authorId === user.id ? comment : null
  return data({ clientId, over, name, back: backPath(clientId, over), comment: own }, { status: own ? 200 : 404 })
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const url = new URL(request.url)
  const over = overOf(url.searchParams.get('over'))
  const outcome = await ownCommentAction(context, request, { ...parsed.data, over }, await request.formData())
  if ('done' in outcome) {
    url.searchParams.set('klaar', outcome.done)
    throw redirect(`${url.pathname}${url.search}`)
  }
  return data<OwnCommentResult>(outcome.result, { status: outcome.status })
}

export default function ChangeOwnComment() {
  const t = useT()
  const { comment, name, back } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const done = params.get('klaar')
  const client = name ?? t('ownWords.someone')
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        {/* A plain link: the worker's page opens its panel tab by the address's #reacties, which a script navigation would not apply. */}
        <a href={back}>← {t('ownWords.back')}</a>
      </p>
      <h1>{t('ownWords.commentChangeTitle')}</h1>
      {answer?.safety ? <SaveSafety screen={answer.safety} /> : null}
      {done === 'verwijderd' ? <Notice>{t('ownWords.commentRemoved')}</Notice> : null}
      {done === 'aangepast' || answer?.saved ? <Notice>{t('ownWords.commentChanged')}</Notice> : null}
      {!comment ? (
        done === 'verwijderd' ? null : <p data-testid="own-comment-gone">{t('ownWords.commentGone')}</p>
      ) : (
        <CommentForms key={comment.version} comment={comment} client={client} result={answer && !answer.saved ? answer : null} />
      )}
    </div>
  )
}

type Loaded = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['comment']>

function CommentForms({ comment, client, result }: { comment: Loaded; client: string; result: OwnCommentResult | null }) {
  const t = useT()
  const editResult = result?.intent === 'edit' ? result.form : null
  const [form, fields] = useSchemaForm({
    id: `own-comment-${comment.id}`,
    schema: EditOwnCommentForm,
    lastResult: editResult,
    defaultValue: { body: comment.body, suggestedText: comment.suggestedText ?? '' },
  })
  const failed = Boolean(editResult?.error && Object.values(editResult.error).some((errors) => errors && errors.length > 0))
  const removeProblem = result?.intent === 'remove' ? result.form?.error?.['']?.[0] : null
  const place = (
    <>
      <input type="hidden" name="version" value={comment.version} />
      {comment.targetId ? <input type="hidden" name="targetId" value={comment.targetId} /> : null}
    </>
  )
  return (
    <>
      <section className="card" data-testid="own-comment">
        <p>{comment.body}</p>
        {comment.suggestedText ? (
          <p>
            → <strong>“{comment.suggestedText}”</strong>
          </p>
        ) : null}
        {comment.editedAt ? <p className="muted">{t('ownWords.edited')}</p> : null}
      </section>
      {comment.decided ? (
        <p className="notice">{t('ownWords.suggestionDecided', { name: client })}</p>
      ) : (
        <section className="card">
          <p>{t('ownWords.commentChangeIntro', { name: client })}</p>
          <FormErrors form={form} />
          <Form method="post" className="stack" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="edit" />
            {place}
            <IdempotencyKey scope={`${comment.id}.edit`} />
            <TextareaField meta={fields.body} label={t('ownWords.commentLabel')} hint={failed ? t('ownWords.kept') : undefined} rows={4} />
            {comment.kind === 'suggestion' && comment.over !== 'netwerk' ? (
              <TextareaField meta={fields.suggestedText} label={t('ownWords.suggestionLabel')} rows={3} />
            ) : null}
            <button type="submit" className="button">
              {t('ownWords.save')}
            </button>
          </Form>
        </section>
      )}
      <section className="card">
        {removeProblem ? (
          <p className="notice notice--error" role="alert">
            {problemText(t, 'errors', removeProblem)}
          </p>
        ) : null}
        <Form method="post" data-draft="off">
          <input type="hidden" name="intent" value="remove" />
          {place}
          <IdempotencyKey scope={`${comment.id}.remove`} />
          <p className="muted">{t('ownWords.commentRemoveHint', { name: client })}</p>
          <button type="submit" className="button button--secondary" data-testid="remove-own-comment">
            {t('ownWords.remove')}
          </button>
        </Form>
      </section>
    </>
  )
}
