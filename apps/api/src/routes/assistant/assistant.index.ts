import { createRouter } from '../../lib/router'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'
import type { ClientAccess } from '../../access/gate'
import * as assistant from '../../services/assistant'
import { conversationsTouching } from '../../services/conversation-domains'
import * as routes from './assistant.routes'

const callerOf = (access: ClientAccess): assistant.Caller => ({ clientId: access.clientId, actorId: access.actor.id, isSelf: access.isSelf })

/**
 * A facilitator with domains left out never reads or runs a conversation about one of them: it is
 * answered as if it did not exist (the same 404 as someone else's conversation).
 */
async function refuseLeftOut(deps: Deps, access: ClientAccess, conversationId: string) {
  if (access.isSelf || access.excludeDomains.length === 0) return
  const touching = await conversationsTouching(deps, access.clientId, [conversationId], access.excludeDomains)
  if (touching.has(conversationId)) throw new AppError('not_found', 'No such conversation.')
}

export const assistantRouter = createRouter()
  .openapi(routes.listConversations, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const deps = c.get('deps')
    const list = await assistant.listConversations(deps, clientId, access.isSelf ? null : access.actor.id)
    const withheld = access.isSelf ? new Set<string>() : await conversationsTouching(deps, clientId, list.map((item) => item.id), access.excludeDomains)
    return c.json(list.filter((item) => !withheld.has(item.id)), 200)
  })
  .openapi(routes.startConversation, async (c) => {
    const access = c.get('clientAccess')
    const body = c.req.valid('json')
    const asked = [...(body.context?.domains ?? []), ...(body.context?.priority ? [body.context.priority.domain] : [])]
    if (!access.isSelf && asked.some((domain) => access.excludeDomains.includes(domain))) {
      throw new AppError('forbidden', 'This is not shared with you.', { reason: 'domain_excluded' })
    }
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
    const access = c.get('clientAccess')
    await refuseLeftOut(c.get('deps'), access, conversationId)
    const facilitatorId = access.isSelf ? null : access.actor.id
    return c.json(await assistant.getConversation(c.get('deps'), { clientId, conversationId, facilitatorId }), 200)
  })
  .openapi(routes.postAnswer, async (c) => {
    const { conversationId } = c.req.valid('param')
    const access = c.get('clientAccess')
    await refuseLeftOut(c.get('deps'), access, conversationId)
    const { version, ...answer } = c.req.valid('json')
    const view = await assistant.answer(c.get('deps'), { caller: callerOf(access), conversationId, answer, version })
    return c.json(view, 200)
  })
  .openapi(routes.acceptProposal, async (c) => {
    const { conversationId, proposalId } = c.req.valid('param')
    const access = c.get('clientAccess')
    await refuseLeftOut(c.get('deps'), access, conversationId)
    const { version, ...edit } = c.req.valid('json')
    const deps = c.get('deps')
    const caller = callerOf(access)
    // The gate checked the part the card lands in (inventory, network map or plan) and its domain too.
    const result = await assistant.acceptProposal(deps, { caller, conversationId, proposalId, version, edit })
    return c.json(result, 200)
  })
  .openapi(routes.dropProposal, async (c) => {
    const { conversationId, proposalId } = c.req.valid('param')
    const access = c.get('clientAccess')
    await refuseLeftOut(c.get('deps'), access, conversationId)
    const proposal = await assistant.dropProposal(c.get('deps'), { caller: callerOf(access), conversationId, proposalId })
    return c.json({ proposal }, 200)
  })
  .openapi(routes.postSafetyChoice, async (c) => {
    const { conversationId } = c.req.valid('param')
    const access = c.get('clientAccess')
    await refuseLeftOut(c.get('deps'), access, conversationId)
    const { notifyWorker } = c.req.valid('json')
    return c.json(await assistant.recordSafetyChoice(c.get('deps'), { caller: callerOf(access), conversationId, notifyWorker }), 200)
  })
  .openapi(routes.listSafetyEvents, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await assistant.listSafetyEvents(c.get('deps'), clientId), 200)
  })
  .openapi(routes.getAiHelp, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await assistant.getAiHelp(c.get('deps'), clientId), 200)
  })
  .openapi(routes.putAiHelp, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await assistant.setAiHelp(c.get('deps'), { clientId, enabled: c.req.valid('json').enabled }), 200)
  })
