import { createRoute, z } from '@hono/zod-openapi'
import { messageTopics } from '@kracht/db'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse, RoleSchema, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'

const tags = ['Messages']
const ClientParams = z.object({ clientId: z.string().uuid() })
const MessageParams = ClientParams.extend({ messageId: z.string().uuid() })

export const MessageSchema = z
  .object({
    id: z.string().uuid(),
    authorId: z.string().uuid().nullable(),
    authorName: z.string().nullable(),
    authorRole: RoleSchema.nullable(),
    mine: z.boolean(),
    topic: z.enum(messageTopics),
    text: z.string().openapi({ description: 'Empty once the author removed the message' }),
    createdAt: z.string().datetime(),
    version: z.number().int().openapi({ description: 'Send it back to change or remove the message' }),
    editedAt: z.string().datetime().nullable().openapi({ description: 'When the author last changed the words ("bewerkt")' }),
    removed: z.boolean().openapi({ description: 'The author removed it: its place stays in the thread, its words are gone' }),
    readByClient: z.boolean(),
    unread: z.boolean(),
  })
  .openapi('Message')

/** Short on purpose: a message is a nudge, the inventory and the plan are where the words live. */
export const messageMaxLength = 1000

export const listMessages = clientRoute({
  operationId: 'listMessages',
  access: { scope: 'messages', action: 'read', resource: 'messages' },
  method: 'get',
  path: '/clients/{clientId}/messages',
  tags,
  summary: "The client's message thread, oldest first (the client, a linked worker, or on the client's messages share)",
  request: { params: ClientParams },
  responses: { 200: jsonResponse(z.object({ messages: z.array(MessageSchema), unread: z.number().int() }).openapi('MessageThread'), 'The thread'), ...commonProblems },
})

export const sendMessage = clientRoute({
  operationId: 'sendMessage',
  access: { scope: 'messages', action: 'comment', resource: 'messages', logAction: 'create' },
  method: 'post',
  path: '/clients/{clientId}/messages',
  tags,
  summary: 'Send a short message in the client\'s thread (the client, a linked worker, or on a messages share with comment access)',
  description: 'Screened for a crisis like every saved text: the message is saved as written and the answer carries `safety`.',
  request: {
    params: ClientParams,
    body: jsonBody(
      z
        .object({
          text: TextSchema.trim().min(1, 'required').max(messageMaxLength, 'too_long'),
          topic: z.enum(messageTopics, { message: 'invalid' }).default('general'),
        })
        .openapi('SendMessageBody'),
    ),
  },
  responses: {
    201: jsonResponse(z.object({ id: z.string().uuid(), topic: z.enum(messageTopics), text: z.string(), createdAt: z.string().datetime(), safety: SafetyScreenSchema }), 'Sent'),
    ...commonProblems,
  },
})

/** The words of a message, the same rules as sending. */
const MessageText = TextSchema.trim().min(1, 'required').max(messageMaxLength, 'too_long')

export const editMessage = clientRoute({
  operationId: 'editMessage',
  access: { scope: 'messages', action: 'comment', resource: (p) => `message:${p.messageId}`, logAction: 'update' },
  method: 'patch',
  path: '/clients/{clientId}/messages/{messageId}',
  tags,
  summary: 'Change the words of your own message (only its author); carries the version it changes',
  description:
    'Only the author may change a message (403 otherwise, logged like every refusal). The thread then shows it as edited. Screened for a crisis like every saved text: saved as written, the answer carries `safety`.',
  request: {
    params: MessageParams,
    body: jsonBody(z.object({ text: MessageText, version: z.number().int().min(1) }).openapi('EditMessageBody')),
  },
  responses: {
    200: jsonResponse(
      z.object({ id: z.string().uuid(), topic: z.enum(messageTopics), text: z.string(), createdAt: z.string().datetime(), editedAt: z.string().datetime(), version: z.number().int(), safety: SafetyScreenSchema }),
      'Changed',
    ),
    ...commonProblems,
    404: problemResponse('No such message in this thread (or it was removed)'),
    409: problemResponse('version_conflict: changed elsewhere; nothing was overwritten'),
  },
})

export const removeMessage = clientRoute({
  operationId: 'removeMessage',
  access: { scope: 'messages', action: 'comment', resource: (p) => `message:${p.messageId}`, logAction: 'delete' },
  method: 'delete',
  path: '/clients/{clientId}/messages/{messageId}',
  tags,
  summary: 'Remove your own message (only its author); carries the version it removes',
  description: 'The words are erased at once. The thread keeps the place with "removed", so answers after it still make sense.',
  request: { params: MessageParams, query: z.object({ version: z.coerce.number().int().min(1) }) },
  responses: {
    204: { description: 'Removed' },
    ...commonProblems,
    404: problemResponse('No such message in this thread (or it was removed already)'),
    409: problemResponse('version_conflict: changed elsewhere; nothing was removed'),
  },
})

export const markMessagesRead = clientRoute({
  operationId: 'markMessagesRead',
  access: { scope: 'messages', action: 'read', resource: 'messages', logAction: 'update' },
  method: 'post',
  path: '/clients/{clientId}/messages/read',
  tags,
  summary: 'Mark the thread read up to now, for the caller',
  request: { params: ClientParams },
  responses: { 204: { description: 'Marked' }, ...commonProblems },
})

export const unreadMessages = createRoute({
  operationId: 'unreadMessages',
  method: 'get',
  path: '/me/messages/unread',
  tags,
  summary: 'Unread messages per thread I may read (for the home page)',
  responses: {
    200: jsonResponse(
      z.object({ total: z.number().int(), threads: z.array(z.object({ clientId: z.string().uuid(), displayName: z.string(), unread: z.number().int() })) }).openapi('UnreadMessages'),
      'Counts',
    ),
    ...commonProblems,
  },
})
