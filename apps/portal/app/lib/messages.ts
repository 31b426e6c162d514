import type { SubmissionResult } from '../forms/use-form'
import { z } from 'zod'
import type { ScreenData } from '../components/save-safety'
import { choiceField, idField, requiredText, versionField } from '../forms/fields'

/** What a message can be about (the API's topics). */
export const topics = ['general', 'inventory', 'action_plan', 'session'] as const

// The API checks the same limits again.
export const MessageForm = z.object({
  topic: choiceField(topics).default('general'),
  text: requiredText(1000),
})

/** Changing the words of one's own message: the version the page showed, so a newer change is never overwritten. */
export const EditMessageForm = z.object({ intent: z.literal('edit'), messageId: idField, version: versionField, text: requiredText(1000) })

/** Removing one's own message (the words are gone; others see that it was removed). */
export const RemoveMessageForm = z.object({ intent: z.literal('remove'), messageId: idField, version: versionField })

export const ChangeMessageForms = z.discriminatedUnion('intent', [EditMessageForm, RemoveMessageForm])

/** A sent message (perhaps with the help card), or the form's errors with the typed words kept. */
export type SendResult = { sent: true; sentId: string; safety: ScreenData | null; form: null } | { sent: false; safety: null; form: SubmissionResult<string[]> }

/**
 * A change to one's own message: saved (with the help card when the words fired the screen), or
 * refused with the typed words kept beside that message.
 */
export type ChangeResult = {
  intent: 'edit' | 'remove'
  messageId: string
  saved: boolean
  safety: ScreenData | null
  form: SubmissionResult<string[]> | null
}

export type ThreadResult = SendResult | ChangeResult

export const isChange = (result: ThreadResult | undefined): result is ChangeResult => result !== undefined && 'intent' in result
