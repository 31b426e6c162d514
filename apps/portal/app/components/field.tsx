import type { InputHTMLAttributes } from 'react'
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
