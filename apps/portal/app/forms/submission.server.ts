import { parseWithZod } from '@conform-to/zod/v4'
import type { Submission as ConformSubmission, SubmissionResult } from '@conform-to/react'
import type { z } from 'zod'
import { fullCatalogue, hasKey, locales, type TextTree } from '@kracht/i18n'
import { readProblem } from '../lib/api.server'
import { pick } from '../../texts/route-texts'
import type { ReplyTexts } from './reply-texts'

/** The action's side of a form: the same schema the browser ran, on the posted data. */
export function parseSubmission<S extends z.ZodType>(formData: FormData, schema: S) {
  return parseWithZod(formData, { schema })
}

/** Any parsed submission: only its `reply` is needed here. */
type Submission = Pick<ConformSubmission<unknown, string[], unknown>, 'reply'>

interface ReplyOptions {
  /** A problem for the whole form (an API code such as `invalid_credentials`), shown above it. */
  problem?: string | null | undefined
  /** Problems beside fields (catalogue codes), e.g. the API's `fields`. */
  fields?: Record<string, string> | undefined
  /** Fields whose value must never be sent back to the page (passwords, codes). */
  hide?: string[] | undefined
}

/**
 * The action's answer for the form: its errors and what was typed, so nothing is lost; passwords
 * and codes are left out (`hide`) so they never travel back into the page.
 */
export function reply(submission: Submission, { problem, fields, hide }: ReplyOptions = {}): FormReply {
  const fieldErrors = fields ? Object.fromEntries(Object.entries(fields).map(([name, code]) => [name, [code]])) : undefined
  const result = submission.reply({
    ...(problem ? { formErrors: [problem] } : {}),
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(hide ? { hideFields: hide } : {}),
  })
  const codes = Object.values(result.error ?? {}).flatMap((errors) => errors ?? [])
  return codes.length > 0 ? { ...result, texts: replyTexts(codes) } : result
}

/**
 * The catalogue groups a form may read a field's code from before `fields.*` (a field's `own`). Here,
 * on the server, so a page's texts do not take these groups whole for naming them.
 */
export const ownGroups = ['sharing.fields', 'network.errors', 'livelihood.bridge.pillar', 'livelihood.money.errors', 'safety.plan.errors', 'assistant.errors', 'review.errors'] as const
export type OwnGroup = (typeof ownGroups)[number]

/** An action's answer for a form: conform's, with the texts of its problem codes (forms/reply-texts.ts). */
export type FormReply = SubmissionResult<string[]> & { texts?: ReplyTexts }

/**
 * Every text a page may show for these codes, in both languages (the page adds its own): the code in
 * the forms' own groups, as a field code and as a problem of the whole form, and the line that says
 * some fields are not right yet (`FormErrors`).
 */
export function replyTexts(codes: readonly string[]): ReplyTexts {
  const keys = ['errors.validation_failed', ...codes.flatMap((code) => [...ownGroups.map((group) => `${group}.${code}`), `fields.${code}`, `errors.${code}`])].filter(hasKey)
  const texts: Record<string, TextTree> = {}
  for (const locale of locales) texts[locale] = pick(fullCatalogue(locale), keys)
  return texts
}

/**
 * A failed API answer as the form's errors: the API's field codes beside their fields (renamed with
 * `fieldFor` where the form names a field differently, or where the code itself belongs to a field:
 * `password_wrong` beside the current password), the rest above the form.
 */
export async function replyWithProblem(
  submission: Submission,
  response: Response,
  options: { hide?: string[]; fieldFor?: (code: string) => string | null; rename?: Record<string, string> } = {},
): Promise<FormReply> {
  const problem = await readProblem(response)
  // A refusal by the consent gate names its rule in `fields.reason` (no field of the form): the
  // client no longer shares this, or shares it to read only. Said above the form, in plain words,
  // never as "not everything is filled in right".
  const reason = problem.code === 'forbidden' ? problem.fields?.['reason'] : undefined
  if (reason) return reply(submission, { problem: refusalCode(reason), hide: options.hide })
  // `rename`: the API's name of a field where the form calls it differently (`password` → `newPassword`).
  const fields: Record<string, string> = Object.fromEntries(Object.entries(problem.fields ?? {}).map(([name, code]) => [options.rename?.[name] ?? name, code]))
  const field = options.fieldFor?.(problem.code) ?? null
  if (field) fields[field] = problem.code
  const hasFields = Object.keys(fields).length > 0
  return reply(submission, { problem: hasFields ? null : problem.code, fields, hide: options.hide })
}

/** The form's problem for a rule of the consent gate that refused: read only, or not (any more) shared. */
export function refusalCode(reason: string): 'read_only_consent' | 'not_shared' | 'forbidden' {
  if (reason === 'read_only_consent') return 'read_only_consent'
  const notShared = ['consent_revoked', 'consent_ended', 'no_consent', 'scope_not_shared', 'domain_excluded']
  return notShared.includes(reason) ? 'not_shared' : 'forbidden'
}
