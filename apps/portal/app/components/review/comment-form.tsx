import { Form } from '@remix-run/react'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../../forms/use-form'
import { useT } from '../../lib/i18n'
import { problemText } from '../../lib/problem-text'
import { CommentForm as CommentSchema } from '../../lib/review-forms'
import { FormErrors, TextareaField } from '../../forms/field-components'
import { IdempotencyKey } from '../idempotency-key'

/**
 * A comment or a rewording on one statement. A real form (works without JavaScript). When saving
 * failed, the form opens with what was typed and says why, beside the field.
 */
export function CommentForm({ statementId, result }: { statementId: string; result: SubmissionResult<string[]> | null | undefined }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: `comment-${statementId}`, schema: CommentSchema, lastResult: result })
  const refused = Boolean(result?.error && Object.values(result.error).some(Boolean))
  return (
    <details className="comment-form" open={refused ? true : undefined}>
      <summary className="button button--small button--secondary">{t('sharing.comment')}</summary>
      <FormErrors form={form} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="comment" />
        <input type="hidden" name="statementId" value={statementId} />
        <IdempotencyKey scope={statementId} />
        {/* After a refusal by the server the words are still in the boxes: say so. No maxlength: the
            browser would cut a pasted text silently; the schema says it is too long and keeps every word. */}
        <TextareaField meta={fields.body} label={t('sharing.commentLabel')} hint={refused ? t('review.keptText') : undefined} rows={2} maxLength={undefined} />
        <TextareaField meta={fields.suggestedText} label={t('sharing.suggestLabel')} rows={2} maxLength={undefined} />
        <button type="submit" className="button button--small">
          {t('sharing.comment')}
        </button>
      </Form>
    </details>
  )
}

/** The review pages' own words for a problem code first, then the general ones. */
export function reviewProblem(t: ReturnType<typeof useT>, code: string): string {
  const own = `review.errors.${code}`
  const known = ['suggestions_open', 'already_signed', 'version_conflict', 'forbidden', 'not_found', 'too_long', 'required'] as const
  const match = known.find((k) => `review.errors.${k}` === own)
  return match ? t(`review.errors.${match}`) : problemText(t, 'errors', code)
}
