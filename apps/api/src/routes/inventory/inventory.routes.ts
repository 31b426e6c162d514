import { domainSetIds } from '@kracht/method'
import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse, LineSchema, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'

const tags = ['Inventory']

export const times = ['past', 'present', 'future'] as const
export const forms = ['i_am', 'i_can', 'i_have', 'i_want', 'i_know'] as const
export const provenances = ['client', 'client_accepted_assistant', 'client_accepted_ai', 'client_accepted_worker'] as const
/** What a client may say about their own words; a named worker's suggestion only comes from the suggestion or card flows. */
const ownProvenances = ['client', 'client_accepted_assistant', 'client_accepted_ai'] as const

export const ClientParams = z.object({ clientId: z.string().uuid() })
export const StatementParams = ClientParams.extend({ statementId: z.string().uuid() })

/** The client's own words: trimmed, never empty, at most 1,000 characters, stored as plain text. */
export const StatementText = TextSchema.trim().min(1, 'required').max(1000, 'too_long')
const DomainField = LineSchema.min(1, 'required').max(40, 'unknown_domain')

export const StatementSchema = z
  .object({
    id: z.string().uuid(),
    domain: z.string(),
    time: z.enum(times),
    form: z.enum(forms).nullable(),
    text: z.string(),
    provenance: z.enum(provenances),
    suggestedBy: z
      .object({ id: z.string().uuid(), name: z.string().nullable() })
      .nullable()
      .openapi({ description: 'The worker or peer expert who suggested these words (provenance client_accepted_worker)' }),
    version: z.number().int(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi('Statement')

export const FeedbackSchema = z
  .object({
    suggestions: z.array(z.object({ kind: z.string(), message: z.string() })),
    suggestedForm: z.enum(forms).nullable(),
    suggestedDomain: z.string().nullable(),
    crisis: z.boolean(),
  })
  .openapi('StatementFeedback')

export const SavedStatementSchema = z.object({ statement: StatementSchema, feedback: FeedbackSchema, safety: SafetyScreenSchema }).openapi('SavedStatement')

/** A save of priorities or remarks: the new version, and the screen of the saved text. */
const SavedVersionSchema = z.object({ version: z.number().int(), safety: SafetyScreenSchema })

export const CreateStatementBody = z
  .object({
    domain: DomainField,
    time: z.enum(times, { message: 'invalid' }),
    form: z.enum(forms, { message: 'invalid' }).nullish(),
    text: StatementText,
    provenance: z.enum(ownProvenances, { message: 'invalid' }).optional(),
  })
  .openapi('CreateStatementBody')

export const UpdateStatementBody = z
  .object({
    version: z.number().int().min(1),
    domain: DomainField.optional(),
    time: z.enum(times, { message: 'invalid' }).optional(),
    form: z.enum(forms, { message: 'invalid' }).nullish(),
    text: StatementText.optional(),
    provenance: z.enum(ownProvenances, { message: 'invalid' }).optional(),
  })
  .openapi('UpdateStatementBody')

export const PrioritySchema = z
  .object({
    domain: DomainField,
    wish: TextSchema.trim().max(500, 'too_long').nullish().transform((wish) => (wish ? wish : null)),
  })
  .openapi('Priority')

export const QualitySchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        status: z.enum(['done', 'on_the_way', 'to_do', 'not_yet', 'talk_about']),
        count: z.number().int(),
        total: z.number().int(),
        statementIds: z.array(z.string()),
      }),
    ),
    checkedAt: z.string().datetime(),
  })
  .openapi('Quality')

export const InventorySchema = z
  .object({
    clientId: z.string().uuid(),
    displayName: z.string(),
    domainSet: z.enum(domainSetIds),
    domains: z.array(z.string()),
    priorityLimit: z.number().int(),
    statements: z.array(StatementSchema),
    priorities: z.array(z.object({ domain: z.string(), wish: z.string().nullable() })),
    remarks: z.string(),
    version: z.number().int().openapi({ description: 'Version of priorities and remarks; 0 before the first save' }),
    updatedAt: z.string().datetime().nullable(),
    quality: QualitySchema,
  })
  .openapi('Inventory')

const StatementAtSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  domain: z.string(),
  time: z.enum(times),
  form: z.string().nullable(),
  text: z.string(),
  provenance: z.string(),
  changedAt: z.string().datetime(),
})

export const HistorySchema = z
  .object({
    at: z.string().datetime(),
    firstChangeAt: z.string().datetime().nullable(),
    statements: z.array(StatementAtSchema),
    priorities: z.array(z.object({ domain: z.string(), wish: z.string().nullable() })),
    remarks: z.string(),
    changesSince: z.array(
      z.union([
        z.object({ kind: z.enum(['added', 'removed']), statement: StatementAtSchema }),
        z.object({ kind: z.literal('changed'), before: StatementAtSchema, after: StatementAtSchema }),
      ]),
    ),
    growth: z.array(z.object({ at: z.string().datetime(), counts: z.record(z.string(), z.number()), total: z.number().int() })),
  })
  .openapi('InventoryHistory')

