import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { Notice } from '../components/field'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import { CommentForYou } from '../components/review/comment-for-you'
import { reviewProblem } from '../components/review/comment-form'
import { SignStep } from '../components/review/sign-step'
import reviewStyles from '../styles/review.css?url'
import { keyedWrite } from '../lib/idempotency.server'
import { jsonOrThrow } from '../lib/api-failure.server'
import { DecideForm, ForYouForms } from '../lib/for-you-forms'
import { FormErrors, TextareaField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reviewStyles }]

export const meta: MetaFunction = pageTitle('titles.voorJou')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const client = api(context, request).clients[':clientId']
  const [inventory, comments, agreement, workers] = await Promise.all([
    client.inventory.$get({ param: { clientId: user.id }, query: {} }),
    client.comments.$get({ param: { clientId: user.id }, query: {} }),
    client.agreement.$get({ param: { clientId: user.id } }),
    client.workers.$get({ param: { clientId: user.id } }),
  ])
  const { statements } = await jsonOrThrow(inventory)
  const all = await jsonOrThrow(comments)
  const textOf = (id: string) => statements.find((s) => s.id === id)?.text ?? null
  return {
    userId: user.id,
    displayName: user.displayName,
    firstWorker: workers.ok ? ((await workers.json())[0]?.displayName ?? null) : null,
    suggestions: all.flatMap((c) => {
      const statement = statements.find((s) => s.id === c.targetId)
      return c.kind === 'suggestion' && c.status === 'open' && statement ? [{ ...c, suggestionVersion: c.version, currentText: statement.text, version: statement.version }] : []
    }),
    // Plain comments: the new ones first, the ones already read below ("Eerder"), newest first.
    comments: all
      .filter((c) => c.kind === 'comment')
      .reverse()
      .map((c) => ({ ...c, statementText: textOf(c.targetId) })),
    agreement: agreement.ok ? await agreement.json() : null,
  }
}

type ActionResult = {
  /** Which form answered: a reply or decision form by its comment, the buttons above the page. */
  intent: string
  commentId: string
  result: SubmissionResult<string[]> | null
  replied?: { safety: ScreenData }
  /** A change to one's own answer: which answer, and the help card when the new words fired the screen. */
  replyId?: string
  changed?: { safety: ScreenData }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const answer = { intent: String(formData.get('intent') ?? ''), commentId: String(formData.get('commentId') ?? ''), replyId: String(formData.get('replyId') ?? '') }
  const submission = parseSubmission(formData, ForYouForms)
  if (submission.status !== 'success') return data<ActionResult>({ ...answer, result: reply(submission) }, { status: 400 })
  const client = api(context, request).clients[':clientId']
  const param = { clientId: user.id }
  const form = submission.value
  const refused = async (response: Response) => data<ActionResult>({ ...answer, result: await replyWithProblem(submission, response) }, { status: response.status })
  if (form.intent === 'sign') {
    const response = await client.agreement.signatures.$post({ param, json: { contentHash: form.contentHash } })
    if (!response.ok) return refused(response)
    throw redirect('/voorstellen?getekend=1')
  }
  if (form.intent === 'read') {
    const response = await client.comments[':commentId'].read.$post({ param: { ...param, commentId: form.commentId } })
    if (!response.ok) return refused(response)
    throw redirect('/voorstellen?gelezen=1')
  }
  if (form.intent === 'reply') {
    const response = await keyedWrite(formData, (options) => client.comments[':commentId'].replies.$post({ param: { ...param, commentId: form.commentId }, json: { body: form.body } }, options))
    if (!response.ok) return refused(response)
    const saved = await response.json()
    // A reply that fired the crisis screen was saved as written: stay here and show the help card.
    if (saved.safety.detected) return data<ActionResult>({ ...answer, result: null, replied: { safety: saved.safety } })
    throw redirect('/voorstellen?beantwoord=1')
  }
  if (form.intent === 'edit-reply' || form.intent === 'remove-reply') {
    const target = client.comments[':commentId'].replies[':replyId']
    const at = { param: { ...param, commentId: form.commentId, replyId: form.replyId } }
    const response =
      form.intent === 'remove-reply'
        ? await keyedWrite(formData, (options) => target.$delete({ ...at, query: { version: String(form.version) } }, options))
        : await keyedWrite(formData, (options) => target.$patch({ ...at, json: { body: form.text, version: form.version } }, options))
    // Refused (a newer version, a problem with the words): the typed words come back beside this answer.
    // A conflict answers 200, so that with JavaScript the page reloads the newer words and version too.
    if (response.status === 409) return data<ActionResult>({ ...answer, result: await replyWithProblem(submission, response) })
    if (!response.ok) return refused(response)
    if (response.status === 200) {
      const saved = (await response.json()) as { safety: ScreenData }
      // New words that fired the crisis screen were saved as written: stay here and show the help card.
      if (saved.safety.detected) return data<ActionResult>({ ...answer, result: null, changed: { safety: saved.safety } })
    }
    throw redirect(`/voorstellen?${form.intent === 'remove-reply' ? 'antwoord-weg' : 'antwoord-aangepast'}=1`)
  }
  const { commentId, version, suggestionVersion, decision, text } = form
  const json = { version, suggestionVersion, decision, ...(decision === 'edit' ? { text } : {}) }
  const response = await client.suggestions[':commentId'].decision.$post({ param: { ...param, commentId }, json })
  // A conflict (the words or the sentence changed meanwhile) answers 200, so that the page reloads the newer words with JavaScript too.
  if (response.status === 409) return data<ActionResult>({ ...answer, result: await replyWithProblem(submission, response) })
  if (!response.ok) return refused(response)
  throw redirect('/voorstellen?klaar=1')
}

