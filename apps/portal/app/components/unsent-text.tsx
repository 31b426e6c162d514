import type { SubmissionResult } from '../forms/use-form'
import { useT } from '../lib/i18n'

/** The typed words of a refused form (its `initialValue`), the fields a person writes in. */
export function unsentTexts(result: SubmissionResult<string[]> | null | undefined): string[] {
  const values = (result?.initialValue ?? {}) as Record<string, unknown>
  return ['body', 'suggestedText', 'text']
    .map((name) => values[name])
    .filter((value): value is string => typeof value === 'string' && value.trim().length > 0)
}

/**
 * What a worker or peer expert typed when the client stopped sharing before it was sent: the page no
 * longer shows the client's words, but the typed text stays on the screen so nothing is lost.
 */
export function UnsentText({ result }: { result: SubmissionResult<string[]> | null | undefined }) {
  const t = useT()
  const texts = unsentTexts(result)
  if (texts.length === 0) return null
  return (
    <div className="card" data-testid="unsent-text" role="status">
      <p>{t('sharing.unsentText')}</p>
      {texts.map((text, index) => (
        <p key={index} className="unsent-text">
          {text}
        </p>
      ))}
    </div>
  )
}
