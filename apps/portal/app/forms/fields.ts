import { z } from 'zod'

/*
 * Shared field schemas: every portal form builds its one schema from these, so a name, a password
 * or a line of text is checked the same way everywhere, by the action (parseWithZod); the browser
 * only reads which fields are required (forms/use-form.ts, forms/zod-stand-in.ts).
 *
 * Messages are catalogue codes ("required", "too_long" …, see `fields.*` in @kracht/i18n), so the
 * field components show them in the reader's language. conform turns an empty input into
 * `undefined` before zod sees it: a required field therefore names its code for the missing value
 * too (`error: 'required'`), and an optional one is `.optional()`.
 */

/** A required single line, trimmed. */
export function requiredLine(max: number) {
  return z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'too_long')
}

/** An optional single line, trimmed; empty stays `undefined`. */
export function optionalLine(max: number) {
  return z.string().trim().max(max, 'too_long').optional()
}

/** Free text a person writes (a statement, a plan): required, length-limited like the API's TextSchema. */
export function requiredText(max = 1000) {
  return z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'too_long')
}

/** Optional free text: several lines, length-limited. */
export function optionalText(max = 1000) {
  return z.string().trim().max(max, 'too_long').optional()
}

/** A user name as typed at sign-in (the API decides whether it exists). */
export const usernameField = requiredLine(100)

/** A user name someone chooses: the API's rules (UsernameSchema: 3–32, lower case, digits, . - _) with its codes. */
export const newUsernameField = z
  .string({ error: 'required' })
  .trim()
  .toLowerCase()
  .min(3, 'username_too_short')
  .max(32, 'username_too_long')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'username_invalid')

/** The password someone already has: never trimmed, only bounded. */
export const currentPasswordField = z.string({ error: 'required' }).max(1000, 'too_long')

/**
 * A new password: the API's length rules (counted in characters, as the API counts them, so an emoji
 * is one); whether it is too common only the server knows.
 */
export const newPasswordField = z
  .string({ error: 'required' })
  .refine((value) => [...value].length >= 10, 'password_too_short')
  .refine((value) => [...value].length <= 200, 'password_too_long')

/** A six-digit code from an authenticator app (spaces allowed, as apps show "123 456"). */
export const totpCodeField = z
  .string({ error: 'required' })
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'totp_code_wrong'))

/** The version a change is made to: a newer one on the server means someone else changed it first. */
export const versionField = z.coerce.number({ error: 'invalid' }).int('invalid').min(1, 'invalid')

/** The same for something that may not exist yet: version 0 is "new" (a first answer). */
export const versionOrNewField = z.coerce.number({ error: 'invalid' }).int('invalid').min(0, 'invalid')

/** An id the page itself put in a hidden field or a button. */
export const idField = z.uuid({ error: 'invalid' })

/** An id the person chose (a radio button, a drop-down list): none chosen asks to choose. */
export const chosenIdField = z.string({ error: 'choose' }).pipe(idField)

/** An id from a drop-down list whose first option is "none": empty is `null`. */
export const optionalIdField = idField.optional().transform((value) => value ?? null)

/** A choice from a fixed list (radio buttons, a select). */
export function choiceField<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: 'required' })
}

/** A set of checkboxes: none checked is an empty list (the browser sends nothing for them). */
export function checkboxesField<const T extends readonly [string, ...string[]]>(values: T) {
  return z.array(z.enum(values, { error: 'invalid' })).default([])
}

/** A set of checkboxes of which at least one must be checked. */
export function someCheckboxesField<const T extends readonly [string, ...string[]]>(values: T) {
  return z.array(z.enum(values, { error: 'invalid' }), { error: 'pick_one' }).min(1, 'pick_one')
}

/** A yyyy-mm-dd date from `<input type="date">`; an empty one asks to fill it in. */
export const dateField = z.iso.date({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid_date') })

/** A hh:mm time from `<input type="time">`. */
export const timeField = z.iso.time({ precision: -1, error: (issue) => (issue.input === undefined ? 'required' : 'invalid') })

/** A yyyy-mm-ddThh:mm moment from `<input type="datetime-local">` (wall-clock time, no zone). */
export const localDateTimeField = z.iso.datetime({ local: true, error: (issue) => (issue.input === undefined ? 'required' : 'invalid_date') })

/** One checkbox: checked is `true`, unchecked (not sent) is `false`. */
export const checkboxField = z.boolean().default(false)

/** Two password fields that must match: the refinement every "choose a password" form needs. */
export function withRepeatedPassword<T extends { newPassword: string; repeat: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.newPassword !== value.repeat) ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'password_mismatch' })
}
