import { z } from 'zod'
import { idField, optionalText, versionField } from '../forms/fields'
import type { SubmissionResult } from '../forms/use-form'
import type { ScreenData } from '../components/save-safety'

/**
 * The forms on the page where staff change or remove their own comment (lib/own-comment.server.ts):
 * the version the page showed, so a newer change is never overwritten, and where the comment is.
 * Whether a plain comment has words and a suggestion its proposal is the API's check (it knows which it is).
 */
const Place = { version: versionField, targetId: idField.optional() }
export const EditOwnCommentForm = z.object({ intent: z.literal('edit'), ...Place, body: optionalText(1000), suggestedText: optionalText(1000) })
export const RemoveOwnCommentForm = z.object({ intent: z.literal('remove'), ...Place })
export const OwnCommentForms = z.discriminatedUnion('intent', [EditOwnCommentForm, RemoveOwnCommentForm])

export type OwnCommentResult = { intent: 'edit' | 'remove'; saved: boolean; safety: ScreenData | null; form: SubmissionResult<string[]> | null }
