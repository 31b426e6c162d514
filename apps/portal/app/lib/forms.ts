import type { z } from 'zod'

type FieldErrors = Record<string, string>

type FormResult<T> = { ok: true; data: T } | { ok: false; fields: FieldErrors }

/**
 * The server-only way, left on the assistant's conversation page alone (see the comment there for
 * what moving it must keep). Every other form is built with `forms/` (conform: `useSchemaForm` in
 * the page, `parseSubmission` in the action), which is how every new form is built.
 *
 * Parses a submitted form with a zod schema whose messages are catalogue codes ("required",
 * "too_long" …), so the page can show each error in the reader's language beside its field.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData.entries()) if (typeof value === 'string') values[key] = value
  const result = schema.safeParse(values)
  if (result.success) return { ok: true, data: result.data }
  const fields: FieldErrors = {}
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || '_'
    fields[path] ??= issue.message
  }
  return { ok: false, fields }
}
