// The assistant's contract: what the engine shows, the conversation views and the request bodies.
import { z } from '@hono/zod-openapi'
import { flowIds, safetyPlanParts, supportKinds, times, turnOutcomes, vipAreas } from '@kracht/assistant'
import { crisisKinds, strengthForms } from '@kracht/language'
import { lifeDomains } from '@kracht/method'
import { proposalStatuses, safetyChoices } from '@kracht/db'
import { ProblemSchema, LineSchema, TextSchema } from '../../lib/schemas'

export const ClientParams = z.object({ clientId: z.string().uuid() })
export const ConversationParams = ClientParams.extend({ conversationId: z.string().uuid() })
/** Card ids are the engine's: "<conversation id>-<n>". */
export const ProposalParams = ConversationParams.extend({ proposalId: LineSchema.min(1).max(200) })

export const FlowSchema = z.enum(flowIds).openapi('AssistantFlow')

// ---------------------------------------------------------------------------------------------
// What the engine shows

export const StepSchema = z
  .object({
    id: z.string(),
    flow: FlowSchema,
    question: z.string(),
    hint: z.string().nullable(),
    input: z.enum(['text', 'choice', 'multi_choice']),
    options: z.array(z.object({ id: z.string(), label: z.string() })),
    allowText: z.boolean(),
    canSkip: z.literal(true),
    phrasedBy: z.enum(['offline', 'model']),
    offlineQuestion: z.string(),
  })
  .openapi('AssistantStep')

export const HelpLineSchema = z
  .object({
    id: z.enum(['emergency', 'suicide_prevention', 'veilig_thuis']),
    name: z.string(),
    description: z.string(),
    numbers: z.array(z.object({ display: z.string(), tel: z.string() })),
    chat: z.object({ display: z.string(), url: z.string() }).nullable(),
  })
  .openapi('HelpLine')

export const SafetySchema = z
  .object({
    kind: z.enum(crisisKinds),
    current: z.boolean().openapi({ description: 'True on the answer that made the screen fire' }),
    message: z.string(),
    helpLines: z.array(HelpLineSchema),
    offerWorkerContact: z.literal(true),
    workerQuestion: z.string(),
    workerNote: z.string(),
  })
  .openapi('Safety', { description: 'Help lines. Present once the crisis screen fired in this conversation: show it whenever set.' })

export const ProposalStatusSchema = z.enum(proposalStatuses)
export const proposalMeta = {
  id: z.string(),
  status: ProposalStatusSchema,
  version: z.number().int(),
  savedId: z.string().uuid().nullable().openapi({ description: 'The statement, network person, goal or action it became' }),
  decidedAt: z.string().datetime().nullable(),
  source: z.enum(['assistant', 'assistant_suggestion']),
  suggestedById: z
    .string()
    .uuid()
    .nullable()
    .openapi({ description: 'Together mode: the worker or peer expert who kept this card; status pending_client until the client keeps it' }),
}

export const ProposalSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('statement'),
      ...proposalMeta,
      domain: z.string().nullable(),
      time: z.enum(times),
      form: z.enum(strengthForms),
      text: z.string(),
      alternativeTo: z.string().nullable(),
    }),
    z.object({
      kind: z.literal('network_person'),
      ...proposalMeta,
      name: z.string(),
      area: z.enum(vipAreas).nullable(),
      ring: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
      support: z.array(z.enum(supportKinds)),
      note: z.string().nullable(),
    }),
    z.object({
      kind: z.literal('goal'),
      ...proposalMeta,
      domain: z.string().nullable(),
      text: z.string(),
      alternativeTo: z.string().nullable(),
    }),
    z.object({
      kind: z.literal('action'),
      ...proposalMeta,
      goalRef: z.string().nullable(),
      what: z.string(),
      who: z.string().nullable(),
      when: z.string().nullable(),
    }),
    z.object({
      kind: z.literal('safety_plan_line'),
      ...proposalMeta,
      part: z.enum(safetyPlanParts),
      text: z.string(),
    }),
  ])
  .openapi('AssistantProposal', { description: 'A card for the client: nothing is saved until they accept it' })

