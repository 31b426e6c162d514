// The agreement on the inventory: who signed which content, and signing it.
import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse } from '../../lib/schemas'

const tags = ['Sharing']

const ClientParams = z.object({ clientId: z.string().uuid() })

export const AgreementSchema = z
  .object({
    document: z.literal('inventory'),
    contentHash: z.string().openapi({ description: 'SHA-256 of the inventory as you see it now; send it when you sign' }),
    signatures: z.array(
      z.object({
        signerId: z.string().uuid(),
        signerName: z.string(),
        signerRole: z.enum(['client', 'worker']),
        signedAt: z.string().datetime(),
        contentHash: z.string().nullable().openapi({ description: 'Null: it covers parts not shared with you' }),
        current: z
          .boolean()
          .nullable()
          .openapi({ description: 'False: changed since signed on signedAt; ask for a new signature. Null: it depends on parts not shared with you' }),
      }),
    ),
  })
  .openapi('Agreement')

export const getAgreement = clientRoute({
  access: { scope: 'inventory', action: 'read', resource: 'agreement' },
  method: 'get',
  path: '/clients/{clientId}/agreement',
  tags,
  summary: 'The agreement on the inventory: who signed which content, and whether it changed since',
  request: { params: ClientParams },
  responses: { 200: jsonResponse(AgreementSchema, 'The agreement'), ...commonProblems },
})

export const signAgreement = clientRoute({
  access: { scope: 'inventory', action: 'read', resource: 'signature', logAction: 'create', only: 'worker_or_self' },
  method: 'post',
  path: '/clients/{clientId}/agreement/signatures',
  tags,
  summary: 'Sign the inventory as you see it now (client, or a worker it is shared with)',
  request: { params: ClientParams, body: jsonBody(z.object({ contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional() }).openapi('SignBody')) },
  responses: {
    201: jsonResponse(z.object({ signedAt: z.string().datetime(), contentHash: z.string() }), 'Signed'),
    ...commonProblems,
    409: problemResponse('version_conflict: the inventory changed since you loaded it'),
  },
})
