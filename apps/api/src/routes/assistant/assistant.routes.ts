import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { proposalTarget } from '../../access/targets'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import { flowIds, safetyPlanParts, supportKinds, times, turnOutcomes, vipAreas } from '@kracht/assistant'
import { crisisKinds, domainIds, strengthForms } from '@kracht/language'
import { proposalStatuses, safetyChoices } from '@kracht/db'
import { ProblemSchema, commonProblems, jsonBody, jsonResponse, problemResponse, LineSchema, TextSchema } from '../../lib/schemas'

const tags = ['Assistant']

export const ClientParams = z.object({ clientId: z.string().uuid() })
export const ConversationParams = ClientParams.extend({ conversationId: z.string().uuid() })
/** Card ids are the engine's: "<conversation id>-<n>". */
export const ProposalParams = ConversationParams.extend({ proposalId: LineSchema.min(1).max(200) })

const FlowSchema = z.enum(flowIds).openapi('AssistantFlow')

// ---------------------------------------------------------------------------------------------
// What the engine shows

const StepSchema = z
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

const HelpLineSchema = z
  .object({
    id: z.enum(['emergency', 'suicide_prevention', 'veilig_thuis']),
    name: z.string(),
    description: z.string(),
    numbers: z.array(z.object({ display: z.string(), tel: z.string() })),
    chat: z.object({ display: z.string(), url: z.string() }).nullable(),
  })
  .openapi('HelpLine')

const SafetySchema = z
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

