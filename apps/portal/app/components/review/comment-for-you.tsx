import { Form } from '@remix-run/react'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../../forms/use-form'
import { formatDate, useLocale, useT } from '../../lib/i18n'
import { ReplyForm } from '../../lib/for-you-forms'
import { FormErrors, TextareaField } from '../../forms/field-components'
import type { CommentThread } from './types'
import { IdempotencyKey } from '../idempotency-key'
import { ChangeOwnWords } from '../change-own-words'

/**
 * One comment for the client: the statement it is about, who wrote what, the client's answers,
 * "Gelezen" and a short answer. Real forms (no JavaScript needed); a failed answer comes back typed.
 */
export function CommentForYou({
  comment,
  statementText,
  result,
  change,
}: {
  comment: CommentThread
  statementText: string | null
  result: SubmissionResult<string[]> | null | undefined
  /** The action's answer to a change of one of the client's own answers here. */
  change?: { replyId?: string | undefined; result: SubmissionResult<string[]> | null } | null | undefined
}) {
  const t = useT()
  const locale = useLocale()
  const name = comment.authorName ?? t('review.someone')
  const [form, fields] = useSchemaForm({ id: `reply-${comment.id}`, schema: ReplyForm, lastResult: result })
  return (
    <li className="row row--stack" data-testid="comment-for-you">
      <p className="muted">{t('review.commentFrom', { name })}</p>
      {statementText ? <p className="statement-text">“{statementText}”</p> : null}
      {/* Removed by its author: the place (and her answers) stay, the words are gone (017). */}
      {comment.removed ? (
        <p className="muted" data-testid="comment-removed">
          {t('ownWords.commentRemovedBy', { name })}
        </p>
      ) : (
        <p>
          <strong>{comment.body}</strong>
          {comment.editedAt ? <span className="muted"> · {t('ownWords.edited')}</span> : null}
        </p>
      )}
      <p className="muted">{formatDate(locale, comment.createdAt, true)}</p>
      {/* The client's own answers: she changes or removes them (the worker then sees the new words, or only that one was removed). */}
      {comment.replies.map((reply) =>
        reply.removed ? (
          <p key={reply.id} className="reply muted">
            {t('review.replyRemovedByYou')}
          </p>
        ) : (
          <div key={reply.id} className="reply">
            <p>
              {t('review.yourReply')} {reply.body}
              {reply.editedAt ? <span className="muted"> · {t('ownWords.edited')}</span> : null}
            </p>
            <ChangeOwnWords
              key={`${reply.id}-${reply.version}`}
              id={`reply-change-${reply.id}`}
              itemName="replyId"
              itemId={reply.id}
              hidden={{ commentId: comment.id }}
              version={reply.version}
              text={reply.body}
              intents={{ edit: 'edit-reply', remove: 'remove-reply' }}
              result={change?.replyId === reply.id ? change.result : null}
              removeHint={t('review.replyRemoveHint', { name })}
            />
          </div>
        ),
      )}
      {comment.removed ? null : comment.readAt ? (
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
      {comment.removed ? null : (
        <>
          <FormErrors form={form} />
          <Form method="post" className="stack" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="reply" />
            <IdempotencyKey scope={comment.id} />
            <input type="hidden" name="commentId" value={comment.id} />
            {/* After a refusal by the server the words are still in the box: say so. */}
            <TextareaField meta={fields.body} label={t('review.replyLabel')} hint={result && fields.body.errors ? t('review.keptText') : undefined} rows={2} />
            <button type="submit" className="button button--small">
              {t('review.replyButton')}
            </button>
          </Form>
        </>
      )}
    </li>
  )
}
