import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import { CommentReplySchema } from '../comments/comments.routes'

const tags = ['Sharing']
const CommentParams = z.object({ clientId: z.string().uuid(), commentId: z.string().uuid() })
const ReplyParams = CommentParams.extend({ replyId: z.string().uuid() })
const ReplyText = TextSchema.trim().min(1, 'required').max(1000, 'too_long')

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
    body: jsonBody(z.object({ body: ReplyText }).openapi('CommentReplyBody')),
  },
  responses: {
    201: jsonResponse(CommentReplySchema.extend({ safety: SafetyScreenSchema }), 'Answered'),
    ...commonProblems,
    404: problemResponse('No such comment'),
  },
})

export const editCommentReply = clientRoute({
  operationId: 'editCommentReply',
  access: { self: true, scope: 'inventory', action: 'update', resource: (p) => `comment_reply:${p.replyId}` },
  method: 'patch',
  path: '/clients/{clientId}/comments/{commentId}/replies/{replyId}',
  tags,
  summary: 'The client changes the words of her own reply; carries the version it changes (screened like every text)',
  description: 'Only the client who wrote it. The worker then sees the new words, marked as edited; the old words are not kept.',
  request: {
    params: ReplyParams,
    body: jsonBody(z.object({ body: ReplyText, version: z.number().int().min(1) }).openapi('EditCommentReplyBody')),
  },
  responses: {
    200: jsonResponse(CommentReplySchema.extend({ safety: SafetyScreenSchema }), 'Changed'),
    ...commonProblems,
    404: problemResponse('No such reply under this comment (or it was removed)'),
    409: problemResponse('version_conflict: changed elsewhere; nothing was overwritten'),
  },
})

export const removeCommentReply = clientRoute({
  operationId: 'removeCommentReply',
  access: { self: true, scope: 'inventory', action: 'delete', resource: (p) => `comment_reply:${p.replyId}` },
  method: 'delete',
  path: '/clients/{clientId}/comments/{commentId}/replies/{replyId}',
  tags,
  summary: 'The client removes her own reply; carries the version it removes',
  description: 'The words are erased at once; the worker sees only that the client removed a reply.',
  request: { params: ReplyParams, query: z.object({ version: z.coerce.number().int().min(1) }) },
  responses: {
    204: { description: 'Removed' },
    ...commonProblems,
    404: problemResponse('No such reply under this comment (or it was removed already)'),
    409: problemResponse('version_conflict: changed elsewhere; nothing was removed'),
  },
})
