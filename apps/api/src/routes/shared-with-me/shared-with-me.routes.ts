import { createRoute, z } from '@hono/zod-openapi'
import { consentScopes } from '@kracht/db'
import { commonProblems, jsonResponse } from '../../lib/schemas'

export const SharedWithMeSchema = z
  .array(
    z.object({
      clientId: z.string().uuid(),
      displayName: z.string(),
      shares: z.array(
        z.object({
          id: z.string().uuid(),
          scopes: z.array(z.enum(consentScopes)),
          access: z.enum(['read', 'comment']),
          excludeDomains: z.array(z.string()),
          endsAt: z.string().datetime().nullable(),
        }),
      ),
      canReadInventory: z.boolean(),
      canWorkTogether: z.boolean().openapi({ description: 'Inventory shared with comment access: a guided conversation together is allowed' }),
      canMessage: z.boolean(),
      canReadMessages: z.boolean(),
    }),
  )
  .openapi('SharedWithMe')

export const listSharedWithMe = createRoute({
  operationId: 'listSharedWithMe',
  method: 'get',
  path: '/me/shared-with-me',
  tags: ['Sharing'],
  summary: 'Clients who share something with me (worker or peer expert), by scope: the terms, never the content',
  request: {
    query: z.object({
      clientId: z.string().uuid().optional().openapi({ description: 'Only this client (a page about one client): the same entry as in the whole list, or none' }),
    }),
  },
  responses: { 200: jsonResponse(SharedWithMeSchema, 'By name'), ...commonProblems },
})
