import { z } from '@hono/zod-openapi'
import { actionDoers, planProvenances } from '@kracht/db'
import { LineSchema, OwnWordsFields, TextSchema } from '../../lib/schemas'
import { checkPromptIds } from '../../services/action-plan/goal-check'

/** The action plan's request and answer shapes: zod at the edge, and the OpenAPI document. */

export const ClientParams = z.object({ clientId: z.string().uuid() })
export const GoalParams = ClientParams.extend({ goalId: z.string().uuid() })
export const ActionParams = GoalParams.extend({ actionId: z.string().uuid() })

/** A goal in the client's own words: kept exactly as written (trimmed), never reworded. */
export const GoalText = TextSchema.trim().min(1, 'required').max(1000, 'too_long')
const Domain = LineSchema.trim().min(1, 'unknown_domain').max(40, 'unknown_domain')
const StepText = TextSchema.trim().min(1, 'required').max(500, 'too_long')
const OptionalText = TextSchema.trim()
  .max(500, 'too_long')
  .nullish()
  .transform((value) => (value ? value : null))

/** A real calendar day between 2000 and 2199 ("2027-01-15"); the year 20000 is not a day to plan for. */
export const PlanDate = z
  .string()
  .date('invalid_date')
  .refine((value) => {
    const year = Number(value.slice(0, 4))
    return year >= 2000 && year <= 2199 && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  }, 'invalid_date')
  .openapi({ example: '2027-01-15' })

const Who = z.enum(actionDoers, { message: 'invalid' }).openapi({ description: 'client, person (from the VIP card: personId), worker, or other (whoName)' })
const WhoName = LineSchema.trim()
  .max(200, 'too_long')
  .nullish()
  .transform((value) => (value ? value : null))

export const CreateGoalBody = z
  .object({
    text: GoalText,
    domain: Domain.nullish().transform((value) => value ?? null),
    /** The wish of the priority the goal starts from, as the client wrote it there. */
    wish: OptionalText,
  })
  .openapi('CreateGoalBody')

export const UpdateGoalBody = z
  .object({ version: z.number().int().min(1), text: GoalText.optional(), domain: Domain.nullable().optional() })
  .openapi('UpdateGoalBody')

export const CreateActionBody = z
  .object({ what: StepText, how: OptionalText, who: Who, personId: z.string().uuid('unknown_person').nullish(), whoName: WhoName, when: PlanDate })
  .openapi('CreateActionBody')

export const UpdateActionBody = z
  .object({
    version: z.number().int().min(1),
    what: StepText.optional(),
    how: OptionalText.optional(),
    who: Who.optional(),
    personId: z.string().uuid('unknown_person').nullish(),
    whoName: WhoName.optional(),
    when: PlanDate.optional(),
    status: z.enum(['open', 'done', 'dropped'], { message: 'invalid' }).optional(),
  })
  .openapi('UpdateActionBody')

export const RemarkBody = z.object({ text: TextSchema.trim().min(1, 'required').max(1000, 'too_long') }).openapi('GoalRemarkBody')

export const GoalCommentBody = z
  .object({
    kind: z.enum(['comment', 'suggestion']),
    body: TextSchema.trim().max(1000, 'too_long').default(''),
    suggestedWhat: StepText.nullish(),
  })
  .openapi('GoalCommentBody')

export const DecisionBody = z
  .object({
    decision: z.enum(['accept', 'edit', 'decline']),
    /** For accept and edit: who does the step and when (the client decides); for edit also the words. */
    what: StepText.optional(),
    how: OptionalText,
    who: Who.optional(),
    personId: z.string().uuid('unknown_person').nullish(),
    whoName: WhoName,
    when: PlanDate.optional(),
  })
  .openapi('GoalSuggestionDecision')

