import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { goalTarget } from '../../access/plan-targets'
import { commonProblems, jsonBody, jsonResponse, problemResponse, RemoveVersionQuery } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import * as s from './action-plan.schemas'

const tags = ['Action plan']
const goalProblems = { ...commonProblems, 404: problemResponse('No such goal (or step) of this client') }
const conflict = { 409: problemResponse('version_conflict: changed elsewhere; nothing was overwritten') }
const goalResource = (p: Record<string, string>) => `goal:${p.goalId ?? ''}`

export const getPlan = clientRoute({
  operationId: 'getPlan',
  access: { scope: 'action_plan', action: 'read', resource: 'action_plan' },
  method: 'get',
  path: '/clients/{clientId}/goals',
  tags,
  summary: 'The action plan: goals with their steps, progress remarks, comments and the goal check; the next steps',
  request: { params: s.ClientParams },
  responses: { 200: jsonResponse(s.PlanSchema, 'The plan as you may see it'), ...commonProblems },
})

export const addGoal = clientRoute({
  operationId: 'addGoal',
  access: { scope: 'action_plan', action: 'write', resource: 'goals', logAction: 'create' },
  method: 'post',
  path: '/clients/{clientId}/goals',
  tags,
  summary: 'Add a goal in the client\'s own words (kept exactly as written), maybe started from a priority and its wish',
  request: { params: s.ClientParams, body: jsonBody(s.CreateGoalBody) },
  responses: { 201: jsonResponse(z.object({ goal: s.GoalSchema, safety: SafetyScreenSchema }), 'Added'), ...commonProblems },
})

export const getGoal = clientRoute({
  operationId: 'getGoal',
  access: { scope: 'action_plan', action: 'read', target: goalTarget, resource: goalResource },
  method: 'get',
  path: '/clients/{clientId}/goals/{goalId}',
  tags,
  summary: 'One goal with its steps, remarks, comments and the goal check',
  request: { params: s.GoalParams },
  responses: { 200: jsonResponse(s.GoalSchema, 'The goal'), ...goalProblems },
})

export const changeGoal = clientRoute({
  operationId: 'changeGoal',
  access: { scope: 'action_plan', action: 'write', resource: goalResource },
  method: 'patch',
  path: '/clients/{clientId}/goals/{goalId}',
  tags,
  summary: 'Change a goal\'s words or life domain; carries the version it changes',
  request: { params: s.GoalParams, body: jsonBody(s.UpdateGoalBody) },
  responses: { 200: jsonResponse(z.object({ goal: s.GoalSchema, safety: SafetyScreenSchema }), 'Saved'), ...goalProblems, ...conflict },
})

export const removeGoal = clientRoute({
  operationId: 'removeGoal',
  access: { scope: 'action_plan', action: 'write', resource: goalResource, logAction: 'delete' },
  method: 'delete',
  path: '/clients/{clientId}/goals/{goalId}',
  tags,
  summary: 'Remove a goal and its steps; carries the version it removes',
  request: { params: s.GoalParams, query: z.object({ version: z.coerce.number().int().min(1) }) },
  responses: { 204: { description: 'Removed' }, ...goalProblems, ...conflict },
})

export const addAction = clientRoute({
  operationId: 'addAction',
  access: { scope: 'action_plan', action: 'write', resource: goalResource, logAction: 'create' },
  method: 'post',
  path: '/clients/{clientId}/goals/{goalId}/actions',
  tags,
  summary: 'Add a small step to a goal: what, how, who (client, a VIP-card person, the worker, someone else), when',
  request: { params: s.GoalParams, body: jsonBody(s.CreateActionBody) },
  responses: { 201: jsonResponse(z.object({ action: s.ActionSchema, safety: SafetyScreenSchema }), 'Added'), ...goalProblems },
})

export const changeAction = clientRoute({
  operationId: 'changeAction',
  access: { scope: 'action_plan', action: 'write', resource: (p) => `action:${p.actionId ?? ''}` },
  method: 'patch',
  path: '/clients/{clientId}/goals/{goalId}/actions/{actionId}',
  tags,
  summary: 'Change a step: mark it done (celebrated), move it to a new day, drop it, or change its words',
  request: { params: s.ActionParams, body: jsonBody(s.UpdateActionBody) },
  responses: {
    200: jsonResponse(
      z.object({
        action: s.ActionSchema,
        celebration: z.string().nullable().openapi({ description: 'Set when the step was just done: the id of a warm sentence (plan.celebrate.<id>)' }),
        safety: SafetyScreenSchema,
      }),
      'Saved',
    ),
    ...goalProblems,
    ...conflict,
  },
})

export const addRemark = clientRoute({
  operationId: 'addRemark',
  access: { scope: 'action_plan', action: 'write', resource: goalResource, logAction: 'create' },
  method: 'post',
  path: '/clients/{clientId}/goals/{goalId}/remarks',
  tags,
  summary: 'Add a progress remark to a goal, in the client\'s words',
  request: { params: s.GoalParams, body: jsonBody(s.RemarkBody) },
  responses: { 201: jsonResponse(z.object({ remark: s.RemarkSchema, safety: SafetyScreenSchema }), 'Added'), ...goalProblems },
})

