import { createRouter } from '../../lib/router'
import { AppError } from '../../lib/app-error'
import * as changes from '../../services/action-plan/changes'
import { planDocument } from '../../services/action-plan/document'
import { addGoalComment, decideGoalSuggestion } from '../../services/action-plan/suggestions'
import { getPlan, serialiseRemark } from '../../services/action-plan/view'
import { signatureStatus, signDocument } from '../../services/signatures'
import { screenText, screenTexts } from '../../services/safety-screen'
import type { Deps } from '../../lib/env'
import { onlyTheAuthor, type ClientAccess } from '../../access/gate'
import { changeComment, findComment } from '../../services/comment-changes'
import * as routes from './action-plan.routes'

/** One goal as the viewer sees it (after a change: the goal check follows the change). */
async function goalView(deps: Deps, access: ClientAccess, goalId: string) {
  const plan = await getPlan(deps, { clientId: access.clientId, viewer: access, locale: access.actor.locale, goalId })
  const goal = plan.goals[0]
  if (!goal) throw new AppError('not_found', 'No such goal.')
  return goal
}

/** A step as the plan shows it, with the VIP-card person's name. */
async function actionView(deps: Deps, access: ClientAccess, goalId: string, actionId: string) {
  const goal = await goalView(deps, access, goalId)
  const action = goal.actions.find((row) => row.id === actionId)
  if (!action) throw new AppError('not_found', 'No such step in this goal.')
  return action
}

