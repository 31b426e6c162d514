// Comments and suggested rewordings on the client's statements (never changing the statement).
import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { statementTarget } from '../../access/targets'
import { commonProblems, jsonBody, jsonResponse, problemResponse, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import { StatementText } from '../inventory/inventory.routes'

const tags = ['Sharing']

const ClientParams = z.object({ clientId: z.string().uuid() })

export const CommentSchema = z
  .object({
    id: z.string().uuid(),
    targetKind: z.enum(['statement', 'goal']),
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
