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

export const CommentReplySchema = z
  .object({
    id: z.string().uuid(),
    authorId: z.string().uuid().nullable(),
    authorName: z.string().nullable(),
    body: z.string().openapi({ description: 'Empty once the author removed the reply' }),
    createdAt: z.string().datetime(),
    version: z.number().int().openapi({ description: 'Send it back to change or remove the reply' }),
    editedAt: z.string().datetime().nullable().openapi({ description: 'When the author last changed the words ("bewerkt")' }),
    removed: z.boolean().openapi({ description: 'The author removed it: its place stays, its words are gone' }),
  })
  .openapi('CommentReply')

/** A comment as listed: with whether the client read it and what they answered. */
export const CommentThreadSchema = CommentSchema.extend({
  readAt: z.string().datetime().nullable().openapi({ description: 'When the client marked it read (or answered it)' }),
  replies: z.array(CommentReplySchema),
}).openapi('CommentThread')

export const listComments = clientRoute({
  operationId: 'listComments',
  access: { scope: 'inventory', action: 'read', resource: 'comments' },
  method: 'get',
  path: '/clients/{clientId}/comments',
  tags,
  summary: 'Comments and suggestions on the client\'s statements (left-out domains filtered)',
  request: { params: ClientParams, query: z.object({ statementId: z.string().uuid().optional(), open: z.enum(['true', 'false']).optional() }) },
  responses: { 200: jsonResponse(z.array(CommentThreadSchema), 'Oldest first'), ...commonProblems },
})

export const addComment = clientRoute({
  operationId: 'addComment',
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
