import type { Context } from 'hono'
import { createRouter } from '../../lib/router'
import { requireClientAccess, requireClientSelf, type ClientAccess } from '../../lib/client-access'
import type { AppEnv } from '../../lib/env'
import * as assistant from '../../services/assistant'
import * as cards from '../../services/assistant/cards'
import { listPendingCards } from '../../services/assistant/pending-cards'
import * as routes from './assistant.routes'

const callerOf = (access: ClientAccess): assistant.Caller => ({
  clientId: access.clientId,
  actorId: access.actor.id,
  isSelf: access.isSelf,
  excludeDomains: access.excludeDomains,
})

/** Together mode: each life domain a flow works on passes the gate too (the service finds them, mapped). */
const domainCheck = (c: Context<AppEnv>, clientId: string) => async (domain: string) => {
  await requireClientAccess(c, clientId, { scope: 'inventory', action: writeActionFor(c, clientId), domain })
}

/** Which part of the client's data a card lands in: the gate checks that scope too. */
const scopeOf = { statement: 'inventory', network_person: 'network', goal: 'action_plan', action: 'action_plan' } as const

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
      checkDomain: domainCheck(c, clientId),
    })
    return c.json(view, 201)
  })
  .openapi(routes.getConversation, async (c) => {
    const { clientId, conversationId } = c.req.valid('param')
    const access = await conversationAccess(c, clientId, 'read')
    return c.json(await assistant.getConversation(c.get('deps'), { caller: callerOf(access), conversationId }), 200)
  })
  .openapi(routes.postAnswer, async (c) => {
    const { clientId, conversationId } = c.req.valid('param')
    const access = await conversationAccess(c, clientId, 'write')
    const { version, ...answer } = c.req.valid('json')
    const view = await assistant.answer(c.get('deps'), { caller: callerOf(access), conversationId, answer, version, checkDomain: domainCheck(c, clientId) })
    return c.json(view, 200)
  })
  .openapi(routes.acceptProposal, async (c) => {
    const { clientId, conversationId, proposalId } = c.req.valid('param')
    const access = await conversationAccess(c, clientId, 'write')
    const { version, ...edit } = c.req.valid('json')
    const deps = c.get('deps')
    const caller = callerOf(access)
    const target = await cards.proposalTarget(deps, { caller, conversationId, proposalId, editDomain: edit.domain })
    // The card lands in the inventory, the network map or the plan, in the domain it will really be
    // stored under: the gate checks that part too.
    await requireClientAccess(c, clientId, { scope: scopeOf[target.kind], action: writeActionFor(c, clientId), domain: target.domain })
    const result = await cards.acceptProposal(deps, { caller, conversationId, proposalId, version, edit })
    return c.json(result, 200)
  })
  .openapi(routes.dropProposal, async (c) => {
    const { clientId, conversationId, proposalId } = c.req.valid('param')
    const access = await conversationAccess(c, clientId, 'write')
    const proposal = await cards.dropProposal(c.get('deps'), { caller: callerOf(access), conversationId, proposalId })
    return c.json({ proposal }, 200)
  })
  .openapi(routes.postSafetyChoice, async (c) => {
    const { clientId, conversationId } = c.req.valid('param')
    // Whether the worker is told is the client's choice alone: a facilitator can neither see nor set it.
    const user = await requireClientSelf(c, clientId, { scope: 'assistant', resource: `conversation:${conversationId}:safety`, action: 'update' })
    const { notifyWorker } = c.req.valid('json')
    const caller: assistant.Caller = { clientId, actorId: user.id, isSelf: true }
    return c.json(await assistant.recordSafetyChoice(c.get('deps'), { caller, conversationId, notifyWorker }), 200)
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
  .openapi(routes.getAiRecord, async (c) => {
    const { clientId } = c.req.valid('param')
    // What left the server for a model is the client's to see, like the moments help was shown.
    await requireClientSelf(c, clientId, { scope: 'assistant', resource: 'ai_record', action: 'read' })
    const deps = c.get('deps')
    const [changes, disclosures] = await Promise.all([assistant.listAiHelpChanges(deps, clientId), assistant.listAiDisclosures(deps, clientId)])
    return c.json({ changes, disclosures }, 200)
  })
  .openapi(routes.listPendingCards, async (c) => {
    const { clientId } = c.req.valid('param')
    // Cards waiting for the client's own yes: the client decides on them, in their own session.
    await requireClientSelf(c, clientId, { scope: 'assistant', resource: 'pending_cards', action: 'read' })
    return c.json(await listPendingCards(c.get('deps'), clientId), 200)
  })
