import { z } from 'zod'
import { choiceField, dateField, idField, optionalIdField, optionalLine, requiredLine, requiredText, versionField } from '../forms/fields'

/** Empty means none: the API takes `null` for a goal without a life domain or wish. */
const noneIfEmpty = (value: string | undefined) => (value ? value : null)

/**
 * A goal in the client's own words, in one schema for the browser and the action. Which life
 * domains exist (Krachtwerk's ten or ICM's nine) only the API knows, so it checks the domain again.
 */
export const GoalSchema = z.object({
  text: requiredText(1000),
  // "No life domain" is the empty first option.
  domain: z.string().max(40, 'unknown_domain').optional().transform(noneIfEmpty),
  // The priority's wish the goal grew from, carried in a hidden field.
  wish: optionalLine(500).transform(noneIfEmpty),
})

// The goal page's forms (plan.doel.$goalId, lib/plan-goal.server.ts): one schema each, a union on
// the intent for the action. Messages are catalogue codes shown beside the field; the API checks again.

/** Changing the goal's words and life domain on the version shown. */
export const GoalEditForm = z.object({ intent: z.literal('goal'), version: versionField, text: requiredText(1000), domain: GoalSchema.shape.domain })

/** The day of a step: a real date between 2000 and 2199 (what the API stores). */
const planDate = dateField.refine((value) => Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2199, 'invalid_date')

export const doers = ['client', 'person', 'worker', 'other'] as const

/** Who does a step: me, someone from my network map, my worker, or someone else (in my words). */
const doer = {
  who: choiceField(doers).default('client'),
  personId: optionalIdField,
  whoName: optionalLine(200).transform(noneIfEmpty),
  when: planDate,
}
function checkDoer(value: { who: (typeof doers)[number]; personId: string | null; whoName: string | null }, ctx: z.RefinementCtx) {
  if (value.who === 'person' && !value.personId) ctx.addIssue({ code: 'custom', path: ['personId'], message: 'unknown_person' })
  if (value.who === 'other' && !value.whoName) ctx.addIssue({ code: 'custom', path: ['whoName'], message: 'required' })
}

/** A new small step: what, how, who and when. */
export const AddStepForm = z
  .object({ intent: z.literal('add-step'), what: requiredLine(500), how: optionalLine(500).transform(noneIfEmpty), ...doer })
  .superRefine(checkDoer)

/** Taking up the worker's suggested step: the words are the suggestion's, the client says who and when. */
export const AcceptStepForm = z.object({ intent: z.literal('accept'), commentId: idField, ...doer }).superRefine(checkDoer)

/** The buttons beside a step (done, let go, take up again) and moving it to a new day. */
const StepStatusForm = z.object({ intent: z.enum(['done', 'drop', 'reopen']), actionId: idField, version: versionField })
const MoveStepForm = z.object({ intent: z.literal('move'), actionId: idField, version: versionField, when: planDate })
/** The step's own words, changed: what and how (who and when keep their own buttons). */
const RewordStepForm = z.object({ intent: z.literal('reword'), actionId: idField, version: versionField, what: requiredLine(500), how: optionalLine(500).transform(noneIfEmpty) })

/** A remark about how it goes. */
export const RemarkForm = z.object({ intent: z.literal('remark'), text: requiredText(1000) })

const RemoveGoalForm = z.object({ intent: z.literal('remove-goal'), version: versionField })
const RemoveRemarkForm = z.object({ intent: z.literal('remove-remark'), remarkId: idField })
const DeclineStepForm = z.object({ intent: z.literal('decline'), commentId: idField })

export const GoalPageForms = z.discriminatedUnion('intent', [
  GoalEditForm,
  RemoveGoalForm,
  AddStepForm,
  StepStatusForm,
  MoveStepForm,
  RewordStepForm,
  RemarkForm,
  RemoveRemarkForm,
  AcceptStepForm,
  DeclineStepForm,
])
