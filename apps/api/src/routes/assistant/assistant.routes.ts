import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { proposalTarget } from '../../access/targets'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import { commonProblems, jsonBody, jsonResponse, problemResponse } from '../../lib/schemas'
import {
  AcceptBody,
  AiHelpSchema,
  AiRecordSchema,
  AnswerBody,
  answerProblem,
  ClientParams,
  ConversationListSchema,
  ConversationParams,
  ConversationSchema,
  DropBody,
  PendingCardSchema,
  ProposalParams,
  ProposalSchema,
  SafetyChoiceBody,
  SafetyEventSchema,
  StartBody,
} from './assistant.schemas'

const tags = ['Assistant']

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
