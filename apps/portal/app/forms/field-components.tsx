import { Fragment, type ReactNode } from 'react'
import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
  type FormMetadata,
} from './use-form'
import { useT } from '../lib/i18n'
import { fieldText } from './field-text'
import type { OwnGroup } from './submission.server'

/*
 * The field markup every form shares: a label (or legend), an optional hint, the control, and the
 * error beside it. The control points at hint and error with aria-describedby and says
 * aria-invalid when there is an error, so a screen reader reads the problem with the field.
 */

type Meta<S> = FieldMetadata<S>

/** The first error of a field in the reader's language, with the id the control points at. */
export function FieldErrorText({ id, errors, own }: { id: string; errors: string[] | undefined; own?: OwnGroup | undefined }) {
  const t = useT()
  const code = errors?.[0]
  if (!code) return null
  return (
    <p className="field-error" id={id} role="alert">
      {fieldText(t, code, 'fields', own)}
    </p>
  )
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="hint" id={id}>
      {children}
    </p>
  )
}

interface GroupProps<S> {
  meta: Meta<S>
  label: ReactNode
  hint?: ReactNode
  children: ReactNode
  /** `fieldset` with a legend for a group of radios or checkboxes, `div` with a label for one control. */
  as?: 'div' | 'fieldset'
  className?: string
  /** The catalogue group of the form's own error codes (network.errors), read before the general field codes. */
  own?: OwnGroup | undefined
}

/** The frame around one field: label or legend, hint, control, error. */
export function FieldGroup<S>({ meta, label, hint, children, as = 'div', className, own }: GroupProps<S>) {
  const classes = ['field', meta.errors ? 'field--error' : null, className].filter(Boolean).join(' ')
  if (as === 'fieldset') {
    return (
      <fieldset className={classes} aria-describedby={describedBy(meta, Boolean(hint))}>
        <legend>{label}</legend>
        {hint ? <Hint id={meta.descriptionId}>{hint}</Hint> : null}
        {children}
        <FieldErrorText id={meta.errorId} errors={meta.errors} own={own} />
      </fieldset>
    )
  }
  return (
    <div className={classes}>
      <label htmlFor={meta.id}>{label}</label>
      {hint ? <Hint id={meta.descriptionId}>{hint}</Hint> : null}
      {children}
      <FieldErrorText id={meta.errorId} errors={meta.errors} own={own} />
    </div>
  )
}

function describedBy<S>(meta: Meta<S>, hasHint: boolean): string | undefined {
  return [hasHint ? meta.descriptionId : null, meta.errors ? meta.errorId : null].filter(Boolean).join(' ') || undefined
}

type InputExtras = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type' | 'defaultValue' | 'form'>

interface TextFieldProps<S> extends InputExtras {
  meta: Meta<S>
  label: ReactNode
  hint?: ReactNode
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'time' | 'datetime-local' | 'number' | 'search'
  own?: OwnGroup
}

/** A labelled single-line input. */
export function TextField<S>({ meta, label, hint, type = 'text', own, ...extra }: TextFieldProps<S>) {
  return (
    <FieldGroup meta={meta} label={label} hint={hint} own={own}>
      <input key={meta.key} {...getInputProps(meta, { type, ariaDescribedBy: hint ? meta.descriptionId : undefined })} {...extra} />
    </FieldGroup>
  )
}

interface PasswordFieldProps<S> extends InputExtras {
  meta: Meta<S>
  label: ReactNode
  hint?: ReactNode
  autoComplete: 'current-password' | 'new-password' | 'one-time-code'
}

/**
 * A password (or one-time code) input. Never given a value back from the server: `reply` hides
 * these fields, so a mistyped password is typed again, never echoed into the page.
 */
export function PasswordField<S>({ meta, label, hint, autoComplete, ...extra }: PasswordFieldProps<S>) {
  return (
    <FieldGroup meta={meta} label={label} hint={hint}>
      <input
        key={meta.key}
        {...getInputProps(meta, { type: 'password', value: false, ariaDescribedBy: hint ? meta.descriptionId : undefined })}
        autoComplete={autoComplete}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        {...extra}
      />
    </FieldGroup>
  )
}

type TextareaExtras = Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id' | 'defaultValue' | 'form'>

interface TextareaFieldProps<S> extends TextareaExtras {
  meta: Meta<S>
  label: ReactNode
  hint?: ReactNode
  own?: OwnGroup
}

