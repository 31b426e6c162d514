import type { InputHTMLAttributes } from 'react'
import type { SubmissionResult } from '../forms/use-form'
import { useT } from '../lib/i18n'
import { problemText } from '../lib/problem-text'

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string
  label: string
  hint?: string | undefined
  /** A field code from the catalogue ("required", "username_taken" …). */
  error?: string | undefined
}

/** A labelled input with its hint and error linked for screen readers. */
export function Field({ name, label, hint, error, id, ...input }: FieldProps) {
  const t = useT()
  const fieldId = id ?? `field-${name}`
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ')
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p className="hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error ? (
        <p className="field-error" id={`${fieldId}-error`} role="alert">
          {problemText(t, 'fields', error)}
        </p>
      ) : null}
    </div>
  )
}

export function FormProblem({ code }: { code: string | undefined | null }) {
  const t = useT()
  if (!code) return null
  return (
    <div className="notice notice--error" role="alert">
      {problemText(t, 'errors', code)}
    </div>
  )
}

export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div className="notice notice--ok" role="status">
      {children}
    </div>
  )
}

// The unsent text of a refused staff form lives here, beside Notice, so the worker's page (at the
// 100 kB limit) loads no chunk of its own for it.
/** The typed words of a refused form (its `initialValue`), the fields a person writes in. */
function unsentTexts(result: SubmissionResult<string[]> | null | undefined): string[] {
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
