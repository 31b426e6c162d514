import type { AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import { api } from './api.server'
import { problemOf } from './inventory.server'
import { parseForm, type FieldErrors } from './forms'

export { GoalSchema as GoalForm } from './plan-schema'

/** The action plan as the API gives it to the signed-in client (or a worker it is shared with). */
export async function loadPlan(request: Request, context: AppLoadContext, clientId: string) {
  const response = await api(context, request).clients[':clientId'].goals.$get({ param: { clientId } })
  if (response.status === 403) return null
  if (!response.ok) throw new Response('plan unavailable', { status: response.status })
  return response.json()
}
export type Plan = NonNullable<Awaited<ReturnType<typeof loadPlan>>>
export type PlanGoal = Plan['goals'][number]
export type PlanAction = PlanGoal['actions'][number]

export async function loadPlanAgreement(request: Request, context: AppLoadContext, clientId: string) {
  const response = await api(context, request).clients[':clientId']['action-plan'].agreement.$get({ param: { clientId } })
  return response.ok ? response.json() : null
}

// One zod schema per form; messages are catalogue codes shown beside the field. The API checks again.
const optional = z
  .string()
  .trim()
  .max(500, 'too_long')
  .optional()
  .transform((value) => (value ? value : null))
const PlanDate = z
  .string()
  .min(1, 'required')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')
  .refine((value) => Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2199, 'invalid_date')
const Doer = {
  who: z.enum(['client', 'person', 'worker', 'other'], { message: 'required' }),
  personId: optional,
  whoName: z
    .string()
    .trim()
    .max(200, 'too_long')
    .optional()
    .transform((value) => (value ? value : null)),
}
export const StepForm = z
  .object({ what: z.string().trim().min(1, 'required').max(500, 'too_long'), how: optional, when: PlanDate, ...Doer })
  .superRefine((value, ctx) => {
    if (value.who === 'person' && !value.personId) ctx.addIssue({ code: 'custom', path: ['personId'], message: 'unknown_person' })
    if (value.who === 'other' && !value.whoName) ctx.addIssue({ code: 'custom', path: ['whoName'], message: 'required' })
  })
export const AcceptForm = z.object({ when: PlanDate, ...Doer })
export const Version = z.object({ version: z.coerce.number().int().min(1) })

/** What the client typed, given back to the form on any problem so no word is lost. */
export function typed(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? '')]))
}

export type ActionResult = { problem: string | null; fields: FieldErrors; values: Record<string, string>; intent: string; target: string | null }

export const failed = (intent: string, target: string | null, problem: string, fields: FieldErrors = {}, values: Record<string, string> = {}): ActionResult => ({
  problem,
  fields,
  values,
  intent,
  target,
})

/** A refused API answer as the form's result: the problem code and the fields it names. */
export async function refused(response: Response, intent: string, target: string | null, values: Record<string, string> = {}): Promise<ActionResult> {
  const problem = await problemOf(response)
  return failed(intent, target, problem.code, problem.fields, values)
}

export { parseForm }
