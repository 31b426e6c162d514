import { z } from 'zod'
import {
  checkboxesField,
  checkboxField,
  choiceField,
  chosenIdField,
  currentPasswordField,
  dateField,
  newPasswordField,
  newUsernameField,
  optionalIdField,
  optionalLine,
  optionalText,
  requiredLine,
  requiredText,
  someCheckboxesField,
  timeField,
  totpCodeField,
  usernameField,
  withRepeatedPassword,
} from './fields'

// Schemas of every kind the portal's forms write, for zod-stand-in.test.ts: read once with zod and
// once with the browser's stand-in, their field facts must be the same.

export const Fields = z.object({
  usernameField,
  newUsernameField,
  currentPasswordField,
  newPasswordField,
  totpCodeField,
  chosenIdField,
  optionalIdField,
  dateField,
  optionalDate: dateField.optional(),
  timeField,
  checkboxField,
  line: requiredLine(80),
  maybeLine: optionalLine(200),
  text: requiredText(),
  maybeText: optionalText(500),
  choice: choiceField(['a', 'b']),
  boxes: checkboxesField(['a', 'b']),
  someBoxes: someCheckboxesField(['a', 'b']),
})

export const Numbers = z.object({
  version: z.coerce.number({ error: 'invalid' }).int('invalid').min(1, 'invalid'),
  day: z.coerce.number().int().min(1).max(31).optional(),
  ring: z.string({ error: 'required' }).transform(Number).pipe(z.number().refine((ring) => ring > 0, 'ring_out_of_range')),
  amount: z.string().trim().max(12).transform((value) => value.replace(',', '.')),
})

export const Lists = z.object({
  places: z.array(z.object({ domain: z.enum(['a', 'b']).optional(), wish: optionalLine(200) })).max(4),
  support: z.array(z.enum(['x', 'y'])).optional(),
  lines: z.string().array().default([]),
})

const Comment = z.object({ intent: z.literal('comment'), text: requiredText(500), statementId: chosenIdField })
const Sign = z.object({ intent: z.literal('sign'), hash: optionalLine(64) })
const Change = Comment.extend({ intent: z.literal('change'), version: z.coerce.number().int().min(1) })
export const Union = z.discriminatedUnion('intent', [Comment, Sign, Change])

export const Refined = z
  .object({ currentPassword: currentPasswordField, newPassword: newPasswordField, repeat: z.string({ error: 'required' }) })
  .superRefine(withRepeatedPassword)

export const Caught = z.object({ lang: z.enum(['nl', 'en']).catch('nl'), back: optionalLine(2000).catch(undefined), flag: z.boolean().default(false) })

export const Nullable = z.object({ note: z.string().max(100).nullable(), gone: z.string().max(5).nullish() })
