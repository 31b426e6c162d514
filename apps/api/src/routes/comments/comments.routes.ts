// Comments and suggested rewordings on the client's statements (never changing the statement).
import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { statementTarget } from '../../access/targets'
import { commonProblems, jsonBody, jsonResponse, OwnWordsFields, problemResponse, RemoveVersionQuery, TextSchema } from '../../lib/schemas'
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
    ...OwnWordsFields,
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

const OwnCommentParams = ClientParams.extend({ statementId: z.string().uuid(), commentId: z.string().uuid() })
const ownComment = (logAction: 'update' | 'delete') =>
  ({ scope: 'inventory', action: 'comment', target: statementTarget, resource: (p: Record<string, string>) => `comment:${p.commentId}`, logAction }) as const
const ownWordsProblems = {
  ...commonProblems,
  404: problemResponse('No such comment on this statement (or it was removed)'),
  409: problemResponse('version_conflict: changed elsewhere, nothing was overwritten; suggestion_decided: the client decided on it, its words stay'),
}

export const editComment = clientRoute({
  operationId: 'editComment',
  access: ownComment('update'),
  method: 'patch',
  path: '/clients/{clientId}/statements/{statementId}/comments/{commentId}',
  tags,
  summary: 'The author changes the words of her own comment or open suggestion; carries the version it changes (screened like every text)',
  description: 'Only the one who wrote it (403 forbidden for anyone else, logged as only_the_author). Everyone who reads it then sees the new words, marked as edited; the old words are not kept. A suggestion the client decided on cannot be changed (409 suggestion_decided).',
  request: {
    params: OwnCommentParams,
    body: jsonBody(
      z
        .object({ body: TextSchema.trim().max(1000, 'too_long').default(''), suggestedText: StatementText.optional(), version: z.number().int().min(1) })
        .openapi('EditCommentBody'),
    ),
  },
  responses: { 200: jsonResponse(CommentSchema.extend({ safety: SafetyScreenSchema }), 'Changed'), ...ownWordsProblems },
})

export const removeComment = clientRoute({
  operationId: 'removeComment',
  access: ownComment('delete'),
  method: 'delete',
  path: '/clients/{clientId}/statements/{statementId}/comments/{commentId}',
  tags,
  summary: 'The author removes her own comment or suggestion; carries the version it removes',
  description: 'The words are erased at once; the place stays, with the client\'s answers under it. An open suggestion is withdrawn (nothing left to decide); a decided one keeps the client\'s decision.',
  request: { params: OwnCommentParams, query: RemoveVersionQuery },
  responses: { 204: { description: 'Removed' }, ...ownWordsProblems },
})