/** A labelled text box for several lines. */
export function TextareaField<S>({ meta, label, hint, rows = 4, own, ...extra }: TextareaFieldProps<S>) {
  return (
    <FieldGroup meta={meta} label={label} hint={hint} own={own}>
      <textarea key={meta.key} {...getTextareaProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined })} rows={rows} {...extra} />
    </FieldGroup>
  )
}

type SelectExtras = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id' | 'defaultValue' | 'form' | 'children'>

interface SelectFieldProps<S> extends SelectExtras {
  meta: Meta<S>
  label: ReactNode
  hint?: ReactNode
  options: readonly { value: string; label: ReactNode }[]
  /** A first option with the empty value ("no team", "no worker"), read by the schema as not chosen. */
  emptyOption?: ReactNode
  own?: OwnGroup
}

/** A labelled drop-down list. */
export function SelectField<S>({ meta, label, hint, options, emptyOption, own, ...extra }: SelectFieldProps<S>) {
  return (
    <FieldGroup meta={meta} label={label} hint={hint} own={own}>
      <select key={meta.key} {...getSelectProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined })} {...extra}>
        {emptyOption !== undefined ? <option value="">{emptyOption}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  )
}

interface ChoiceGroupProps<S> {
  meta: Meta<S>
  legend: ReactNode
  hint?: ReactNode
  /** `hint`: a line under one option that says more about it (who a team share covers). */
  options: readonly { value: string; label: ReactNode; hint?: ReactNode }[]
  className?: string
  /** Class of each option's label: `choice` unless given (e.g. `segment` for the time of a statement). */
  optionClassName?: string
  own?: OwnGroup
}

function ChoiceGroup<S>({ meta, legend, hint, options, className, optionClassName, type, own }: ChoiceGroupProps<S> & { type: 'checkbox' | 'radio' }) {
  const byValue = new Map(options.map((option) => [option.value, option]))
  return (
    <FieldGroup meta={meta} label={legend} hint={hint} as="fieldset" own={own}>
      <div className={className}>
        {getCollectionProps(meta, { type, options: options.map((option) => option.value) }).map(({ key, props: input }) => {
          const option = byValue.get(input.value)
          const hintId = `${input.id}-hint`
          return (
            <Fragment key={key}>
              <label className={optionClassName ?? 'choice'}>
                <input {...input} aria-describedby={[input['aria-describedby'], option?.hint ? hintId : null].filter(Boolean).join(' ') || undefined} />
                <span>{option?.label}</span>
              </label>
              {/* Outside the label: it says more about the option, it is not the option's name. */}
              {option?.hint ? (
                <p className="hint" id={hintId}>
                  {option.hint}
                </p>
              ) : null}
            </Fragment>
          )
        })}
      </div>
    </FieldGroup>
  )
}

/** Several checkboxes under one legend, read by the schema as a list (`checkboxesField`). */
export function CheckboxGroup<S>(props: ChoiceGroupProps<S>) {
  return <ChoiceGroup {...props} type="checkbox" />
}

/** Radio buttons under one legend (`choiceField`). */
export function RadioGroup<S>(props: ChoiceGroupProps<S>) {
  return <ChoiceGroup {...props} type="radio" />
}

interface CheckboxProps<S> {
  meta: Meta<S>
  label: ReactNode
  hint?: ReactNode
}

/** One checkbox with its label beside it (`checkboxField`). */
export function Checkbox<S>({ meta, label, hint }: CheckboxProps<S>) {
  return (
    <div className={meta.errors ? 'field field--error' : 'field'}>
      <label className="choice">
        <input key={meta.key} {...getInputProps(meta, { type: 'checkbox', ariaDescribedBy: hint ? meta.descriptionId : undefined })} />
        <span>{label}</span>
      </label>
      {hint ? <Hint id={meta.descriptionId}>{hint}</Hint> : null}
      <FieldErrorText id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

/**
 * The problem of the whole form (an API code, e.g. wrong password), above the form. When only
 * fields are wrong, a short line says so and the fields say what.
 */
export function FormErrors({ form }: { form: Pick<FormMetadata, 'errors' | 'errorId' | 'allErrors'> }) {
  const t = useT()
  const code = form.errors?.[0] ?? (Object.keys(form.allErrors).length > 0 ? 'validation_failed' : null)
  if (!code) return null
  return (
    <div className="notice notice--error" role="alert" id={form.errorId}>
      {fieldText(t, code, 'errors')}
    </div>
  )
}
