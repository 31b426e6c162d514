import { z } from 'zod'
import { idField, optionalLine, optionalText } from '../forms/fields'

// The review pages' forms (the worker's view of a client, and the client's "Voor jou").

/**
 * A comment, a rewording, or both, on one statement. The same limits as the API, so a long text
 * gets its message beside the field, with the text kept.
 */
export const CommentForm = z
  .object({ intent: z.literal('comment'), statementId: idField, body: optionalText(1000), suggestedText: optionalText(1000) })
  .superRefine((value, ctx) => {
    if (!value.body && !value.suggestedText) ctx.addIssue({ code: 'custom', path: ['body'], message: 'required' })
  })

/** Signing the version shown (its hash, so a newer version is never signed unseen). */
export const SignForm = z.object({ intent: z.literal('sign'), contentHash: optionalLine(64) })

// The worker's button: the inventory marked as reviewed.
const ReviewForm = z.object({ intent: z.literal('review') })

export const WorkerReviewForms = z.discriminatedUnion('intent', [CommentForm, SignForm, ReviewForm])