const ProposalStatusSchema = z.enum(proposalStatuses)
const proposalMeta = {
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

const ProposalSchema = z
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

const SummarySchema = z
  .object({
    title: z.string(),
    lines: z.array(z.string()),
    counts: z.object({ wishes: z.number(), statements: z.number(), people: z.number(), goals: z.number(), actions: z.number(), planLines: z.number() }),
    proposals: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('AssistantSummary')

const SafetyEventSchema = z
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

const ConversationMetaSchema = z.object({
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

const ConversationListSchema = z.array(ConversationMetaSchema.extend({ openProposals: z.number().int() })).openapi('ConversationList')

/** A refused answer can still carry the help card: the screen runs before the checks. */
const AnswerProblemSchema = ProblemSchema.extend({ safety: SafetySchema.optional() }).openapi('AnswerProblem')
const answerProblem = (description: string) => ({ content: { 'application/json': { schema: AnswerProblemSchema } }, description })

// ---------------------------------------------------------------------------------------------
// Requests

export const StartBody = z
  .object({
    flow: z.enum(flowIds, { message: 'unknown_flow' }).openapi({ example: 'miracle' }),
    locale: z.enum(['nl', 'en']).optional().openapi({ description: "Default: the caller's language" }),
    context: z
      .object({
        domains: z.array(z.enum(domainIds)).max(domainIds.length).optional().openapi({ description: 'Strengths flow: the life domains to walk through' }),
        priority: z
          .object({ domain: z.enum(domainIds), wish: TextSchema.max(2000).optional() })
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

const Text = TextSchema.trim().min(1, 'required').max(1000, 'too_long')
const OptionalText = TextSchema.trim().max(1000, 'too_long').nullable().optional()

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

// ---------------------------------------------------------------------------------------------
// Routes

const notFound = { 404: problemResponse('No such conversation') }

export const listConversations = clientRoute({
  access: { scope: 'inventory', action: 'read', resource: 'conversations' },
  method: 'get',
  path: '/clients/{clientId}/conversations',
  tags,
  summary: "The client's assistant conversations, latest first (to resume a paused one)",
  request: { params: ClientParams },
  responses: { 200: jsonResponse(ConversationListSchema, 'Conversations'), ...commonProblems },
})

export const startConversation = clientRoute({
  access: { scope: 'inventory', action: 'together', resource: 'conversations' },
  method: 'post',
  path: '/clients/{clientId}/conversations',
  tags,
  summary: 'Start a guided flow: miracle question, forms of strength, VIP card or goal',
  request: { params: ClientParams, body: jsonBody(StartBody) },
  responses: { 201: jsonResponse(ConversationSchema, 'Started, with the first question'), ...commonProblems },
})

export const getConversation = clientRoute({
  access: { scope: 'inventory', action: 'read', resource: (p) => `conversation:${p.conversationId}` },
  method: 'get',
  path: '/clients/{clientId}/conversations/{conversationId}',
  tags,
  summary: 'A conversation as it stands: the current question, a welcome-back line, the cards, help and summary',
  request: { params: ConversationParams },
  responses: { 200: jsonResponse(ConversationSchema, 'The conversation'), ...commonProblems, ...notFound },
})

export const postAnswer = clientRoute({
  access: { scope: 'inventory', action: 'together', resource: (p) => `conversation:${p.conversationId}` },
  method: 'post',
  path: '/clients/{clientId}/conversations/{conversationId}/answers',
  tags,
  summary: 'Answer the current question (text, choices, skip or dontKnow): the next question, feedback, new cards and help',
  description:
    'Every text is screened for a crisis first. An empty answer is asked again gently (outcome reask). A stepId that is not the current one: step_mismatch; a stale version or two tabs at once: version_conflict.',
  request: { params: ConversationParams, body: jsonBody(AnswerBody) },
  responses: {
    200: jsonResponse(ConversationSchema, 'The next turn'),
    400: answerProblem('Invalid answer (answer_too_long, invalid_answer …), possibly with the help card'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not allowed'),
    ...notFound,
    409: answerProblem('step_mismatch, version_conflict or flow_finished'),
  },
})

export const acceptProposal = clientRoute({
  access: { scope: 'inventory', action: 'together', target: proposalTarget, resource: (p) => `conversation:${p.conversationId}` },
  method: 'post',
  path: '/clients/{clientId}/conversations/{conversationId}/proposals/{proposalId}/accept',
  tags,
  summary: "Keep a card (optionally edited): it becomes a statement, a network person, a goal or an action, in the client's name",
  description:
    "Only the client's own keep saves anything. A worker or peer expert keeping a card in together mode only suggests it: the card waits (pending_client) until the client keeps, changes or drops it in their own session.",
  request: { params: ProposalParams, body: jsonBody(AcceptBody) },
  responses: {
    200: jsonResponse(
      z.object({
        proposal: ProposalSchema,
        saved: z
          .object({ kind: z.enum(['statement', 'network_person', 'goal', 'action', 'safety_plan_line']), id: z.string().uuid() })
          .nullable()
          .openapi({ description: 'What it became; null when a facilitator kept it: it then waits for the client (pending_client)' }),
        safety: SafetyScreenSchema,
      }),
      'Kept (by the client), or waiting for the client (kept by a facilitator)',
    ),
    ...commonProblems,
    404: problemResponse('No such card'),
    409: problemResponse('proposal_decided or version_conflict'),
  },
})

export const dropProposal = clientRoute({
  access: { scope: 'inventory', action: 'together', resource: (p) => `conversation:${p.conversationId}` },
  method: 'post',
  path: '/clients/{clientId}/conversations/{conversationId}/proposals/{proposalId}/drop',
  tags,
  summary: 'Drop a card: nothing is saved',
  request: { params: ProposalParams, body: jsonBody(DropBody) },
  responses: {
    200: jsonResponse(z.object({ proposal: ProposalSchema }), 'Dropped'),
    ...commonProblems,
    404: problemResponse('No such card'),
    409: problemResponse('proposal_decided'),
  },
})

export const postSafetyChoice = clientRoute({
  // Whether the worker is told is the client's choice alone: a facilitator can neither see nor set it.
  access: { self: true, scope: 'assistant', action: 'update', resource: (p) => `conversation:${p.conversationId}:safety` },
  method: 'post',
  path: '/clients/{clientId}/conversations/{conversationId}/safety',
  tags,
  summary: "The client's answer to \"shall we tell your worker?\" after the help card: only yes tells the worker",
  request: { params: ConversationParams, body: jsonBody(SafetyChoiceBody) },
  description: 'Only the client: a worker or peer expert running the flow together gets 403 and never sees the choice.',
  responses: {
    200: jsonResponse(
      z.object({ event: SafetyEventSchema, workersNotified: z.number().int(), hasWorker: z.boolean() }),
      'Recorded',
    ),
    ...commonProblems,
    404: problemResponse('No such conversation, or no help card was shown in it'),
  },
})

export const listSafetyEvents = clientRoute({
  access: { self: true, scope: 'assistant', resource: 'safety_events', action: 'read' },
  method: 'get',
  path: '/clients/{clientId}/safety-events',
  tags,
  summary: 'When the assistant showed help lines, and what the client chose (only the client sees this)',
  request: { params: ClientParams },
  responses: { 200: jsonResponse(z.array(SafetyEventSchema), 'Events, newest first'), ...commonProblems },
})

export const getAiHelp = clientRoute({
  access: { scope: 'inventory', action: 'read', resource: 'settings:ai_help' },
  method: 'get',
  path: '/clients/{clientId}/settings/ai-help',
  tags,
  summary: 'Whether the client turned AI help on (off by default)',
  request: { params: ClientParams },
  responses: { 200: jsonResponse(AiHelpSchema, 'The setting'), ...commonProblems },
})

export const putAiHelp = clientRoute({
  access: { self: true, scope: 'assistant', resource: 'settings:ai_help', action: 'update' },
  method: 'put',
  path: '/clients/{clientId}/settings/ai-help',
  tags,
  summary: 'Turn AI help on or off (only the client, any time)',
  request: { params: ClientParams, body: jsonBody(z.object({ enabled: z.boolean() }).openapi('AiHelpBody')) },
  responses: { 200: jsonResponse(AiHelpSchema, 'The setting'), ...commonProblems },
})

const AiDisclosureSchema = z
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

const AiRecordSchema = z
  .object({
    changes: z.array(z.object({ at: z.string().datetime(), enabled: z.boolean() })).openapi({ description: 'Every time AI help was turned on or off, newest first' }),
    disclosures: z.array(AiDisclosureSchema).openapi({ description: 'One row per model call, newest first' }),
  })
  .openapi('AiRecord')

export const getAiRecord = clientRoute({
  // What left the server for a model is the client's to see, like the moments help was shown.
  access: { self: true, scope: 'assistant', action: 'read', resource: 'ai_record' },
  method: 'get',
  path: '/clients/{clientId}/ai-record',
  tags,
  summary: "What went to the AI help and when it was on: the client's own record (kinds and counts, never text)",
  request: { params: ClientParams },
  responses: { 200: jsonResponse(AiRecordSchema, 'The on/off history and the disclosures'), ...commonProblems },
})

const PendingCardSchema = z
  .object({
    conversationId: z.string().uuid(),
    flow: FlowSchema,
    proposal: ProposalSchema,
    suggestedBy: z.object({ id: z.string().uuid(), name: z.string().nullable() }).nullable(),
    suggestedAt: z.string().datetime().nullable(),
  })
  .openapi('PendingCard')

export const listPendingCards = clientRoute({
  // Cards waiting for the client's own yes: the client decides on them, in their own session.
  access: { self: true, scope: 'assistant', action: 'read', resource: 'pending_cards' },
  method: 'get',
  path: '/clients/{clientId}/pending-cards',
  tags,
  summary: 'Cards a worker or peer expert kept in together mode, waiting for the client to keep, change or drop them (only the client)',
  request: { params: ClientParams },
  responses: { 200: jsonResponse(z.array(PendingCardSchema), 'Waiting cards, oldest first'), ...commonProblems },
})