const clientProblems = { ...commonProblems, 404: problemResponse('No such statement') }

export const listStatements = clientRoute({
  operationId: 'listStatements',
  access: { scope: 'inventory', action: 'read', resource: 'statements' },
  method: 'get',
  path: '/clients/{clientId}/statements',
  tags,
  summary: "The client's statements, oldest first",
  request: { params: ClientParams, query: z.object({ domain: LineSchema.max(40).optional(), time: z.enum(times).optional() }) },
  responses: { 200: jsonResponse(z.array(StatementSchema), 'Statements'), ...commonProblems },
})

export const createStatement = clientRoute({
  operationId: 'createStatement',
  access: { scope: 'inventory', action: 'write' },
  method: 'post',
  path: '/clients/{clientId}/statements',
  tags,
  summary: 'Add a statement, with gentle feedback from the language analysis (advice, never a block)',
  request: { params: ClientParams, body: jsonBody(CreateStatementBody) },
  responses: { 201: jsonResponse(SavedStatementSchema, 'Saved'), ...commonProblems },
})

export const updateStatement = clientRoute({
  operationId: 'updateStatement',
  access: { scope: 'inventory', action: 'write', resource: (p) => `statement:${p.statementId}` },
  method: 'patch',
  path: '/clients/{clientId}/statements/{statementId}',
  tags,
  summary: 'Change a statement; carries the version it changes',
  request: { params: StatementParams, body: jsonBody(UpdateStatementBody) },
  responses: {
    200: jsonResponse(SavedStatementSchema, 'Saved'),
    ...clientProblems,
    409: problemResponse('version_conflict: changed elsewhere; nothing was overwritten'),
  },
})

export const deleteStatement = clientRoute({
  operationId: 'deleteStatement',
  access: { scope: 'inventory', action: 'write', resource: (p) => `statement:${p.statementId}`, logAction: 'delete' },
  method: 'delete',
  path: '/clients/{clientId}/statements/{statementId}',
  tags,
  summary: 'Remove a statement (it stays in the history); carries the version it removes',
  request: { params: StatementParams, query: z.object({ version: z.coerce.number().int().min(1) }) },
  responses: {
    204: { description: 'Removed' },
    ...clientProblems,
    409: problemResponse('version_conflict: changed elsewhere; nothing was removed'),
  },
})

export const getInventory = clientRoute({
  operationId: 'getInventory',
  access: { scope: 'inventory', action: 'read', resource: 'inventory', logWithRead: true },
  method: 'get',
  path: '/clients/{clientId}/inventory',
  tags,
  summary: 'The whole inventory: domains, statements, priorities, remarks and the quality check',
  request: { params: ClientParams, query: z.object({ locale: z.enum(['nl', 'en']).optional() }) },
  responses: {
    200: jsonResponse(
      InventorySchema.extend({
        viewerAccess: z.enum(['read', 'comment', 'write']).openapi({ description: 'What you may do: read only, also comment and suggest (a consent), or write (the client)' }),
      }),
      'The inventory',
    ),
    ...commonProblems,
  },
})

export const putPriorities = clientRoute({
  operationId: 'putPriorities',
  access: { scope: 'inventory', action: 'write', resource: 'priorities' },
  method: 'put',
  path: '/clients/{clientId}/priorities',
  tags,
  summary: "Set the client's priority domains in order, each with an optional wish",
  request: {
    params: ClientParams,
    body: jsonBody(z.object({ version: z.number().int().min(0), priorities: z.array(PrioritySchema).max(10) }).openapi('PrioritiesBody')),
  },
  responses: {
    200: jsonResponse(SavedVersionSchema, 'Saved'),
    ...commonProblems,
    409: problemResponse('version_conflict'),
  },
})

export const putRemarks = clientRoute({
  operationId: 'putRemarks',
  access: { scope: 'inventory', action: 'write', resource: 'remarks' },
  method: 'put',
  path: '/clients/{clientId}/remarks',
  tags,
  summary: 'Set the remarks (opmerkingen) of the inventory',
  request: {
    params: ClientParams,
    body: jsonBody(z.object({ version: z.number().int().min(0), remarks: TextSchema.trim().max(4000, 'too_long') }).openapi('RemarksBody')),
  },
  responses: {
    200: jsonResponse(SavedVersionSchema, 'Saved'),
    ...commonProblems,
    409: problemResponse('version_conflict'),
  },
})

export const getHistory = clientRoute({
  operationId: 'getHistory',
  access: { scope: 'inventory', action: 'read', resource: 'history' },
  method: 'get',
  path: '/clients/{clientId}/inventory/history',
  tags,
  summary: 'The inventory as it stood at a moment, what changed since, and growth per domain over time',
  request: { params: ClientParams, query: z.object({ at: z.string().datetime({ offset: true }).or(z.string().date()).optional() }) },
  responses: { 200: jsonResponse(HistorySchema, 'History'), ...commonProblems },
})