export const SummarySchema = z
  .object({
    title: z.string(),
    lines: z.array(z.string()),
    counts: z.object({ wishes: z.number(), statements: z.number(), people: z.number(), goals: z.number(), actions: z.number(), planLines: z.number() }),
    proposals: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('AssistantSummary')

export const SafetyEventSchema = z
  .object({
    id: z.string().uuid(),
    conversationId: z.string().uuid().nullable(),
    kind: z.string(),
    createdAt: z.string().datetime(),
    clientChoice: z.enum(safetyChoices).nullable(),
    choiceAt: z.string().datetime().nullable(),
    workerNotifiedAt: z.string().datetime().nullable(),
  })
  .openapi('SafetyEvent')

export const ConversationMetaSchema = z.object({
  id: z.string().uuid(),
  flow: FlowSchema,
  locale: z.enum(['nl', 'en']),
  status: z.enum(['active', 'finished']),
  version: z.number().int().openapi({ description: 'Send it with an answer: a stale one gets version_conflict' }),
  facilitatorId: z.string().uuid().nullable().openapi({ description: 'Together mode: who ran it beside the client' }),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  finishedAt: z.string().datetime().nullable(),
})

export const ConversationSchema = z
  .object({
    conversation: ConversationMetaSchema,
    step: StepSchema.nullable(),
    intro: z.array(z.string()),
    feedback: z.array(z.string()),
    outcome: z.enum(turnOutcomes).nullable(),
    newProposalIds: z.array(z.string()),
    proposals: z.array(ProposalSchema),
    safety: SafetySchema.nullable(),
    safetyEvent: SafetyEventSchema.nullable(),
    summary: SummarySchema.nullable(),
    aiFallback: z.boolean().openapi({ description: 'AI help is on, but this question came without it (the model failed, took over 6 s, or its reply was discarded): say so' }),
  })
  .openapi('Conversation')

export const ConversationListSchema = z.array(ConversationMetaSchema.extend({ openProposals: z.number().int() })).openapi('ConversationList')

/** A refused answer can still carry the help card: the screen runs before the checks. */
export const AnswerProblemSchema = ProblemSchema.extend({ safety: SafetySchema.optional() }).openapi('AnswerProblem')
export const answerProblem = (description: string) => ({ content: { 'application/json': { schema: AnswerProblemSchema } }, description })

// ---------------------------------------------------------------------------------------------
// Requests

export const StartBody = z
  .object({
    flow: z.enum(flowIds, { message: 'unknown_flow' }).openapi({ example: 'miracle' }),
    locale: z.enum(['nl', 'en']).optional().openapi({ description: "Default: the caller's language" }),
    context: z
      .object({
        domains: z
          .array(z.enum(lifeDomains))
          .max(lifeDomains.length)
          .optional()
          .openapi({ description: "Strengths flow: the life domains to walk through, in the organisation's set (another set's id is taken as its counterpart, e.g. partner as family in ICM's nine)" }),
        priority: z
          .object({ domain: z.enum(lifeDomains), wish: TextSchema.max(2000).optional() })
          .optional()
          .openapi({ description: 'Goal flow: the priority to turn into a goal' }),
      })
      .strict()
      .optional(),
  })
  .openapi('StartConversationBody')

export const AnswerBody = z
  .object({
    stepId: LineSchema.min(1, 'required').max(100),
    // No tight limit here: the engine screens the whole text for a crisis before it refuses a
    // long answer (answer_too_long), so help is shown even then. The body limit caps it.
    text: TextSchema.max(65_536, 'answer_too_long').optional(),
    choices: z.array(LineSchema.max(100)).max(20).optional(),
    skip: z.boolean().optional(),
    dontKnow: z.boolean().optional(),
    version: z.number().int().min(1).optional().openapi({ description: 'The conversation version this answer is for' }),
  })
  .openapi('AnswerBody')

export const Text = TextSchema.trim().min(1, 'required').max(1000, 'too_long')
export const OptionalText = TextSchema.trim().max(1000, 'too_long').nullable().optional()

export const AcceptBody = z
  .object({
    version: z.number().int().min(1).optional(),
    text: Text.optional(),
    domain: LineSchema.min(1).max(40).optional(),
    time: z.enum(times, { message: 'invalid' }).optional(),
    form: z.enum(strengthForms, { message: 'invalid' }).optional(),
    name: LineSchema.trim().min(1, 'required').max(200, 'too_long').optional(),
    area: z.enum(vipAreas, { message: 'invalid' }).optional(),
    ring: z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'invalid' }).optional(),
    support: z.array(z.enum(supportKinds, { message: 'invalid' })).max(supportKinds.length).optional(),
    note: OptionalText,
    what: Text.optional(),
    who: OptionalText,
    when: OptionalText,
  })
  .strict()
  .openapi('AcceptProposalBody', { description: 'Optional edits; the fields that fit the card kind are used' })

export const DropBody = z.object({ version: z.number().int().min(1).optional() }).openapi('DropProposalBody')

export const AiHelpSchema = z
  .object({
    enabled: z.boolean(),
    enabledAt: z.string().datetime().nullable(),
    available: z.boolean().openapi({ description: 'Whether this server has a model configured at all' }),
  })
  .openapi('AiHelp')

export const SafetyChoiceBody = z.object({ notifyWorker: z.boolean() }).openapi('SafetyChoiceBody')

export const AiDisclosureSchema = z
  .object({
    id: z.string().uuid(),
    at: z.string().datetime(),
    conversationId: z.string().uuid(),
    modelId: z.string(),
    placeholders: z.record(z.string(), z.number().int()).openapi({ description: 'Kinds of personal data replaced by placeholders, and how many of each (never the values)' }),
    outcome: z.enum(['used', 'discarded', 'timeout', 'error']),
    reason: z.string().nullable().openapi({ description: 'Why a reply was discarded or failed: an output-check code, timeout, error …' }),
    latencyMs: z.number().int(),
  })
  .openapi('AiDisclosure')

export const AiRecordSchema = z
  .object({
    changes: z.array(z.object({ at: z.string().datetime(), enabled: z.boolean() })).openapi({ description: 'Every time AI help was turned on or off, newest first' }),
    disclosures: z.array(AiDisclosureSchema).openapi({ description: 'One row per model call, newest first' }),
  })
  .openapi('AiRecord')

export const PendingCardSchema = z
  .object({
    conversationId: z.string().uuid(),
    flow: FlowSchema,
    proposal: ProposalSchema,
    suggestedBy: z.object({ id: z.string().uuid(), name: z.string().nullable() }).nullable(),
    suggestedAt: z.string().datetime().nullable(),
  })
  .openapi('PendingCard')
