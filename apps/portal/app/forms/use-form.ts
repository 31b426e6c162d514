import { useMemo, useRef } from 'react'
import type { DefaultValue, SubmissionResult } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import type { $ZodType, input } from 'zod/v4/core'

export type { SubmissionResult }

/*
 * The one way a portal page sets up a form. The action checks every submission with the form's zod
 * schema (`parseSubmission`, with or without JavaScript) and answers with its errors (`reply`); this
 * hook gives each field its id, name, first value, errors and the schema's required/maxlength/min/max
 * attributes, in conform's shape (ids `form-field`, `…-error`, `…-description`), with none of conform's
 * or zod's code in the browser (issue 19, page weight: 40 kB of a page's 100). The browser build gives
 * `getZodConstraint` a stand-in that reads the same facts (forms/zod-stand-in.ts). As with conform,
 * the browser's own checks stay off (`noValidate`), with or without JavaScript: every problem comes
 * back from the action beside its field, in the reader's language.
 */

/** The form's values as typed in: the schema's input, which for a form is always an object. */
type FormShape<S extends $ZodType> = input<S> extends Record<string, unknown> ? input<S> : never

/** A value as a form holds it: text, a list, or an object of those. */
export type FormValue<Value> =
  NonNullable<Value> extends readonly (infer I)[]
    ? FormValue<I>[] | undefined
    : NonNullable<Value> extends Date
      ? string | undefined
      : NonNullable<Value> extends Record<string, unknown>
        ? { [Key in keyof NonNullable<Value>]?: FormValue<NonNullable<Value>[Key]> } | undefined
        : string | undefined

type Item<Value> = Value extends readonly (infer I)[] ? I : never
type Fieldset<Value> = { [Key in keyof NonNullable<Value> & string]-?: FieldMetadata<NonNullable<Value>[Key]> }

/** What a field needs to be drawn: who it is, what it held, what is wrong with it. */
export interface FieldMetadata<Value> {
  id: string
  name: string
  formId: string
  errorId: string
  descriptionId: string
  /** Changes when the field must start empty again (a password the action did not send back). */
  key: string | undefined
  initialValue: FormValue<Value>
  errors: string[] | undefined
  required?: boolean
  minLength?: number
  maxLength?: number
  min?: number | string
  max?: number | string
  multiple?: boolean
  /** The items of a list field (`places[0]`, `places[1]` …). */
  getFieldList: () => FieldMetadata<Item<NonNullable<Value>>>[]
  /** The fields of an object field (`places[0].domain` …). */
  getFieldset: () => Fieldset<Value>
}

export interface FormMetadata {
  id: string
  errorId: string
  descriptionId: string
  /** The problem of the whole form (an API code). */
  errors: string[] | undefined
  /** Every field's errors by name, the form's own under ''. */
  allErrors: Record<string, string[]>
  /** Always: the action's messages, in the reader's language, never the browser's own bubbles. */
  noValidate: true
}

interface Options<S extends $ZodType> {
  /** Unique on the page: two forms of one page must not share field ids. */
  id: string
  schema: S
  /** What the action answered (`reply(...)`), so server errors and typed values come back. */
  lastResult?: SubmissionResult<string[]> | null | undefined
  /** Values for a form that edits something that exists. */
  defaultValue?: DefaultValue<FormShape<S>> | undefined
}

type Constraint = Partial<Pick<FieldMetadata<unknown>, 'required' | 'minLength' | 'maxLength' | 'min' | 'max' | 'multiple'>>

/** Nested values as conform names them: `places[0].domain`, `support` for a list of strings. */
function flatten(value: unknown, name = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  if (name) into[name] = value
  if (Array.isArray(value)) value.forEach((item, index) => flatten(item, `${name}[${index}]`, into))
  else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) flatten(item, name ? `${name}.${key}` : key, into)
  }
  return into
}

/** A value as the form shows it: text, a list of texts, or an object of those. */
function serialise(value: unknown): unknown {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'boolean') return value ? 'on' : undefined
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(serialise)
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, serialise(item)]))
  return value
}

/** `places[2].domain` → `places[].domain`: a list's items share one constraint. */
const constraintName = (name: string) => name.replace(/\[\d+\]/g, '[]')

export function useSchemaForm<S extends $ZodType<Record<string, unknown>>>({ id, schema, lastResult, defaultValue }: Options<S>) {
  const constraints = useMemo(() => constraintsOf(schema), [schema])
  // Each new answer from the action counts: a field it did not send back (a password) starts empty.
  const answers = useRef<{ result: unknown; count: number }>({ result: undefined, count: 0 })
  if (lastResult && answers.current.result !== lastResult) answers.current = { result: lastResult, count: answers.current.count + 1 }
  const answer = answers.current.count

  const values = flatten(serialise(lastResult?.initialValue ?? defaultValue ?? {}))
  const sentBack = lastResult?.initialValue ? flatten(lastResult.initialValue) : null
  const errorsByName: Record<string, string[]> = {}
  for (const [name, errors] of Object.entries(lastResult?.error ?? {})) if (errors && errors.length > 0) errorsByName[name] = errors

  const field = <Value>(name: string): FieldMetadata<Value> => {
    const fieldId = `${id}-${name}`
    const constraint: Constraint = constraints[constraintName(name)] ?? {}
    const initialValue: FormValue<Value> = readValue(values, name)
    return {
      id: fieldId,
      name,
      formId: id,
      errorId: `${fieldId}-error`,
      descriptionId: `${fieldId}-description`,
      key: sentBack && !(name in sentBack) ? `${name}-${answer}` : undefined,
      initialValue,
      errors: errorsByName[name],
      ...constraint,
      getFieldList: () => {
        const items = values[name]
        return Array.from({ length: Array.isArray(items) ? items.length : 0 }, (_, index) => field(`${name}[${index}]`))
      },
      getFieldset: () => fieldset(`${name}.`),
    }
  }
  const fieldset = <Value>(prefix: string): Fieldset<Value> =>
    new Proxy<Fieldset<Value>>(
      // The keys are the schema's: a proxy hands out any field the component asks for by name.
      Object.create(null),
      { get: (_, key) => (typeof key === 'string' ? field(`${prefix}${key}`) : undefined) },
    )

  const form: FormMetadata = {
    id,
    errorId: `${id}-error`,
    descriptionId: `${id}-description`,
    errors: errorsByName[''],
    allErrors: errorsByName,
    noValidate: true,
  }
  return [form, fieldset<FormShape<S>>('')] as const
}

