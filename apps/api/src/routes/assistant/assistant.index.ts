import type { Context } from 'hono'
import { createRouter } from '../../lib/router'
import { requireClientAccess, requireClientSelf, type ClientAccess } from '../../lib/client-access'
import type { AppEnv } from '../../lib/env'
import * as assistant from '../../services/assistant'
import { screenTexts } from '../../services/safety-screen'
import * as routes from './assistant.routes'

const callerOf = (access: ClientAccess): assistant.Caller => ({ clientId: access.clientId, actorId: access.actor.id, isSelf: access.isSelf })

/** Which part of the client's data a card lands in: the gate checks that scope too. */
const scopeOf = { statement: 'inventory', network_person: 'network', goal: 'action_plan', action: 'action_plan', safety_plan_line: 'safety_plan' } as const

/** The free text of a kept card, whatever its kind (statement, person, goal, step, plan line). */
function keptTexts(proposal: assistant.ProposalView): string[] {
  const fields: Record<string, unknown> = { ...proposal }
  return ['text', 'name', 'note', 'what', 'who', 'when'].flatMap((key) => {
    const value = fields[key]
    return typeof value === 'string' ? [value] : []
  })
}

/**
 * The client writes; anyone else may only run a flow *together* with the client (a consented
 * facilitator with comment access), and the answers stay the client's.
 */
function writeActionFor(c: Context<AppEnv>, clientId: string): 'write' | 'together' {
  return c.get('actor')?.user.id === clientId ? 'write' : 'together'
}

async function conversationAccess(c: Context<AppEnv>, clientId: string, action: 'read' | 'write') {
  return requireClientAccess(c, clientId, { scope: 'inventory', action: action === 'write' ? writeActionFor(c, clientId) : 'read' })
}

export const assistantRouter = createRouter()
  .openapi(routes.listConversations, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = await conversationAccess(c, clientId, 'read')
    return c.json(await assistant.listConversations(c.get('deps'), clientId, access.isSelf ? null : access.actor.id), 200)
  })
  .openapi(routes.startConversation, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = await conversationAccess(c, clientId, 'write')
    const body = c.req.valid('json')
    const view = await assistant.startConversation(c.get('deps'), {
      caller: callerOf(access),
      flow: body.flow,
      locale: body.locale ?? access.actor.locale,
      context: body.context,
    })
    return c.json(view, 201)
  })
  .openapi(routes.getConversation, async (c) => {
    const { clientId, conversationId } = c.req.valid('param')
    const access = await conversationAccess(c, clientId, 'read')
    const facilitatorId = access.isSelf ? null : access.actor.id
    return c.json(await assistant.getConversation(c.get('deps'), { clientId, conversationId, facilitatorId }), 200)
  })
  .openapi(routes.postAnswer, async (c) => {
    const { clientId, conversationId } = c.req.valid('param')
    const access = await conversationAccess(c, clientId, 'write')
    const { version, ...answer } = c.req.valid('json')
    const view = await assistant.answer(c.get('deps'), { caller: callerOf(access), conversationId, answer, version })
    return c.json(view, 200)
  })
  .openapi(routes.acceptProposal, async (c) => {
    const { clientId, conversationId, proposalId } = c.req.valid('param')
    const access = await conversationAccess(c, clientId, 'write')
    const { version, ...edit } = c.req.valid('json')
    const deps = c.get('deps')
    const caller = callerOf(access)
    const target = await assistant.proposalTarget(deps, { caller, conversationId, proposalId })
    // The card lands in the inventory, the network map or the plan: the gate checks that part too.
    await requireClientAccess(c, clientId, { scope: scopeOf[target.kind], action: writeActionFor(c, clientId), domain: edit.domain ?? target.domain })
    const result = await assistant.acceptProposal(deps, { caller, conversationId, proposalId, version, edit })
    // The kept words (goal, step, VIP note) pass the screen as every saved text does.
    const safety = screenTexts(keptTexts(result.proposal), access.actor.locale)
    return c.json({ ...result, safety }, 200)
  })
  .openapi(routes.dropProposal, async (c) => {
    const { clientId, conversationId, proposalId } = c.req.valid('param')
    const access = await conversationAccess(c, clientId, 'write')
    const proposal = await assistant.dropProposal(c.get('deps'), { caller: callerOf(access), conversationId, proposalId })
    return c.json({ proposal }, 200)
  })
  .openapi(routes.postSafetyChoice, async (c) => {
    const { clientId, conversationId } = c.req.valid('param')
    const access = await conversationAccess(c, clientId, 'write')
    const { notifyWorker } = c.req.valid('json')
    return c.json(await assistant.recordSafetyChoice(c.get('deps'), { caller: callerOf(access), conversationId, notifyWorker }), 200)
  })
  .openapi(routes.listSafetyEvents, async (c) => {
    const { clientId } = c.req.valid('param')
    // The moments help was shown are the client's alone, whatever else they share.
    await requireClientSelf(c, clientId, { scope: 'assistant', resource: 'safety_events', action: 'read' })
    return c.json(await assistant.listSafetyEvents(c.get('deps'), clientId), 200)
  })
  .openapi(routes.getAiHelp, async (c) => {
    const { clientId } = c.req.valid('param')
    await conversationAccess(c, clientId, 'read')
    return c.json(await assistant.getAiHelp(c.get('deps'), clientId), 200)
  })
  .openapi(routes.putAiHelp, async (c) => {
    const { clientId } = c.req.valid('param')
    // Only the client turns AI help on: it sends (pseudonymised) words of theirs to a model.
    await requireClientSelf(c, clientId, { scope: 'assistant', resource: 'settings:ai_help', action: 'update' })
    return c.json(await assistant.setAiHelp(c.get('deps'), { clientId, enabled: c.req.valid('json').enabled }), 200)
  })
