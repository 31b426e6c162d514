import { z } from 'zod'
import { choiceField, idField, optionalText, requiredText, versionField } from '../forms/fields'
import { SignForm } from './review-forms'

// The client's forms on "Voor jou": one schema each, run by the action (the browser reads only which fields are required).

/** A short answer to a comment from the worker. */
export const ReplyForm = z.object({ intent: z.literal('reply'), commentId: idField, body: requiredText(1000) })

/** Changing one's own answer: the version the page showed, so a newer change is never overwritten. */
export const EditReplyForm = z.object({ intent: z.literal('edit-reply'), commentId: idField, replyId: idField, version: versionField, text: requiredText(1000) })

/** Removing one's own answer (the words are gone; the worker sees only that it was removed). */
export const RemoveReplyForm = z.object({ intent: z.literal('remove-reply'), commentId: idField, replyId: idField, version: versionField })

/** A suggested wording: take it, take it in the client's own words, or leave it. */
export const DecideForm = z
  .object({
    intent: z.literal('decide'),
    commentId: idField,
    version: versionField,
    /** The suggestion's own version (its author may change the words: 017). */
    suggestionVersion: versionField.optional(),
    decision: choiceField(['accept', 'edit', 'decline']),
    text: optionalText(1000),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'edit' && !value.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'required' })
  })

// The button that marks a comment read.
const ReadForm = z.object({ intent: z.literal('read'), commentId: idField })

export const ForYouForms = z.discriminatedUnion('intent', [ReplyForm, EditReplyForm, RemoveReplyForm, DecideForm, ReadForm, SignForm])
