import { createRoute, z } from '@hono/zod-openapi'
import { commonProblems, jsonBody, jsonResponse, problemResponse, LineSchema } from '../../lib/schemas'
import { consentScopes } from '@kracht/db'

const tags = ['API tokens']

export const ApiTokenSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    expiresAt: z.string().datetime(),
    createdAt: z.string().datetime(),
    lastUsedAt: z.string().datetime().nullable(),
    revokedAt: z.string().datetime().nullable(),
  })
  .openapi('ApiToken')

export const listTokens = createRoute({
  operationId: 'listTokens',
  method: 'get',
  path: '/me/api-tokens',
  tags,
  summary: 'My personal API tokens (workers and coordinators)',
  responses: { 200: jsonResponse(z.array(ApiTokenSchema), 'Tokens, newest first'), ...commonProblems },
})

export const createToken = createRoute({
  operationId: 'createToken',
  method: 'post',
  path: '/me/api-tokens',
  tags,
  summary: 'Create a read-only token with scopes and an end date; the secret is shown once. Send it as Authorization: Bearer <token>',
  request: {
    body: jsonBody(
      z
        .object({
          name: LineSchema.trim().min(1, 'required').max(80, 'too_long'),
          scopes: z.array(LineSchema.max(40)).min(1, 'unknown_scope').max(consentScopes.length),
          expiresAt: z.string().datetime({ offset: true }).openapi({ description: 'At most 90 days ahead' }),
          password: z.string().min(1, 'required').max(1000, 'too_long').openapi({ description: 'Your passphrase, asked again' }),
        })
        .openapi('ApiTokenBody'),
    ),
  },
  responses: {
    201: jsonResponse(ApiTokenSchema.extend({ token: z.string() }).openapi('NewApiToken'), 'Created: the token is shown only now'),
    ...commonProblems,
    429: problemResponse('Too many wrong passphrases'),
  },
})

export const revokeToken = createRoute({
  operationId: 'revokeToken',
  method: 'delete',
  path: '/me/api-tokens/{tokenId}',
  tags,
  summary: 'Revoke a token; it stops working at once',
  request: { params: z.object({ tokenId: z.string().uuid() }) },
  responses: {
    200: jsonResponse(ApiTokenSchema, 'Revoked'),
    ...commonProblems,
    404: problemResponse('No such token'),
    409: problemResponse('token_already_revoked'),
  },
})
