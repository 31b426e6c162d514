import { z } from '@hono/zod-openapi'
import { roles } from '@kracht/method'
import { problemStatus } from './app-error'
import { sanitiseLine, sanitiseText } from './sanitise-text'

const problemCodes = Object.keys(problemStatus) as [keyof typeof problemStatus, ...(keyof typeof problemStatus)[]]

export const ProblemSchema = z
  .object({
    code: z.enum(problemCodes).openapi({ example: 'validation_failed' }),
    message: z.string().openapi({ example: 'Invalid input: username: Required' }),
    fields: z.record(z.string(), z.string()).optional(),
  })
  .openapi('Problem')

export const problemResponse = (description: string) => ({
  content: { 'application/json': { schema: ProblemSchema } },
  description,
})

/** The error answers nearly every route can give; routes add their own on top. */
export const commonProblems = {
  400: problemResponse('Invalid input'),
  401: problemResponse('Not signed in'),
  403: problemResponse('Not allowed'),
} as const

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
})

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})

export const UuidParam = z.string().uuid()

export const RoleSchema = z.enum(roles).openapi('Role')

export const UserSchema = z
  .object({
    id: z.string().uuid(),
    username: z.string(),
    role: RoleSchema,
    organisationId: z.string().uuid(),
    displayName: z.string(),
    locale: z.enum(['nl', 'en']),
  })
  .openapi('User')

/** Usernames: short, lower-case, easy to type on a phone and to say aloud. */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'username_too_short')
  .max(32, 'username_too_long')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'username_invalid')


/**
 * Every free-text field of the API starts from one of these two (then adds its own trim, min and
 * max). The sanitiser runs as zod's `overwrite` check, first: the result is still a string schema,
 * so lengths are checked on the cleaned text and the OpenAPI document still says `string`.
 * The test `free-text.test.ts` walks every route and fails when a text field does not use them.
 */
export const TextSchema = z.string().overwrite(sanitiseText)
export const LineSchema = z.string().overwrite(sanitiseLine)

export const DisplayNameSchema = LineSchema.trim().min(1, 'required').max(80, 'too_long')

/**
 * What a comment, suggestion or remark carries about its author's changes (docs/decisions/017),
 * in every list that shows it: the version to send back, "bewerkt", and that it was removed.
 */
export const OwnWordsFields = {
  version: z.number().int().openapi({ description: 'Send it back to change or remove it (only its author can)' }),
  editedAt: z.string().datetime().nullable().openapi({ description: 'When the author last changed the words ("bewerkt")' }),
  removed: z.boolean().openapi({ description: 'The author removed it: its place (and the answers under it) stay, its words are gone' }),
}

/** `?version=` on a DELETE that removes one's own words. */
export const RemoveVersionQuery = z.object({ version: z.coerce.number().int().min(1) })
