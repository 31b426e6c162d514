import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { SAFETY_PLAN_MAX_LINE, SAFETY_PLAN_MAX_LINES } from '@kracht/db'
import { commonProblems, jsonBody, jsonResponse, LineSchema, problemResponse } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'

const tags = ['Safety plan']

export const ClientParams = z.object({ clientId: z.string().uuid() })

/**
 * One line of the plan: the client's words as plain text. Markup is refused with a clear message
 * rather than stored: a plan is printed and read in a hard moment, and nobody means a tag there.
 */
const Line = LineSchema.trim()
  .min(1, 'required')
  .max(SAFETY_PLAN_MAX_LINE, 'too_long')
  .refine((line) => !/<\s*\/?\s*[a-z!?]/i.test(line), 'no_markup')

const Lines = z.array(Line).max(SAFETY_PLAN_MAX_LINES, 'too_many_lines')

const lineParts = {
  warningSigns: Lines.openapi({ description: 'My warning signs' }),
  selfHelp: Lines.openapi({ description: 'What I can do myself' }),
  people: Lines.openapi({ description: 'People I can call (from my VIP card or typed)' }),
  places: Lines.openapi({ description: 'Places where I feel safe' }),
  reasons: Lines.openapi({ description: 'My reasons to go on' }),
  professionals: Lines.openapi({ description: 'Professional help' }),
}

export const SafetyPlanBody = z
  .object({ version: z.number().int().min(0), ...lineParts })
  .strict()
  .openapi('SafetyPlanBody', {
    example: { version: 0, warningSigns: ['Ik slaap slecht'], selfHelp: ['Ik ga wandelen'], people: ['Mijn zus'], places: ['Het park'], reasons: ['Mijn hond'], professionals: ['Noor'] },
  })

const LinesOut = z.array(z.string())
export const SafetyPlanSchema = z
  .object({
    clientId: z.string().uuid(),
    warningSigns: LinesOut,
    selfHelp: LinesOut,
    people: LinesOut,
    places: LinesOut,
    reasons: LinesOut,
    professionals: LinesOut,
    version: z.number().int().openapi({ description: '0 before the first save' }),
    updatedAt: z.string().datetime().nullable(),
    /** Only for the client: names on their VIP card, to pick people from. */
    networkNames: z.array(z.string()).optional(),
  })
  .openapi('SafetyPlan')

export const getSafetyPlan = clientRoute({
  operationId: 'getSafetyPlan',
  access: { scope: 'safety_plan', action: 'read', resource: 'safety_plan' },
  method: 'get',
  path: '/clients/{clientId}/safety-plan',
  tags,
  summary: "The client's safety plan (signaleringsplan); others need a consent with the safety_plan scope",
  request: { params: ClientParams },
  responses: { 200: jsonResponse(SafetyPlanSchema, 'The plan (empty, version 0, before the first save)'), ...commonProblems },
})

export const putSafetyPlan = clientRoute({
  operationId: 'putSafetyPlan',
  access: { scope: 'safety_plan', action: 'write', resource: 'safety_plan' },
  method: 'put',
  path: '/clients/{clientId}/safety-plan',
  tags,
  summary: 'Save the whole plan (the client only), on the version last read; every line is screened, nothing is blocked',
  request: { params: ClientParams, body: jsonBody(SafetyPlanBody) },
  responses: {
    200: jsonResponse(z.object({ plan: SafetyPlanSchema, safety: SafetyScreenSchema }).openapi('SavedSafetyPlan'), 'Saved'),
    ...commonProblems,
    409: problemResponse('version_conflict: changed elsewhere; nothing was overwritten'),
  },
})
