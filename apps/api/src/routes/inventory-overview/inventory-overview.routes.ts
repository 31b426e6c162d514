// The worker's page about one client in one call (issue 19): the inventory, its comments and the
// agreement, which the page read as three calls, each through the whole middleware stack and each
// writing its log row in a round trip of its own.
import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonResponse } from '../../lib/schemas'
import { CommentThreadSchema } from '../comments/comments.routes'
import { ClientParams, InventorySchema } from '../inventory/inventory.routes'
import { AgreementSchema } from '../signatures/signatures.routes'
import { consentScopes } from '@kracht/db'

export const getInventoryOverview = clientRoute({
  operationId: 'getInventoryOverview',
  // One gate for the three parts (the same rule as each of them on its own), and a log row for each
  // part, written in the same statement as the first read; a refusal is one row.
  access: { scope: 'inventory', action: 'read', resource: 'inventory', alsoLogs: ['comments', 'agreement'], logWithRead: true },
  method: 'get',
  path: '/clients/{clientId}/inventory/overview',
  tags: ['Sharing'],
  summary: 'The inventory with its comments and the agreement, as GET …/inventory, …/comments and …/agreement give them, and the scopes the client shares with you, in one answer',
  request: { params: ClientParams, query: z.object({ locale: z.enum(['nl', 'en']).optional() }) },
  responses: {
    200: jsonResponse(
      z
        .object({
          inventory: InventorySchema.extend({ viewerAccess: z.enum(['read', 'comment', 'write']) }),
          comments: z.array(CommentThreadSchema),
          agreement: AgreementSchema,
          sharedScopes: z.array(z.enum(consentScopes)).openapi({
            description:
              "What else this client shares with you, by scope (the links to the client's other pages; empty for the client): the scopes of your active consents from this client, as GET /me/shared-with-me?clientId= lists them, without their terms",
          }),
        })
        .openapi('InventoryOverview'),
      'The inventory, its comments (oldest first), the agreement and the scopes shared with you',
    ),
    ...commonProblems,
  },
})