export const ActionSchema = z
  .object({
    id: z.string().uuid(),
    goalId: z.string().uuid().nullable(),
    what: z.string(),
    how: z.string().nullable(),
    who: z.enum(actionDoers).nullable().openapi({ description: 'Null: a step the assistant kept before; whoName holds the client\'s words' }),
    personId: z.string().uuid().nullable(),
    personName: z.string().nullable(),
    whoName: z.string().nullable(),
    when: z.string().nullable().openapi({ description: 'The planned day (YYYY-MM-DD)' }),
    whenWords: z.string().nullable(),
    status: z.enum(['open', 'done', 'dropped']),
    doneAt: z.string().datetime().nullable(),
    movedAt: z.string().datetime().nullable(),
    droppedAt: z.string().datetime().nullable(),
    provenance: z.enum(planProvenances),
    version: z.number().int(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi('PlanAction')

export const RemarkSchema = z.object({ id: z.string().uuid(), goalId: z.string().uuid(), text: z.string(), createdAt: z.string().datetime() }).openapi('GoalRemark')

export const GoalCommentSchema = z
  .object({
    id: z.string().uuid(),
    targetId: z.string().uuid(),
    authorId: z.string().uuid().nullable(),
    authorName: z.string().nullable(),
    kind: z.enum(['comment', 'suggestion']),
    body: z.string(),
    suggestedText: z.string().nullable().openapi({ description: 'The step a worker suggests' }),
    status: z.enum(['open', 'accepted', 'edited', 'declined']).nullable(),
    decidedAt: z.string().datetime().nullable(),
    createdAt: z.string().datetime(),
    ...OwnWordsFields,
  })
  .openapi('GoalComment')

export const GoalCommentParams = GoalParams.extend({ commentId: z.string().uuid() })

/** The author's new words for her comment on a goal, or for the step she suggests (while still open). */
export const EditGoalCommentBody = z
  .object({ body: TextSchema.trim().max(1000, 'too_long').default(''), suggestedWhat: StepText.optional(), version: z.number().int().min(1) })
  .openapi('EditGoalCommentBody')

export const CheckPromptSchema = z
  .object({
    id: z.enum(checkPromptIds),
    source: z.enum(['smart', 'fuzzy']),
    domain: z.string().nullable(),
  })
  .openapi('GoalCheckPrompt', { description: 'A gentle question of the goal check (advice, never a block, never a score)' })

export const GoalSchema = z
  .object({
    id: z.string().uuid(),
    domain: z.string().nullable(),
    text: z.string(),
    wish: z.string().nullable(),
    provenance: z.enum(planProvenances),
    version: z.number().int(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
    actions: z.array(ActionSchema),
    remarks: z.array(RemarkSchema),
    comments: z.array(GoalCommentSchema),
    check: z.array(CheckPromptSchema),
  })
  .openapi('Goal')

export const PlanSchema = z
  .object({
    clientId: z.string().uuid(),
    today: z.string().openapi({ description: 'Today in the Netherlands (YYYY-MM-DD)' }),
    goals: z.array(GoalSchema),
    unattached: z.array(ActionSchema).openapi({ description: 'Steps the assistant kept without a goal' }),
    next: z.array(ActionSchema.extend({ goalText: z.string().nullable() })).openapi({ description: 'The next open steps, at most three ("Deze week")' }),
    people: z
      .array(z.object({ id: z.string().uuid(), name: z.string() }))
      .openapi({ description: "The client's own VIP card, to choose who does a step (empty for anyone else)" }),
  })
  .openapi('ActionPlan')

export const PlanAgreementSchema = z
  .object({
    document: z.literal('action_plan'),
    contentHash: z.string().openapi({ description: 'SHA-256 of the plan as you see it now; send it when you sign' }),
    signatures: z.array(
      z.object({
        signerId: z.string().uuid(),
        signerName: z.string(),
        signerRole: z.enum(['client', 'worker']),
        signedAt: z.string().datetime(),
        contentHash: z.string().nullable(),
        current: z.boolean().nullable().openapi({ description: 'False: changed since signed on signedAt. Null: it depends on parts not shared with you' }),
      }),
    ),
  })
  .openapi('PlanAgreement')
