import { createRoute, z } from '@hono/zod-openapi'
import { notificationKinds } from '@kracht/db'
import { commonProblems, jsonResponse, problemResponse } from '../../lib/schemas'

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

export const ContactRequestSchema = z
  .object({
    id: z.string().uuid(),
    clientId: z.string().uuid(),
    clientName: z.string(),
    createdAt: z.string().datetime(),
    nextSession: z.object({ id: z.string().uuid(), title: z.string(), startsAt: z.string().datetime() }).nullable(),
  })
  .openapi('ContactRequest', { description: 'A client asked to be contacted; never their words, only how to reach them (the next planned session)' })

export const listContactRequests = createRoute({
  operationId: 'listContactRequests',
  method: 'get',
  path: '/notifications/contact-requests',
  tags: ['Notifications'],
  summary: 'Worker: clients who asked to be contacted and are still waiting, with your next session together',
  responses: { 200: jsonResponse(z.array(ContactRequestSchema), 'Open requests, newest first'), ...commonProblems },
})

export const markContactHad = createRoute({
  operationId: 'markContactHad',
  method: 'post',
  path: '/notifications/{notificationId}/contact-had',
  tags: ['Notifications'],
  summary: 'Worker: you had contact; the request is closed',
  request: { params: z.object({ notificationId: z.string().uuid() }) },
  responses: {
    200: jsonResponse(z.object({ id: z.string().uuid(), readAt: z.string().datetime() }), 'Closed'),
    ...commonProblems,
    404: problemResponse('No such notification of yours'),
  },
})
