import { createRoute, z } from '@hono/zod-openapi'
import { notificationKinds } from '@kracht/db'
import { commonProblems, jsonResponse } from '../../lib/schemas'

export const NotificationSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(notificationKinds),
    clientId: z.string().uuid().nullable(),
    clientName: z.string().nullable(),
    createdAt: z.string().datetime(),
    readAt: z.string().datetime().nullable(),
  })
  .openapi('Notification', { description: 'safety_contact: the client asked, after a help card in the assistant, that you be told' })

export const listNotifications = createRoute({
  operationId: 'listNotifications',
  method: 'get',
  path: '/notifications',
  tags: ['Notifications'],
  summary: 'My notifications, newest first',
  responses: { 200: jsonResponse(z.array(NotificationSchema), 'Notifications'), ...commonProblems },
})