export const actionPlanRouter = createRouter()
  .openapi(routes.getPlan, async (c) => {
    const access = c.get('clientAccess')
    return c.json(await getPlan(c.get('deps'), { clientId: access.clientId, viewer: access, locale: access.actor.locale }), 200)
  })
  .openapi(routes.addGoal, async (c) => {
    const access = c.get('clientAccess')
    const body = c.req.valid('json')
    const deps = c.get('deps')
    const row = await changes.addGoal(deps, { clientId: access.clientId, ...body })
    return c.json({ goal: await goalView(deps, access, row.id), safety: screenTexts([body.text, body.wish], access.actor.locale) }, 201)
  })
  .openapi(routes.getGoal, async (c) => {
    const { goalId } = c.req.valid('param')
    return c.json(await goalView(c.get('deps'), c.get('clientAccess'), goalId), 200)
  })
  .openapi(routes.changeGoal, async (c) => {
    const { goalId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const body = c.req.valid('json')
    const deps = c.get('deps')
    await changes.changeGoal(deps, { clientId: access.clientId, goalId, ...body })
    return c.json({ goal: await goalView(deps, access, goalId), safety: screenText(body.text ?? '', access.actor.locale) }, 200)
  })
  .openapi(routes.removeGoal, async (c) => {
    const { goalId } = c.req.valid('param')
    await changes.removeGoal(c.get('deps'), { clientId: c.get('clientAccess').clientId, goalId, version: c.req.valid('query').version })
    return c.body(null, 204)
  })
  .openapi(routes.addAction, async (c) => {
    const { goalId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const body = c.req.valid('json')
    const deps = c.get('deps')
    const row = await changes.addAction(deps, { clientId: access.clientId, goalId, action: body })
    const safety = screenTexts([body.what, body.how, body.whoName], access.actor.locale)
    return c.json({ action: await actionView(deps, access, goalId, row.id), safety }, 201)
  })
  .openapi(routes.changeAction, async (c) => {
    const { goalId, actionId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const patch = c.req.valid('json')
    const deps = c.get('deps')
    const { justDone } = await changes.changeAction(deps, { clientId: access.clientId, goalId, actionId, patch })
    return c.json(
      {
        action: await actionView(deps, access, goalId, actionId),
        celebration: justDone ? changes.celebrationFor(actionId) : null,
        safety: screenTexts([patch.what, patch.how, patch.whoName], access.actor.locale),
      },
      200,
    )
  })
  .openapi(routes.addRemark, async (c) => {
    const { goalId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const { text } = c.req.valid('json')
    const row = await changes.addRemark(c.get('deps'), { clientId: access.clientId, goalId, text })
    return c.json({ remark: serialiseRemark(row), safety: screenText(text, access.actor.locale) }, 201)
  })
  .openapi(routes.removeRemark, async (c) => {
    const { goalId, remarkId } = c.req.valid('param')
    await changes.removeRemark(c.get('deps'), { clientId: c.get('clientAccess').clientId, goalId, remarkId })
    return c.body(null, 204)
  })
  .openapi(routes.addGoalComment, async (c) => {
    const { goalId } = c.req.valid('param')
    const access = c.get('clientAccess')
    // The client writes remarks and steps; comments and suggestions are for the people it is shared with.
    if (access.isSelf) throw new AppError('forbidden', 'Write a progress remark on your own goal.')
    const body = c.req.valid('json')
    const comment = await addGoalComment(c.get('deps'), { clientId: access.clientId, goalId, authorId: access.actor.id, viewer: access, ...body })
    // A comment may quote the client: the worker who wrote it sees the help lines too.
    return c.json({ comment, safety: screenTexts([body.body, body.suggestedWhat], access.actor.locale) }, 201)
  })
  .openapi(routes.editGoalComment, async (c) => {
    const { goalId, commentId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const deps = c.get('deps')
    const { body, suggestedWhat, version } = c.req.valid('json')
    const place = { clientId: access.clientId, commentId, targetKind: 'goal', targetId: goalId } as const
    const found = await findComment(deps, place)
    if (found.authorId !== access.actor.id) await onlyTheAuthor(c, access.clientId, { scope: 'action_plan', resource: `comment:${commentId}`, action: 'update' })
    const comment = await changeComment(deps, { ...place, authorId: access.actor.id, version, change: { body, suggestedText: suggestedWhat } })
    return c.json({ comment, safety: screenTexts([comment.body, comment.suggestedText], access.actor.locale) }, 200)
  })
  .openapi(routes.removeGoalComment, async (c) => {
    const { goalId, commentId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const deps = c.get('deps')
    const place = { clientId: access.clientId, commentId, targetKind: 'goal', targetId: goalId } as const
    const found = await findComment(deps, place)
    if (found.authorId !== access.actor.id) await onlyTheAuthor(c, access.clientId, { scope: 'action_plan', resource: `comment:${commentId}`, action: 'delete' })
    await changeComment(deps, { ...place, authorId: access.actor.id, version: c.req.valid('query').version, change: 'remove' })
    return c.body(null, 204)
  })
  .openapi(routes.decideGoalSuggestion, async (c) => {
    const { goalId, commentId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const { decision, what, how, who, personId, whoName, when } = c.req.valid('json')
    const action = decision !== 'decline' && who && when ? { what: what ?? '', how, who, personId, whoName, when } : undefined
    if (decision === 'edit' && !what) throw new AppError('validation_failed', 'Write the step in your own words.', { what: 'required' })
    if (decision !== 'decline' && !who) throw new AppError('validation_failed', 'Say who does it.', { who: 'required' })
    const deps = c.get('deps')
    const result = await decideGoalSuggestion(deps, { clientId: access.clientId, goalId, commentId, decision, action })
    return c.json({ suggestion: result.suggestion, action: result.action ? await actionView(deps, access, goalId, result.action.id) : null }, 200)
  })
  .openapi(routes.getPlanAgreement, async (c) => {
    const access = c.get('clientAccess')
    const status = await signatureStatus(planDocument, c.get('deps'), { clientId: access.clientId, viewer: access })
    return c.json({ ...status, document: 'action_plan' as const }, 200)
  })
  .openapi(routes.signPlan, async (c) => {
    const access = c.get('clientAccess')
    const signed = await signDocument(planDocument, c.get('deps'), {
      clientId: access.clientId,
      signerId: access.actor.id,
      signerRole: access.isSelf ? 'client' : 'worker',
      excludeDomains: access.excludeDomains,
      expectedHash: c.req.valid('json').contentHash,
    })
    return c.json(signed, 201)
  })

