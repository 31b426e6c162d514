// A worker marks the inventory, as they see it now, as reviewed.
import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonResponse } from '../../lib/schemas'

const tags = ['Sharing']

const ClientParams = z.object({ clientId: z.string().uuid() })

export const markReviewed = clientRoute({
  access: { scope: 'inventory', action: 'read', resource: 'review', logAction: 'create', only: 'worker' },
  method: 'post',
  path: '/clients/{clientId}/inventory/reviews',
  tags,
  summary: 'Worker: mark the inventory as you see it now as reviewed',
  request: { params: ClientParams },
  responses: { 201: jsonResponse(z.object({ reviewedAt: z.string().datetime(), contentHash: z.string() }), 'Reviewed'), ...commonProblems },
})
