import { createRoute, z } from '@hono/zod-openapi'
import { commonProblems, jsonBody, jsonResponse } from '../../lib/schemas'

const tags = ['Sign-in policy']

export const SignInPolicySchema = z
  .object({
    requireStaffTotp: z.boolean().openapi({ description: 'Workers, peer experts and coordinators must use an authenticator app' }),
    resetNeedsApproval: z.boolean().openapi({ description: "A client's access reset works only after a second staff member approved it" }),
  })
  .openapi('SignInPolicy')

export const readPolicy = createRoute({
  operationId: 'readPolicy',
  method: 'get',
  path: '/organisation/sign-in-policy',
  tags,
  summary: "The organisation's sign-in rules (coordinators)",
  responses: { 200: jsonResponse(SignInPolicySchema, 'The rules'), ...commonProblems },
})

export const updatePolicy = createRoute({
  operationId: 'updatePolicy',
  method: 'put',
  path: '/organisation/sign-in-policy',
  tags,
  summary: "Change the organisation's sign-in rules (coordinators)",
  request: { body: jsonBody(SignInPolicySchema) },
  responses: { 200: jsonResponse(SignInPolicySchema, 'Saved'), ...commonProblems },
})
