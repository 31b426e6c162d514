// The worker's caseload: linked clients, what each shared, what changed, reviews waiting.
import { createRoute, z } from '@hono/zod-openapi'
import { tokenReadableListing } from '../../access/client-route'
import { commonProblems, jsonResponse } from '../../lib/schemas'

const tags = ['Sharing']

export const CaseloadSchema = z
  .array(
    z.object({
      clientId: z.string().uuid(),
      displayName: z.string(),
      linked: z.boolean(),
      shared: z.array(
        z.object({ id: z.string().uuid(), scopes: z.array(z.string()), excludeDomains: z.array(z.string()), access: z.enum(['read', 'comment']), endsAt: z.string().nullable(), team: z.boolean() }),
      ),
      inventory: z
        .object({
          lastLookedAt: z.string().datetime().nullable(),
          changedSinceLastLook: z.number().int(),
          statementCount: z.number().int(),
          reviewWaiting: z.boolean(),
          lastReviewedAt: z.string().datetime().nullable(),
        })
        .nullable()
        .openapi({ description: 'Null when the inventory is not shared with you' }),
      openSuggestions: z.number().int(),
    }),
  )
  .openapi('Caseload')

export const getCaseload = createRoute({
  // The organisation's system may read it with a token: each figure goes through the consent rules.
  ...tokenReadableListing,
  method: 'get',
  path: '/caseload',
  tags,
  summary: 'Worker: linked clients, what each shared, what changed since you last looked, reviews waiting',
  responses: { 200: jsonResponse(CaseloadSchema, 'The caseload'), ...commonProblems },
})
