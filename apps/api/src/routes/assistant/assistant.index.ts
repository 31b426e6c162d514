import { createRouter } from '../../lib/router'
import { AppError } from '../../lib/app-error'
import type { Actor, Deps } from '../../lib/env'
import { writeAccessLog, type ClientAccess } from '../../access/gate'
import * as assistant from '../../services/assistant'
import * as cards from '../../services/assistant/cards'
import { listPendingCards } from '../../services/assistant/pending-cards'
import { screenTexts } from '../../services/safety-screen'
import { conversationsTouching } from '../../services/conversation-domains'
import * as routes from './assistant.routes'

const callerOf = (access: ClientAccess): assistant.Caller => ({
  clientId: access.clientId,
  actorId: access.actor.id,
  isSelf: access.isSelf,
  excludeDomains: access.excludeDomains,
})

/** The free text of a kept card, whatever its kind (statement, person, goal, step, plan line). */
function keptTexts(proposal: assistant.ProposalView): string[] {
  const fields: Record<string, unknown> = { ...proposal }
  return ['text', 'name', 'note', 'what', 'who', 'when'].flatMap((key) => {
    const value = fields[key]
    return typeof value === 'string' ? [value] : []
  })
}

/**
 * A facilitator with domains left out never reads or runs a conversation about one of them: it is
 * answered as if it did not exist (the same 404 as someone else's conversation).
 */
async function refuseLeftOut(deps: Deps, access: ClientAccess, conversationId: string) {
  if (access.isSelf || access.excludeDomains.length === 0) return
  const touching = await conversationsTouching(deps, access.clientId, [conversationId], access.excludeDomains)
  if (touching.has(conversationId)) throw new AppError('not_found', 'No such conversation.')
}

/**
 * Together mode: each life domain a flow comes to work on (mapped to the organisation's set by the
 * service) is checked against what the client left out; a refusal is logged like the gate's own.
 */
const domainCheck = (c: { get(key: 'deps'): Deps; get(key: 'actor'): Actor | null }, access: ClientAccess) => async (domain: string) => {
  if (access.isSelf || !access.excludeDomains.includes(domain)) return
  await writeAccessLog(c.get('deps'), {
    actor: c.get('actor'),
    clientId: access.clientId,
    action: 'create',
    scope: 'inventory',
    resource: 'conversations',
    outcome: 'denied',
    basis: 'domain_excluded',
  })
  throw new AppError('forbidden', 'This is not shared with you.', { reason: 'domain_excluded' })
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
    const check = domainCheck(c, access)
    for (const domain of [...(body.context?.domains ?? []), ...(body.context?.priority ? [body.context.priority.domain] : [])]) await check(domain)
    const view = await assistant.startConversation(c.get('deps'), {
      caller: callerOf(access),
      flow: body.flow,
      locale: body.locale ?? access.actor.locale,
      context: body.context,
      checkDomain: check,
    })
    return c.json(view, 201)
  })
  .openapi(routes.getConversation, async (c) => {
    const { conversationId } = c.req.valid('param')
    const access = c.get('clientAccess')
    await refuseLeftOut(c.get('deps'), access, conversationId)
    return c.json(await assistant.getConversation(c.get('deps'), { caller: callerOf(access), conversationId }), 200)
  })
  .openapi(routes.postAnswer, async (c) => {
    const { conversationId } = c.req.valid('param')
    const access = c.get('clientAccess')
    await refuseLeftOut(c.get('deps'), access, conversationId)
    const { version, ...answer } = c.req.valid('json')
    const view = await assistant.answer(c.get('deps'), { caller: callerOf(access), conversationId, answer, version, checkDomain: domainCheck(c, access) })
    return c.json(view, 200)
  })
  .openapi(routes.acceptProposal, async (c) => {
    const { conversationId, proposalId } = c.req.valid('param')
    const access = c.get('clientAccess')
    await refuseLeftOut(c.get('deps'), access, conversationId)
    const { version, ...edit } = c.req.valid('json')
    // The gate checked the part the card lands in (inventory, network map, plan or safety plan) and
    // the domain it will really be stored under (access/targets.ts).
    const result = await cards.acceptProposal(c.get('deps'), { caller: callerOf(access), conversationId, proposalId, version, edit })
    // The kept words (goal, step, VIP note) pass the screen as every saved text does.
    const safety = screenTexts(keptTexts(result.proposal), access.actor.locale)
    return c.json({ ...result, safety }, 200)
  })
  .openapi(routes.dropProposal, async (c) => {
    const { conversationId, proposalId } = c.req.valid('param')
    const access = c.get('clientAccess')
    await refuseLeftOut(c.get('deps'), access, conversationId)
    const proposal = await cards.dropProposal(c.get('deps'), { caller: callerOf(access), conversationId, proposalId })
    return c.json({ proposal }, 200)
  })
  .openapi(routes.postSafetyChoice, async (c) => {
    const { conversationId } = c.req.valid('param')
    const { notifyWorker } = c.req.valid('json')
    return c.json(await assistant.recordSafetyChoice(c.get('deps'), { caller: callerOf(c.get('clientAccess')), conversationId, notifyWorker }), 200)
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
  .openapi(routes.getAiRecord, async (c) => {
    const { clientId } = c.req.valid('param')
    const deps = c.get('deps')
    const [changes, disclosures] = await Promise.all([assistant.listAiHelpChanges(deps, clientId), assistant.listAiDisclosures(deps, clientId)])
    return c.json({ changes, disclosures }, 200)
  })
  .openapi(routes.listPendingCards, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await listPendingCards(c.get('deps'), clientId), 200)
  })
