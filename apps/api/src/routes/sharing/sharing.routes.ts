import { createRoute, z } from '@hono/zod-openapi'
import { clientRoute, tokenReadableListing } from '../../access/client-route'
import { statementTarget } from '../../access/targets'
import { commonProblems, jsonBody, jsonResponse, problemResponse, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import { StatementSchema, StatementText } from '../inventory/inventory.routes'

const tags = ['Sharing']

const ClientParams = z.object({ clientId: z.string().uuid() })

export const CaseloadSchema = z
  .array(
    z.object({
      clientId: z.string().uuid(),
      displayName: z.string(),
      linked: z.boolean(),
      shared: z.array(
        z.object({ id: z.string().uuid(), scopes: z.array(z.string()), excludeDomains: z.array(z.string()), access: z.enum(['read', 'comment']), endsAt: z.string().nullable(), team: z.boolean() }),
      ),
      inventory: z
        .object({
          lastLookedAt: z.string().datetime().nullable(),
          changedSinceLastLook: z.number().int(),
          statementCount: z.number().int(),
          reviewWaiting: z.boolean(),
          lastReviewedAt: z.string().datetime().nullable(),
        })
        .nullable()
        .openapi({ description: 'Null when the inventory is not shared with you' }),
      openSuggestions: z.number().int(),
    }),
  )
  .openapi('Caseload')

export const CommentSchema = z
  .object({
    id: z.string().uuid(),
    targetKind: z.enum(['statement', 'goal', 'team_meeting']),
    targetId: z.string().uuid(),
    domain: z.string().nullable(),
    targetVersion: z.number().int(),
    authorId: z.string().uuid().nullable(),
    authorName: z.string().nullable(),
    kind: z.enum(['comment', 'suggestion']),
    body: z.string(),
    suggestedText: z.string().nullable(),
    status: z.enum(['open', 'accepted', 'edited', 'declined']).nullable(),
    decidedAt: z.string().datetime().nullable(),
    createdAt: z.string().datetime(),
  })
  .openapi('Comment')

export const AgreementSchema = z
  .object({
    document: z.literal('inventory'),
    contentHash: z.string().openapi({ description: 'SHA-256 of the inventory as you see it now; send it when you sign' }),
    signatures: z.array(
      z.object({
        signerId: z.string().uuid(),
        signerName: z.string(),
        signerRole: z.enum(['client', 'worker']),
        signedAt: z.string().datetime(),
        contentHash: z.string().nullable().openapi({ description: 'Null: it covers parts not shared with you' }),
        current: z
          .boolean()
          .nullable()
          .openapi({ description: 'False: changed since signed on signedAt; ask for a new signature. Null: it depends on parts not shared with you' }),
      }),
    ),
  })
  .openapi('Agreement')

export const getCaseload = createRoute({
  // The organisation's system may read it with a token: each figure goes through the consent rules.
  ...tokenReadableListing,
  method: 'get',
  path: '/caseload',
  tags,
  summary: 'Worker: linked clients, what each shared, what changed since you last looked, reviews waiting',
  responses: { 200: jsonResponse(CaseloadSchema, 'The caseload'), ...commonProblems },
})

export const listComments = clientRoute({
  access: { scope: 'inventory', action: 'read', resource: 'comments' },
  method: 'get',
  path: '/clients/{clientId}/comments',
  tags,
  summary: 'Comments and suggestions on the client\'s statements (left-out domains filtered)',
  request: { params: ClientParams, query: z.object({ statementId: z.string().uuid().optional(), open: z.enum(['true', 'false']).optional() }) },
  responses: { 200: jsonResponse(z.array(CommentSchema), 'Oldest first'), ...commonProblems },
})

export const addComment = clientRoute({
  access: { scope: 'inventory', action: 'comment', target: statementTarget, resource: (p) => `statement:${p.statementId}`, logAction: 'create' },
  method: 'post',
  path: '/clients/{clientId}/statements/{statementId}/comments',
  tags,
  summary: 'Comment on a statement or propose a rewording (needs a consent with comment access); never changes the statement',
  request: {
    params: ClientParams.extend({ statementId: z.string().uuid() }),
    body: jsonBody(
      z
        .object({
          kind: z.enum(['comment', 'suggestion']),
          body: TextSchema.trim().max(1000, 'too_long').default(''),
          suggestedText: StatementText.nullish(),
        })
        .openapi('CommentBody'),
    ),
  },
  responses: { 201: jsonResponse(CommentSchema.extend({ safety: SafetyScreenSchema }), 'Added'), ...commonProblems, 404: problemResponse('No such statement') },
})

export const decideSuggestion = clientRoute({
  access: { self: true, scope: 'inventory', resource: (p) => `suggestion:${p.commentId}`, action: 'update' },
  method: 'post',
  path: '/clients/{clientId}/suggestions/{commentId}/decision',
  tags,
  summary: 'The client accepts (words become theirs), edits, or declines a suggestion',
  request: {
    params: ClientParams.extend({ commentId: z.string().uuid() }),
    body: jsonBody(
      z
        .object({ decision: z.enum(['accept', 'edit', 'decline']), text: StatementText.optional(), version: z.number().int().min(1) })
        .openapi('SuggestionDecision'),
    ),
  },
  responses: {
    200: jsonResponse(z.object({ suggestion: CommentSchema, statement: StatementSchema.nullable() }), 'Decided'),
    ...commonProblems,
    404: problemResponse('No such suggestion'),
    409: problemResponse('suggestion_decided or version_conflict'),
  },
})

export const markReviewed = clientRoute({
  access: { scope: 'inventory', action: 'read', resource: 'review', logAction: 'create', only: 'worker' },
  method: 'post',
  path: '/clients/{clientId}/inventory/reviews',
  tags,
  summary: 'Worker: mark the inventory as you see it now as reviewed',
  request: { params: ClientParams },
  responses: { 201: jsonResponse(z.object({ reviewedAt: z.string().datetime(), contentHash: z.string() }), 'Reviewed'), ...commonProblems },
})

export const getAgreement = clientRoute({
  access: { scope: 'inventory', action: 'read', resource: 'agreement' },
  method: 'get',
  path: '/clients/{clientId}/agreement',
  tags,
  summary: 'The agreement on the inventory: who signed which content, and whether it changed since',
  request: { params: ClientParams },
  responses: { 200: jsonResponse(AgreementSchema, 'The agreement'), ...commonProblems },
})

export const signAgreement = clientRoute({
  access: { scope: 'inventory', action: 'read', resource: 'signature', logAction: 'create', only: 'worker_or_self' },
  method: 'post',
  path: '/clients/{clientId}/agreement/signatures',
  tags,
  summary: 'Sign the inventory as you see it now (client, or a worker it is shared with)',
  request: { params: ClientParams, body: jsonBody(z.object({ contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional() }).openapi('SignBody')) },
  responses: {
    201: jsonResponse(z.object({ signedAt: z.string().datetime(), contentHash: z.string() }), 'Signed'),
    ...commonProblems,
    409: problemResponse('version_conflict: the inventory changed since you loaded it'),
  },
})
