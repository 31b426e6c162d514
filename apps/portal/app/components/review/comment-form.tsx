import { Form } from '@remix-run/react'
import { useT } from '../../lib/i18n'
import { problemText } from '../../lib/i18n'
import type { KeptComment } from './types'
import { IdempotencyKey } from '../idempotency-key'

/**
 * A comment or a rewording on one statement. A real form (works without JavaScript). When saving
 * failed, the page hands back what was typed and the form opens with it and says why.
 */
export function CommentForm({ statementId, kept }: { statementId: string; kept: KeptComment | null }) {
  const t = useT()
  const mine = kept?.statementId === statementId ? kept : null
  const errorId = `comment-error-${statementId}`
  return (
    <details className="comment-form" open={mine ? true : undefined}>
      <summary className="button button--small button--secondary">{t('sharing.comment')}</summary>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="comment" />
        <input type="hidden" name="statementId" value={statementId} />
        <IdempotencyKey scope={statementId} />
        {mine ? (
          <p className="field-error" id={errorId} role="alert">
            {reviewProblem(t, mine.field ?? mine.problem)} {t('review.keptText')}
          </p>
        ) : null}
        <label htmlFor={`body-${statementId}`}>{t('sharing.commentLabel')}</label>
        <textarea
          id={`body-${statementId}`}
          name="body"
          rows={2}
          defaultValue={mine?.body ?? ''}
          aria-describedby={mine ? errorId : undefined}
          aria-invalid={mine ? true : undefined}
        />
        <label htmlFor={`suggest-${statementId}`}>{t('sharing.suggestLabel')}</label>
        <textarea id={`suggest-${statementId}`} name="suggestedText" rows={2} defaultValue={mine?.suggestedText ?? ''} />
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
