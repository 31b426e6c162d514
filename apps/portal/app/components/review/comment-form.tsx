import { useEffect } from 'react'
import { Form, Link } from '@remix-run/react'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../../forms/use-form'
import { useT } from '../../lib/i18n'
import { problemText } from '../../lib/problem-text'
import { CommentForm as CommentSchema } from '../../lib/review-forms'
import { FormErrors, TextareaField } from '../../forms/field-components'
import { IdempotencyKey } from '../idempotency-key'

/** The page of a client with one statement's comment form open (`?reageer=`), at that statement. */
export const commentHref = (clientId: string, statementId: string) => `/clienten/${clientId}?reageer=${statementId}#zin-${statementId}`
/** The page with no form open, at the statement. */
export const closedHref = (clientId: string, statementId: string) => `/clienten/${clientId}#zin-${statementId}`

/**
 * "Reageer" under a statement: a real link that opens this statement's form (one form on the page, not
 * one per statement). Its name says which statement, for a screen reader.
 */
export function CommentLink({ clientId, statementId, statementText }: { clientId: string; statementId: string; statementText: string }) {
  const t = useT()
  // No wrapper, no test id, no route discovery (the link leads to this same page): it is on every statement.
  return (
    <Link to={commentHref(clientId, statementId)} preventScrollReset discover="none" className="button button--small button--secondary comment-open">
      {t('review.commentOpen')}
      <span className="visually-hidden">{` ${t('review.commentOpenOn', { text: statementText })}`}</span>
    </Link>
  )
}

/**
 * A comment or a rewording on one statement: the page's only comment form. A real form (works
 * without JavaScript) that posts back to the page with this form open, so a refused save comes back
 * open with what was typed and says why, beside the field. Opened with JavaScript, the cursor goes
 * into the box.
 */
export function CommentForm({
  clientId,
  statementId,
  result,
  unsent = false,
  hidden = false,
}: {
  clientId: string
  statementId: string
  result: SubmissionResult<string[]> | null | undefined
  /** Sending failed (no connection): the words are still in the boxes (the page never left), and it says so. */
  unsent?: boolean
  /**
   * Saved, and shown no more: an empty copy stays in the page, out of sight, so the draft keeper
   * (components/draft-keeper.tsx) sees the form emptied and forgets its draft (a save that needed
   * the help card is not a redirect).
   */
  hidden?: boolean
}) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: `comment-${statementId}`, schema: CommentSchema, lastResult: result })
  const refused = Boolean(result?.error && Object.values(result.error).some(Boolean))
  const bodyId = fields.body.id
  useEffect(() => {
    if (hidden) return
    document.getElementById(bodyId)?.focus()
  }, [bodyId, hidden])
  return (
    <div className="comment-form" hidden={hidden} data-testid="comment-form">
      <FormErrors form={form} />
      <Form method="post" action={commentHref(clientId, statementId)} preventScrollReset className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="comment" />
        <input type="hidden" name="statementId" value={statementId} />
        <IdempotencyKey scope={statementId} />
        {/* After a refusal by the server the words are still in the boxes: say so. No maxlength: the
            browser would cut a pasted text silently; the schema says it is too long and keeps every word. */}
        <TextareaField meta={fields.body} label={t('sharing.commentLabel')} hint={refused ? t('review.keptText') : undefined} rows={3} maxLength={undefined} />
        <TextareaField meta={fields.suggestedText} label={t('sharing.suggestLabel')} rows={2} maxLength={undefined} />
        {unsent ? (
          <p className="draft-alert" role="alert" data-testid="comment-unsent">
            {t('drafts.saveFailed')}
          </p>
        ) : null}
        <div className="comment-actions">
          <button type="submit" className="button button--small">
            {t('sharing.comment')}
          </button>
          {/* A link, not a submit: with JavaScript the draft keeper holds what was typed on this device and
              puts it back when the form opens again. Without JavaScript there is nowhere to keep it but the
              server (a stored draft of a worker's words about a client, with its own consent and erasure
              rules) or the address (care text in history and logs), so closing without saving drops it. */}
          <Link to={closedHref(clientId, statementId)} preventScrollReset discover="none" className="button button--small button--secondary">
            {t('review.commentClose')}
            <span className="visually-hidden">{` ${t('review.commentCloseHidden')}`}</span>
          </Link>
        </div>
      </Form>
    </div>
  )
}

/**
 * The review pages' own words for a problem code first, then the general ones. Only ever for an
 * action's answer, which brings the texts of its codes (forms/reply-texts.ts): the pages need not carry them.
 * route-texts: -review.errors
 */
export function reviewProblem(t: ReturnType<typeof useT>, code: string): string {
  const own = `review.errors.${code}`
  const known = ['suggestions_open', 'already_signed', 'version_conflict', 'forbidden', 'not_found', 'too_long', 'required'] as const
  const match = known.find((k) => `review.errors.${k}` === own)
  return match ? t(`review.errors.${match}`) : problemText(t, 'errors', code)
}