function readValue<Value>(values: Record<string, unknown>, name: string): FormValue<Value> {
  // The values came from the schema's own input or the action's echo of it: their shape is the field's.
  const value: FormValue<Value> = values[name] as FormValue<Value>
  return value
}

/** The schema's facts per field, without `pattern`: a regular expression for the browser is the server's to judge. */
function constraintsOf(schema: $ZodType): Record<string, Constraint> {
  const found = getZodConstraint(schema)
  const result: Record<string, Constraint> = {}
  for (const [name, { required, minLength, maxLength, min, max, multiple }] of Object.entries(found)) {
    result[name] = Object.fromEntries(Object.entries({ required, minLength, maxLength, min, max, multiple }).filter(([, value]) => value !== undefined))
  }
  return result
}

type Aria = { 'aria-invalid'?: true; 'aria-describedby'?: string }

function aria(meta: { errors: string[] | undefined; errorId: string }, describedBy: string | undefined, field: boolean): Aria {
  const invalid = meta.errors !== undefined
  const result: Aria = {}
  if (field && invalid) result['aria-invalid'] = true
  const ids = invalid ? `${meta.errorId} ${describedBy ?? ''}`.trim() : describedBy
  if (ids) result['aria-describedby'] = ids
  return result
}

interface PropsOptions {
  ariaDescribedBy?: string | undefined
}

/** The form element's attributes: its id, the browser's checks until the page runs, the form's error. */
export function getFormProps(form: FormMetadata) {
  return { id: form.id, noValidate: form.noValidate, ...aria(form, undefined, false) }
}

/**
 * The attributes every control shares. Never its React `key` (`meta.key`): React warns about a key
 * spread into JSX inside a props object (and stops reading it there in React 19). The element takes
 * it directly (`<input key={meta.key} {...getInputProps(meta, …)} />`), so a field the action did
 * not send back (a password) still starts empty again after each answer.
 */
function controlProps<Value>(meta: FieldMetadata<Value>, options: PropsOptions) {
  return {
    id: meta.id,
    name: meta.name,
    form: meta.formId,
    ...(meta.required ? { required: true } : {}),
    ...aria(meta, options.ariaDescribedBy, true),
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

export function getInputProps<Value>(meta: FieldMetadata<Value>, options: PropsOptions & { type: string; value?: string | false }) {
  const props = {
    ...controlProps(meta, options),
    type: options.type,
    minLength: meta.minLength,
    maxLength: meta.maxLength,
    min: meta.min,
    max: meta.max,
    multiple: meta.multiple,
  }
  if (options.value === false) return props
  if (options.type === 'checkbox' || options.type === 'radio') {
    const value = options.value ?? 'on'
    const initial: unknown = meta.initialValue
    return { ...props, value, defaultChecked: Array.isArray(initial) ? initial.includes(value) : initial === value }
  }
  return { ...props, defaultValue: text(meta.initialValue) }
}

export function getTextareaProps<Value>(meta: FieldMetadata<Value>, options: PropsOptions = {}) {
  return { ...controlProps(meta, options), minLength: meta.minLength, maxLength: meta.maxLength, defaultValue: text(meta.initialValue) }
}

export function getSelectProps<Value>(meta: FieldMetadata<Value>, options: PropsOptions = {}) {
  const initial: unknown = meta.initialValue
  const defaultValue = Array.isArray(initial) ? initial.map((item) => `${text(item) ?? ''}`) : text(initial)
  return { ...controlProps(meta, options), multiple: meta.multiple, defaultValue }
}

/**
 * One input per option of a radio group or a set of checkboxes: its React key beside its props,
 * never inside them (see controlProps).
 */
export function getCollectionProps<Value>(meta: FieldMetadata<Value>, options: PropsOptions & { type: 'checkbox' | 'radio'; options: readonly string[] }) {
  const initial: unknown = meta.initialValue
  const { required, ...control } = controlProps(meta, options)
  return options.options.map((value) => ({
    key: `${meta.key ?? ''}${value}`,
    props: {
      ...control,
      id: `${meta.id}-${value}`,
      type: options.type,
      value,
      defaultChecked: options.type === 'checkbox' && Array.isArray(initial) ? initial.includes(value) : initial === value,
      // A required checkbox would ask for every box; a required radio group asks for one.
      ...(options.type === 'radio' && required ? { required } : {}),
    },
  }))
}

/** A list field's texts as typed in: one ticked box comes back from the action as a single text, several as a list. */
export function textsOf<Value>(meta: FieldMetadata<Value>): string[] {
  const value: unknown = meta.initialValue
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string')
}
