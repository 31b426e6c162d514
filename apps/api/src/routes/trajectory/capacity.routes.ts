import { z } from '@hono/zod-openapi'
import { capacityBalances } from '@kracht/db'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import { ClientParams } from './trajectory.routes'

const tags = ['Capacity assessment']

const Part = TextSchema.trim().max(2000, 'too_long')

export const AssessmentSchema = z
  .object({
    id: z.string().uuid(),
    capacity: z.string().openapi({ description: 'What the client can carry now (draagkracht)' }),
    load: z.string().openapi({ description: 'What weighs on the client now (draaglast)' }),
    risks: z.string(),
    safety: z.string().openapi({ description: "For women specifically: their own and their children's safety" }),
    balance: z.enum(capacityBalances),
    authorName: z.string().nullable(),
    createdAt: z.string().datetime(),
  })
  .openapi('CapacityAssessment')

export const listAssessments = clientRoute({
  operationId: 'listAssessments',
  access: { linked: true, scope: 'capacity', action: 'read', resource: 'capacity_assessment' },
  method: 'get',
  path: '/clients/{clientId}/capacity-assessments',
  tags,
  summary: "The worker's capacity assessments, newest first: linked workers, and the client on request (GDPR art. 15)",
  request: { params: ClientParams },
  responses: { 200: jsonResponse(z.array(AssessmentSchema), 'Newest first'), ...commonProblems },
})

export const addAssessment = clientRoute({
  operationId: 'addAssessment',
  access: { linked: true, scope: 'capacity', action: 'create', resource: 'capacity_assessment', only: 'worker' },
  method: 'post',
  path: '/clients/{clientId}/capacity-assessments',
  tags,
  summary: 'Linked worker: a new capacity assessment (never edits an earlier one); screened, nothing blocked',
  request: {
    params: ClientParams,
    body: jsonBody(
      z
        .object({
          capacity: Part.min(1, 'required'),
          load: Part.min(1, 'required'),
          risks: Part.default(''),
          safety: Part.default(''),
          balance: z.enum(capacityBalances, { message: 'invalid' }),
        })
        .strict()
        .openapi('NewCapacityAssessment'),
    ),
  },
  responses: { 201: jsonResponse(z.object({ assessment: AssessmentSchema, safety: SafetyScreenSchema }), 'Saved'), ...commonProblems },
})
