import { z } from '@hono/zod-openapi'
import { evaluationItems } from '@kracht/trajectory'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import { ClientParams } from './trajectory.routes'

const tags = ['Evaluation']

const EvaluationParams = ClientParams.extend({ evaluationId: z.string().uuid() })
const evaluationResource = (p: Record<string, string>) => `evaluation:${p.evaluationId ?? ''}`

const AnswerSchema = z
  .object({
    text: z.string(),
    version: z.number().int().openapi({ description: 'Send it back when you change your own answer' }),
    authorName: z.string().nullable(),
    updatedAt: z.string().datetime(),
  })
  .openapi('EvaluationAnswer')

const EvaluationSignatureSchema = z
  .object({
    signerRole: z.enum(['client', 'worker']),
    signerName: z.string(),
    signedAt: z.string().datetime(),
    current: z.boolean().openapi({ description: 'False: an answer changed since this signature (changed since signed)' }),
  })
  .openapi('EvaluationSignature')

export const EvaluationSchema = z
  .object({
    id: z.string().uuid(),
    phase: z.string().openapi({ description: 'The evaluation phase it belongs to' }),
    createdAt: z.string().datetime(),
    contentHash: z.string().openapi({ description: 'SHA-256 of all answers as they are now; send it when you sign' }),
    items: z.array(
      z.object({
        item: z.enum(evaluationItems),
        client: AnswerSchema.nullable().openapi({ description: "The client's answer in their own words; null until they answer" }),
        worker: AnswerSchema.nullable().openapi({ description: "The worker's answer; null until they answer" }),
      }),
    ),
    complete: z.boolean().openapi({ description: 'Both answered every item: signing is open' }),
    signatures: z.array(EvaluationSignatureSchema),
    closed: z.boolean().openapi({ description: 'Both signatures hold: it stays as it is, readable' }),
  })
  .openapi('Evaluation')

const EvaluationListSchema = z
  .object({
    phase: z.string().nullable().openapi({ description: 'The current phase (null before a trajectory)' }),
    canStart: z.boolean().openapi({ description: 'The current phase is an evaluation phase with no evaluation yet' }),
    evaluations: z.array(EvaluationSchema.pick({ id: true, phase: true, createdAt: true, complete: true, signatures: true, closed: true })),
  })
  .openapi('EvaluationList')

export const listEvaluations = clientRoute({
  operationId: 'listEvaluations',
  access: { linked: true, scope: 'evaluation', action: 'read' },
  method: 'get',
  path: '/clients/{clientId}/evaluations',
  tags,
  summary: 'The evaluations together, newest first, and whether a new one can start now',
  request: { params: ClientParams },
  responses: { 200: jsonResponse(EvaluationListSchema, 'Newest first'), ...commonProblems },
})

export const startEvaluation = clientRoute({
  operationId: 'startEvaluation',
  access: { linked: true, scope: 'evaluation', action: 'create', only: 'worker' },
  method: 'post',
  path: '/clients/{clientId}/evaluations',
  tags,
  summary: 'Linked worker: open the evaluation of the current phase (an evaluation phase only, once per phase)',
  request: { params: ClientParams },
  responses: {
    201: jsonResponse(EvaluationSchema, 'Opened'),
    ...commonProblems,
    409: problemResponse('trajectory_not_started, not_an_evaluation_phase or evaluation_exists; nothing changed'),
  },
})

export const getEvaluation = clientRoute({
  operationId: 'getEvaluation',
  access: { linked: true, scope: 'evaluation', action: 'read', resource: evaluationResource },
  method: 'get',
  path: '/clients/{clientId}/evaluations/{evaluationId}',
  tags,
  summary: "One evaluation: every item with the client's and the worker's answer side by side, and the signatures",
  request: { params: EvaluationParams },
  responses: { 200: jsonResponse(EvaluationSchema, 'The evaluation'), ...commonProblems, 404: problemResponse('No such evaluation') },
})

export const answerItem = clientRoute({
  operationId: 'answerEvaluationItem',
  access: { linked: true, scope: 'evaluation', action: 'update', resource: evaluationResource },
  method: 'put',
  path: '/clients/{clientId}/evaluations/{evaluationId}/answers/{item}',
  tags,
  summary: 'Your own answer to one item, in your own words (the client answers as the client, the worker as the worker); screened, nothing blocked',
  request: {
    params: EvaluationParams.extend({ item: z.enum(evaluationItems, { message: 'unknown_evaluation_item' }) }),
    body: jsonBody(
      z
        .object({
          text: TextSchema.trim().min(1, 'required').max(2000, 'too_long'),
          version: z.number().int().min(0).openapi({ description: 'The version of your own answer you saw; 0 when you had none' }),
        })
        .strict()
        .openapi('EvaluationAnswerInput'),
    ),
  },
  responses: {
    200: jsonResponse(z.object({ evaluation: EvaluationSchema, safety: SafetyScreenSchema }), 'Saved'),
    ...commonProblems,
    404: problemResponse('No such evaluation'),
    409: problemResponse('version_conflict (your answer changed elsewhere) or evaluation_signed (both signed; it stays as it is)'),
  },
})

export const signEvaluation = clientRoute({
  operationId: 'signEvaluation',
  access: { linked: true, scope: 'evaluation', action: 'update', resource: (p) => `evaluation_signature:${p.evaluationId ?? ''}` },
  method: 'post',
  path: '/clients/{clientId}/evaluations/{evaluationId}/signatures',
  tags,
  summary: 'Sign the answers as you saw them (the client as client, the worker as worker)',
  request: {
    params: EvaluationParams,
    body: jsonBody(
      z
        .object({ contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'invalid').openapi({ description: 'The contentHash you were shown' }) })
        .strict()
        .openapi('SignEvaluation'),
    ),
  },
  responses: {
    201: jsonResponse(EvaluationSchema, 'Signed'),
    ...commonProblems,
    404: problemResponse('No such evaluation'),
    409: problemResponse('version_conflict (an older version), evaluation_incomplete or already_signed; nothing changed'),
  },
})
