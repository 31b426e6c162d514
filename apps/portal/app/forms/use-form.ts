import { useForm, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { $ZodType, input, output } from 'zod/v4/core'

/** The form's values as typed in: the schema's input, which for a form is always an object. */
type FormShape<S extends $ZodType> = input<S> extends Record<string, unknown> ? input<S> : never

interface Options<S extends $ZodType> {
  /** Unique on the page: two forms of one page must not share field ids. */
  id: string
  schema: S
  /** What the action answered (`reply(...)`), so server errors and typed values come back. */
  lastResult?: SubmissionResult<string[]> | null | undefined
  /** Values for a form that edits something that exists. */
  defaultValue?: DefaultValue<FormShape<S>> | undefined
}

/**
 * The one way a portal page sets up a form: conform with the form's zod schema, checked in the
 * browser as the person leaves a field and again while they correct it, and by the action
 * (`parseSubmission`) whether JavaScript ran or not. The required/maxLength attributes from the
 * schema let the browser itself help when JavaScript is off.
 */
export function useSchemaForm<S extends $ZodType<Record<string, unknown>>>({ id, schema, lastResult, defaultValue }: Options<S>) {
  return useForm<FormShape<S>, output<S>, string[]>({
    id,
    lastResult: lastResult ?? null,
    ...(defaultValue ? { defaultValue } : {}),
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod<S>(formData, { schema }),
  })
}
