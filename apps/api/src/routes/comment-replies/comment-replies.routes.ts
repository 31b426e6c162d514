import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import { CommentReplySchema } from '../comments/comments.routes'

const tags = ['Sharing']
const CommentParams = z.object({ clientId: z.string().uuid(), commentId: z.string().uuid() })

export const markCommentRead = clientRoute({
  operationId: 'markCommentRead',
  access: { self: true, scope: 'inventory', action: 'update', resource: (p) => `comment:${p.commentId}` },
  method: 'post',
  path: '/clients/{clientId}/comments/{commentId}/read',
  tags,
  summary: 'The client marks a comment read; the one who wrote it sees that it arrived',
  request: { params: CommentParams },
  responses: {
    200: jsonResponse(z.object({ commentId: z.string().uuid(), readAt: z.string().datetime() }), 'Marked read (a second mark keeps the first time)'),
    ...commonProblems,
    404: problemResponse('No such comment'),
  },
})

export const replyToComment = clientRoute({
  operationId: 'replyToComment',
  access: { self: true, scope: 'inventory', action: 'create', resource: (p) => `comment:${p.commentId}` },
  method: 'post',
  path: '/clients/{clientId}/comments/{commentId}/replies',
  tags,
  summary: 'The client answers a comment in a few words (screened like every text; marks the comment read)',
  request: {
    params: CommentParams,
    body: jsonBody(z.object({ body: TextSchema.trim().min(1, 'required').max(1000, 'too_long') }).openapi('CommentReplyBody')),
  },
  responses: {
    201: jsonResponse(CommentReplySchema.extend({ safety: SafetyScreenSchema }), 'Answered'),
    ...commonProblems,
    404: problemResponse('No such comment'),
  },
})