export const removeRemark = clientRoute({
  operationId: 'removeRemark',
  access: { scope: 'action_plan', action: 'write', resource: (p) => `goal_remark:${p.remarkId ?? ''}`, logAction: 'delete' },
  method: 'delete',
  path: '/clients/{clientId}/goals/{goalId}/remarks/{remarkId}',
  tags,
  summary: 'Remove a progress remark',
  request: { params: s.GoalParams.extend({ remarkId: z.string().uuid() }) },
  responses: { 204: { description: 'Removed' }, ...goalProblems },
})

export const addGoalComment = clientRoute({
  operationId: 'addGoalComment',
  access: { scope: 'action_plan', action: 'comment', target: goalTarget, resource: goalResource, logAction: 'create' },
  method: 'post',
  path: '/clients/{clientId}/goals/{goalId}/comments',
  tags,
  summary: 'Comment on a goal or suggest a step (needs a consent with comment access); never changes the plan',
  request: { params: s.GoalParams, body: jsonBody(s.GoalCommentBody) },
  responses: { 201: jsonResponse(z.object({ comment: s.GoalCommentSchema, safety: SafetyScreenSchema }), 'Added'), ...goalProblems },
})

const ownGoalComment = (logAction: 'update' | 'delete') =>
  ({ scope: 'action_plan', action: 'comment', target: goalTarget, resource: (p: Record<string, string>) => `comment:${p.commentId ?? ''}`, logAction }) as const
const ownWordsProblems = {
  ...commonProblems,
  404: problemResponse('No such comment on this goal (or it was removed)'),
  409: problemResponse('version_conflict: changed elsewhere, nothing was overwritten; suggestion_decided: the client decided on it, its words stay'),
}

export const editGoalComment = clientRoute({
  operationId: 'editGoalComment',
  access: ownGoalComment('update'),
  method: 'patch',
  path: '/clients/{clientId}/goals/{goalId}/comments/{commentId}',
  tags,
  summary: 'The author changes the words of her own comment on a goal or her open suggested step; carries the version it changes (screened)',
  description: 'Only the one who wrote it (403 forbidden for anyone else, logged as only_the_author). A suggested step the client decided on cannot be changed (409 suggestion_decided).',
  request: { params: s.GoalCommentParams, body: jsonBody(s.EditGoalCommentBody) },
  responses: { 200: jsonResponse(z.object({ comment: s.GoalCommentSchema, safety: SafetyScreenSchema }), 'Changed'), ...ownWordsProblems },
})

export const removeGoalComment = clientRoute({
  operationId: 'removeGoalComment',
  access: ownGoalComment('delete'),
  method: 'delete',
  path: '/clients/{clientId}/goals/{goalId}/comments/{commentId}',
  tags,
  summary: 'The author removes her own comment on a goal or suggested step; carries the version it removes',
  description: 'The words are erased at once; the place stays, with the client\'s answers under it. An open suggestion is withdrawn.',
  request: { params: s.GoalCommentParams, query: RemoveVersionQuery },
  responses: { 204: { description: 'Removed' }, ...ownWordsProblems },
})

export const decideGoalSuggestion = clientRoute({
  operationId: 'decideGoalSuggestion',
  access: { self: true, scope: 'action_plan', resource: (p) => `suggestion:${p.commentId ?? ''}`, action: 'update' },
  method: 'post',
  path: '/clients/{clientId}/goals/{goalId}/suggestions/{commentId}/decision',
  tags,
  summary: 'The client accepts a suggested step (and says who and when), changes it into their own words, or declines it',
  request: { params: s.GoalParams.extend({ commentId: z.string().uuid() }), body: jsonBody(s.DecisionBody) },
  responses: {
    200: jsonResponse(z.object({ suggestion: s.GoalCommentSchema, action: s.ActionSchema.nullable() }), 'Decided'),
    ...goalProblems,
    409: problemResponse('suggestion_decided'),
  },
})

export const getPlanAgreement = clientRoute({
  operationId: 'getPlanAgreement',
  access: { scope: 'action_plan', action: 'read', resource: 'action_plan_agreement' },
  method: 'get',
  path: '/clients/{clientId}/action-plan/agreement',
  tags,
  summary: 'Who signed which version of the action plan, and whether it changed since',
  request: { params: s.ClientParams },
  responses: { 200: jsonResponse(s.PlanAgreementSchema, 'The agreement on the plan'), ...commonProblems },
})

export const signPlan = clientRoute({
  operationId: 'signPlan',
  access: { scope: 'action_plan', action: 'read', resource: 'action_plan_signature', logAction: 'create', only: 'worker_or_self' },
  method: 'post',
  path: '/clients/{clientId}/action-plan/agreement/signatures',
  tags,
  summary: 'Sign the action plan as you see it now (the client, or a worker it is shared with)',
  request: { params: s.ClientParams, body: jsonBody(z.object({ contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional() }).openapi('SignPlanBody')) },
  responses: {
    201: jsonResponse(z.object({ signedAt: z.string().datetime(), contentHash: z.string() }), 'Signed'),
    ...commonProblems,
    409: problemResponse('version_conflict: the plan changed since you loaded it'),
  },
})
