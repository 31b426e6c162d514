import { z } from 'zod'
import { choiceField, idField, optionalText, requiredText, versionField } from '../forms/fields'
import { SignForm } from './review-forms'

// The client's forms on "Voor jou": one schema each, run by the action (the browser reads only which fields are required).

/** A short answer to a comment from the worker. */
export const ReplyForm = z.object({ intent: z.literal('reply'), commentId: idField, body: requiredText(1000) })

/** A suggested wording: take it, take it in the client's own words, or leave it. */
export const DecideForm = z
  .object({
    intent: z.literal('decide'),
    commentId: idField,
    version: versionField,
    decision: choiceField(['accept', 'edit', 'decline']),
    text: optionalText(1000),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'edit' && !value.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'required' })
  })

// The button that marks a comment read.
const ReadForm = z.object({ intent: z.literal('read'), commentId: idField })

export const ForYouForms = z.discriminatedUnion('intent', [ReplyForm, DecideForm, ReadForm, SignForm])
