import { Form } from '@remix-run/react'
import { formatDate, useLocale, useT } from '../../lib/i18n'
import { reviewProblem } from './comment-form'
import type { CommentThread } from './types'
import { IdempotencyKey } from '../idempotency-key'

export interface KeptReply {
  commentId: string
  body: string
  problem: string
}

/**
 * One comment for the client: the statement it is about, who wrote what, the client's answers,
 * "Gelezen" and a short answer. Real forms (no JavaScript needed); a failed answer comes back typed.
 */
export function CommentForYou({ comment, statementText, kept }: { comment: CommentThread; statementText: string | null; kept: KeptReply | null }) {
  const t = useT()
  const locale = useLocale()
  const name = comment.authorName ?? t('review.someone')
  const mine = kept?.commentId === comment.id ? kept : null
  const errorId = `reply-error-${comment.id}`
  return (
    <li className="row row--stack" data-testid="comment-for-you">
      <p className="muted">{t('review.commentFrom', { name })}</p>
      {statementText ? <p className="statement-text">“{statementText}”</p> : null}
      <p>
        <strong>{comment.body}</strong>
      </p>
      <p className="muted">{formatDate(locale, comment.createdAt, true)}</p>
      {comment.replies.map((reply) => (
        <p key={reply.id} className="reply">
          {t('review.yourReply')} {reply.body}
        </p>
      ))}
      {comment.readAt ? (
        <p className="badge">{t('review.alreadyRead')}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="read" />
          <input type="hidden" name="commentId" value={comment.id} />
          <button type="submit" className="button button--small button--secondary">
            {t('review.markRead')}
          </button>
        </Form>
      )}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="reply" />
        <IdempotencyKey scope={comment.id} />
        <input type="hidden" name="commentId" value={comment.id} />
        <label htmlFor={`reply-${comment.id}`}>{t('review.replyLabel')}</label>
        {mine ? (
          <p className="field-error" id={errorId} role="alert">
            {reviewProblem(t, mine.problem)} {t('review.keptText')}
          </p>
        ) : null}
        <textarea
          id={`reply-${comment.id}`}
          name="body"
          rows={2}
          defaultValue={mine?.body ?? ''}
          aria-invalid={mine ? true : undefined}
          aria-describedby={mine ? errorId : undefined}
        />
        <button type="submit" className="button button--small">
          {t('review.replyButton')}
        </button>
      </Form>
    </li>
  )
}