export default function ForYou() {
  const t = useT()
  const { userId, displayName, firstWorker, suggestions, comments, agreement } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  // A problem of a button (read, sign) stands above; a form's own problem beside the form.
  const forComment = (id: string) => (result && result.commentId === id && (result.intent === 'reply' || result.intent === 'decide') ? result : null)
  const changeOf = (id: string) => (result && result.commentId === id && (result.intent === 'edit-reply' || result.intent === 'remove-reply') ? result : null)
  const buttonProblem = result && (result.intent === 'read' || result.intent === 'sign') ? result.result?.error?.['']?.[0] : null
  const fresh = comments.filter((c) => !c.readAt && !c.removed)
  const earlier = comments.filter((c) => c.readAt || c.removed)
  const workerName = firstWorker ?? t('review.someone')
  return (
    <div className="page page--narrow">
      <h1>{t('review.forYouTitle')}</h1>
      <p>{t('review.forYouIntro')}</p>
      {params.get('klaar') ? <Notice>{t('sharing.decided')}</Notice> : null}
      {params.get('gelezen') ? <Notice>{t('review.markedRead', { name: workerName })}</Notice> : null}
      {params.get('beantwoord') || result?.replied ? <Notice>{t('review.replied', { name: workerName })}</Notice> : null}
      {params.get('getekend') ? <Notice>{t('review.signedConfirm')}</Notice> : null}
      {params.get('antwoord-aangepast') || result?.changed ? <Notice>{t('review.replyChanged', { name: workerName })}</Notice> : null}
      {params.get('antwoord-weg') ? <Notice>{t('review.replyRemoved')}</Notice> : null}
      {result?.replied ? <SaveSafety screen={result.replied.safety} /> : null}
      {result?.changed ? <SaveSafety screen={result.changed.safety} /> : null}
      {buttonProblem ? (
        <div className="notice notice--error" role="alert">
          {reviewProblem(t, buttonProblem)}
        </div>
      ) : null}
      {suggestions.length === 0 && fresh.length === 0 ? <p data-testid="for-you-empty">{t('review.forYouEmpty')}</p> : null}

      {fresh.length > 0 ? (
        <section aria-labelledby="comments-title">
          <h2 id="comments-title">{t('review.commentsTitle')}</h2>
          <ul className="rows">
            {fresh.map((c) => (
              <CommentForYou key={c.id} comment={c} statementText={c.statementText} result={forComment(c.id)?.result} change={changeOf(c.id)} />
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
                  {s.editedAt ? <span className="muted"> · {t('ownWords.edited')}</span> : null}
                </p>
                {s.body ? <p className="muted">{s.body}</p> : null}
                <SuggestionDecision commentId={s.id} version={s.version} suggestionVersion={s.suggestionVersion} suggestedText={s.suggestedText ?? ''} result={forComment(s.id)?.result} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {agreement ? <SignStep agreement={agreement} viewerId={userId} clientName={displayName} workerName={firstWorker} isClient /> : null}

      {earlier.length > 0 ? (
        // Open when a change to an answer in here came back refused: its words and problem are inside.
        <details className="card" open={earlier.some((c) => changeOf(c.id)?.result)}>
          <summary>{t('review.earlierTitle')}</summary>
          <ul className="rows">
            {earlier.map((c) => (
              <CommentForYou key={c.id} comment={c} statementText={c.statementText} result={forComment(c.id)?.result} change={changeOf(c.id)} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}

/** The client's decision on one suggested wording: the three buttons post the same form. */
function SuggestionDecision({
  commentId,
  version,
  suggestionVersion,
  suggestedText,
  result,
}: {
  commentId: string
  version: number
  suggestionVersion: number
  suggestedText: string
  result: SubmissionResult<string[]> | null | undefined
}) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: `decide-${commentId}`, schema: DecideForm, lastResult: result, defaultValue: { text: suggestedText } })
  return (
    <>
      <FormErrors form={form} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="commentId" value={commentId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="suggestionVersion" value={suggestionVersion} />
        <button type="submit" name="decision" value="accept" className="button">
          {t('sharing.accept')}
        </button>
        <TextareaField meta={fields.text} label={t('sharing.yourWords')} rows={2} />
        <button type="submit" name="decision" value="edit" className="button button--secondary">
          {t('sharing.edit')}
        </button>
        <button type="submit" name="decision" value="decline" className="button button--secondary">
          {t('sharing.decline')}
        </button>
      </Form>
    </>
  )
}
