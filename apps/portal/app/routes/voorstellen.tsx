import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useT } from '../lib/i18n'
import { Notice } from '../components/field'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import { CommentForYou, type KeptReply } from '../components/review/comment-for-you'
import { reviewProblem } from '../components/review/comment-form'
import { SignStep } from '../components/review/sign-step'
import reviewStyles from '../styles/review.css?url'
import { keyedWrite } from '../lib/idempotency.server'
import { jsonOrThrow } from '../lib/api-failure.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reviewStyles }]

export const meta: MetaFunction = () => [{ title: 'Voor jou – Kracht' }]

const DecisionForm = z.object({
  commentId: z.string().uuid(),
  decision: z.enum(['accept', 'edit', 'decline']),
  version: z.coerce.number().int().min(1),
  text: z.string().trim().min(1).max(1000).optional(),
})
const ReplyForm = z.object({ commentId: z.string().uuid(), body: z.string().trim().min(1, 'required').max(1000, 'too_long') })

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const client = api(context, request).clients[':clientId']
  const [inventory, comments, agreement, workers] = await Promise.all([
    client.inventory.$get({ param: { clientId: user.id }, query: {} }),
    client.comments.$get({ param: { clientId: user.id }, query: {} }),
    client.agreement.$get({ param: { clientId: user.id } }),
    client.workers.$get({ param: { clientId: user.id } }),
  ])
  const statements = inventory.ok ? (await inventory.json()).statements : []
  const all = await jsonOrThrow(comments)
  const textOf = (id: string) => statements.find((s) => s.id === id)?.text ?? null
  return {
    userId: user.id,
    displayName: user.displayName,
    firstWorker: workers.ok ? ((await workers.json())[0]?.displayName ?? null) : null,
    suggestions: all.flatMap((c) => {
      const statement = statements.find((s) => s.id === c.targetId)
      return c.kind === 'suggestion' && c.status === 'open' && statement ? [{ ...c, currentText: statement.text, version: statement.version }] : []
    }),
    // Plain comments: the new ones first, the ones already read below ("Eerder"), newest first.
    comments: all
      .filter((c) => c.kind === 'comment')
      .reverse()
      .map((c) => ({ ...c, statementText: textOf(c.targetId) })),
    agreement: agreement.ok ? await agreement.json() : null,
  }
}

type ActionResult = { problem: string | null; kept?: KeptReply; replied?: { safety: ScreenData } }

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const client = api(context, request).clients[':clientId']
  const intent = formData.get('intent')
  if (intent === 'sign') {
    const response = await client.agreement.signatures.$post({ param: { clientId: user.id }, json: { contentHash: String(formData.get('contentHash') ?? '') || undefined } })
    if (!response.ok) return data<ActionResult>({ problem: (await readProblem(response)).code }, { status: response.status })
    throw redirect('/voorstellen?getekend=1')
  }
  if (intent === 'read') {
    const commentId = z.string().uuid().safeParse(formData.get('commentId'))
    if (!commentId.success) return data<ActionResult>({ problem: 'validation_failed' }, { status: 400 })
    const response = await client.comments[':commentId'].read.$post({ param: { clientId: user.id, commentId: commentId.data } })
    if (!response.ok) return data<ActionResult>({ problem: (await readProblem(response)).code }, { status: response.status })
    throw redirect('/voorstellen?gelezen=1')
  }
  if (intent === 'reply') {
    const typed = { commentId: String(formData.get('commentId') ?? ''), body: String(formData.get('body') ?? '') }
    const parsed = ReplyForm.safeParse(typed)
    if (!parsed.success) return data<ActionResult>({ problem: 'validation_failed', kept: { ...typed, problem: parsed.error.issues[0]?.message ?? 'validation_failed' } }, { status: 400 })
    const response = await keyedWrite(formData, (options) => client.comments[':commentId'].replies.$post({ param: { clientId: user.id, commentId: parsed.data.commentId }, json: { body: parsed.data.body } }, options))
    if (!response.ok) {
      const problem = await readProblem(response)
      return data<ActionResult>({ problem: problem.code, kept: { ...typed, problem: (problem.fields && Object.values(problem.fields)[0]) || problem.code } }, { status: response.status })
    }
    const saved = await response.json()
    // A reply that fired the crisis screen was saved as written: stay here and show the help card.
    if (saved.safety.detected) return data<ActionResult>({ problem: null, replied: { safety: saved.safety } })
    throw redirect('/voorstellen?beantwoord=1')
  }
  const parsed = DecisionForm.safeParse({
    commentId: formData.get('commentId'),
    decision: formData.get('decision'),
    version: formData.get('version'),
    text: formData.get('decision') === 'edit' ? formData.get('text') : undefined,
  })
  if (!parsed.success) return data<ActionResult>({ problem: 'validation_failed' }, { status: 400 })
  const { commentId, ...json } = parsed.data
  const response = await client.suggestions[':commentId'].decision.$post({ param: { clientId: user.id, commentId }, json })
  if (!response.ok) return data<ActionResult>({ problem: (await readProblem(response)).code }, { status: response.status })
  throw redirect('/voorstellen?klaar=1')
}

