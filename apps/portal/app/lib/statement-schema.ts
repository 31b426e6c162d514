import { z } from 'zod'
import { choiceField, requiredLine, requiredText } from '../forms/fields'
import { forms, times } from './inventory'

/**
 * Adding and changing a statement: one schema, run by the action (the browser reads only which fields are required). Which life
 * domains exist (Krachtwerk's ten or ICM's nine) only the API knows, so it checks the domain again.
 */
export const StatementSchema = z.object({
  domain: requiredLine(40),
  time: choiceField(times),
  // "No starter" is the empty choice, which reaches the schema as nothing.
  form: z
    .enum(forms, { error: 'invalid' })
    .optional()
    .transform((value) => value ?? null),
  text: requiredText(1000),
})
