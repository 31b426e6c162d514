import type { SubmissionResult } from '../forms/use-form'
import { z } from 'zod'
import type { ScreenData } from '../components/save-safety'
import { choiceField, requiredText } from '../forms/fields'

/** What a message can be about (the API's topics). */
export const topics = ['general', 'inventory', 'action_plan', 'session'] as const

// The API checks the same limits again.
export const MessageForm = z.object({
  topic: choiceField(topics).default('general'),
  text: requiredText(1000),
})

/** A sent message (perhaps with the help card), or the form's errors with the typed words kept. */
export type SendResult = { sent: true; sentId: string; safety: ScreenData | null; form: null } | { sent: false; safety: null; form: SubmissionResult<string[]> }