export default function ForYou() {
  const t = useT()
  const { userId, displayName, firstWorker, suggestions, comments, agreement } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const kept = result && 'kept' in result && result.kept ? result.kept : null
  const fresh = comments.filter((c) => !c.readAt)
  const earlier = comments.filter((c) => c.readAt)
  const workerName = firstWorker ?? t('review.someone')
  return (
    <div className="page page--narrow">
      <h1>{t('review.forYouTitle')}</h1>
      <p>{t('review.forYouIntro')}</p>
      {params.get('klaar') ? <Notice>{t('sharing.decided')}</Notice> : null}
      {params.get('gelezen') ? <Notice>{t('review.markedRead', { name: workerName })}</Notice> : null}
      {params.get('beantwoord') || result?.replied ? <Notice>{t('review.replied', { name: workerName })}</Notice> : null}
      {params.get('getekend') ? <Notice>{t('review.signedConfirm')}</Notice> : null}
      {result?.replied ? <SaveSafety screen={result.replied.safety} /> : null}
      {result?.problem && !kept ? (
        <div className="notice notice--error" role="alert">
          {reviewProblem(t, result.problem)}
        </div>
      ) : null}
      {suggestions.length === 0 && fresh.length === 0 ? <p data-testid="for-you-empty">{t('review.forYouEmpty')}</p> : null}

      {fresh.length > 0 ? (
        <section aria-labelledby="comments-title">
          <h2 id="comments-title">{t('review.commentsTitle')}</h2>
          <ul className="rows">
            {fresh.map((c) => (
              <CommentForYou key={c.id} comment={c} statementText={c.statementText} kept={kept} />
            ))}
          </ul>
        </section>
      ) : null}

      {suggestions.length > 0 ? (
        <section aria-labelledby="suggestions-title">
          <h2 id="suggestions-title">{t('sharing.suggestionsTitle')}</h2>
          <p>{t('sharing.suggestionsIntro')}</p>
          <ul className="rows">
            {suggestions.map((s) => (
              <li key={s.id} className="row row--stack" data-testid="suggestion">
                <p className="muted">{t('sharing.now')}</p>
                <p>{s.currentText}</p>
                <p className="muted">{t('sharing.suggestionFrom', { name: s.authorName ?? '' })}</p>
                <p>
                  <strong>{s.suggestedText}</strong>
                </p>
                {s.body ? <p className="muted">{s.body}</p> : null}
                <Form method="post" className="stack">
                  <input type="hidden" name="commentId" value={s.id} />
                  <input type="hidden" name="version" value={s.version} />
                  <button type="submit" name="decision" value="accept" className="button">
                    {t('sharing.accept')}
                  </button>
                  <label htmlFor={`text-${s.id}`}>{t('sharing.yourWords')}</label>
                  <textarea id={`text-${s.id}`} name="text" rows={2} defaultValue={s.suggestedText ?? ''} maxLength={1000} />
                  <button type="submit" name="decision" value="edit" className="button button--secondary">
                    {t('sharing.edit')}
                  </button>
                  <button type="submit" name="decision" value="decline" className="button button--secondary">
                    {t('sharing.decline')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {agreement ? <SignStep agreement={agreement} viewerId={userId} clientName={displayName} workerName={firstWorker} isClient /> : null}

      {earlier.length > 0 ? (
        <details className="card">
          <summary>{t('review.earlierTitle')}</summary>
          <ul className="rows">
            {earlier.map((c) => (
              <CommentForYou key={c.id} comment={c} statementText={c.statementText} kept={kept} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
