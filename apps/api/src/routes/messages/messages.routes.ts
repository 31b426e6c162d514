import { createRoute, z } from '@hono/zod-openapi'
import { messageTopics } from '@kracht/db'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, RoleSchema, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'

const tags = ['Messages']
const ClientParams = z.object({ clientId: z.string().uuid() })

export const MessageSchema = z
  .object({
    id: z.string().uuid(),
    authorId: z.string().uuid().nullable(),
    authorName: z.string().nullable(),
    authorRole: RoleSchema.nullable(),
    mine: z.boolean(),
    topic: z.enum(messageTopics),
    text: z.string(),
    createdAt: z.string().datetime(),
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
