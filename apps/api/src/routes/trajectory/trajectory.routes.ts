import { z } from '@hono/zod-openapi'
import { trajectoryModels } from '@kracht/trajectory'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, LineSchema, problemResponse } from '../../lib/schemas'

const tags = ['Trajectory']

export const ClientParams = z.object({ clientId: z.string().uuid() })

const PhaseSchema = z
  .object({
    id: z.string().openapi({ example: 'structuring' }),
    startedAt: z.string().datetime(),
    endedAt: z.string().datetime().nullable().openapi({ description: 'Null for the current phase' }),
    plannedEndAt: z.string().datetime().openapi({ description: "The phase's start plus the model's planned length" }),
    evaluation: z.boolean().openapi({ description: 'Client and worker evaluate together in this phase' }),
    contact: z.enum(['high', 'medium', 'low']),
    warmHandOver: z.boolean(),
  })
  .openapi('TrajectoryPhase')

export const TrajectorySchema = z
  .object({
    model: z.enum(trajectoryModels).nullable().openapi({ description: 'Null before the worker starts a trajectory' }),
    phase: z.string().nullable().openapi({ description: 'The current phase' }),
    phases: z.array(PhaseSchema).openapi({ description: 'Oldest first; the last one is the current phase' }),
    startedAt: z.string().datetime().nullable(),
    nextPhase: z.string().nullable().openapi({ description: 'The phase after the current one; null after the last' }),
  })
  .openapi('Trajectory')

const Model = z.enum(trajectoryModels, { message: 'unknown_trajectory_model' })

export const getTrajectory = clientRoute({
  operationId: 'getTrajectory',
  access: { linked: true, scope: 'trajectory', action: 'read' },
  method: 'get',
  path: '/clients/{clientId}/trajectory',
  tags,
  summary: "The client's trajectory: model, current phase and the phases behind it (the client and linked workers; no content consent)",
  request: { params: ClientParams },
  responses: { 200: jsonResponse(TrajectorySchema, 'The trajectory (model null before a start)'), ...commonProblems },
})

export const startTrajectory = clientRoute({
  operationId: 'startTrajectory',
  access: { linked: true, scope: 'trajectory', action: 'create', only: 'worker' },
  method: 'post',
  path: '/clients/{clientId}/trajectory',
  tags,
  summary: 'Linked worker: start the trajectory in a model (krachtwerk, cti, icm), in its first phase',
  request: { params: ClientParams, body: jsonBody(z.object({ model: Model }).strict().openapi('StartTrajectory', { example: { model: 'cti' } })) },
  responses: {
    201: jsonResponse(TrajectorySchema, 'Started'),
    ...commonProblems,
    409: problemResponse('trajectory_exists: this client already has a trajectory; nothing changed'),
  },
})

export const nextPhase = clientRoute({
  operationId: 'nextPhase',
  access: { linked: true, scope: 'trajectory', action: 'update', resource: 'trajectory_phase', only: 'worker' },
  method: 'post',
  path: '/clients/{clientId}/trajectory/next',
  tags,
  summary: 'Linked worker: end the current phase and start the next',
  request: {
    params: ClientParams,
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z
            .object({ from: LineSchema.max(40).optional().openapi({ description: 'The phase you saw; if it changed since, nothing changes (phase_changed)' }) })
            .strict()
            .openapi('NextPhase'),
        },
      },
    },
  },
  responses: {
    200: jsonResponse(TrajectorySchema, 'Moved on'),
    ...commonProblems,
    409: problemResponse('trajectory_not_started, trajectory_last_phase or phase_changed; nothing changed'),
  },
})
