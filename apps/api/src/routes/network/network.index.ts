import { endOfDutchDay, isCalendarDate } from '@kracht/calendar'
import { createRouter } from '../../lib/router'
import { AppError } from '../../lib/app-error'
import * as network from '../../services/network'
import * as history from '../../services/network-history'
import * as resources from '../../services/network-resources'
import * as remarks from '../../services/network-comments'
import { commentsSeenBy } from '../../services/comments'
import { screenText, screenTexts } from '../../services/safety-screen'
import { changeNetworkComment, findNetworkComment } from '../../services/comment-changes'
import { onlyTheAuthor } from '../../access/gate'
import * as routes from './network.routes'

/**
 * A calendar day means the end of that day where the client lives (Europe/Amsterdam), so "the map on
 * 1 March" includes what changed on 1 March; a full moment is taken as it is.
 */
export function endOfDay(value: string): Date {
  return isCalendarDate(value) ? endOfDutchDay(value) : new Date(value)
}

export const networkRouter = createRouter()
  .openapi(routes.listPersons, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json((await network.listNetworkPeople(c.get('deps'), clientId)).map(network.serialisePerson), 200)
  })
  .openapi(routes.createPerson, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const body = c.req.valid('json')
    const person = await network.createNetworkPerson(c.get('deps'), {
      clientId,
      actorId: access.actor.id,
      person: { ...body, ring: body.ring as 1 | 2 | 3, provenance: 'client', facilitatorId: null },
    })
    // Saved as written; the answer carries the help lines when the words ask for them.
    return c.json({ person: network.serialisePerson(person), safety: screenTexts([body.name, body.note], access.actor.locale) }, 201)
  })
  .openapi(routes.getPerson, async (c) => {
    const { clientId, personId } = c.req.valid('param')
    return c.json(network.serialisePerson(await network.findNetworkPerson(c.get('deps').db, clientId, personId)), 200)
  })
  .openapi(routes.updatePerson, async (c) => {
    const { clientId, personId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const { version, ring, ...patch } = c.req.valid('json')
    const person = await network.updateNetworkPerson(c.get('deps'), {
      clientId,
      actorId: access.actor.id,
      personId,
      version,
      patch: { ...patch, ...(ring !== undefined ? { ring: ring as 1 | 2 | 3 } : {}) },
    })
    return c.json({ person: network.serialisePerson(person), safety: screenTexts([patch.name, patch.note], access.actor.locale) }, 200)
  })
  .openapi(routes.deletePerson, async (c) => {
    const { clientId, personId } = c.req.valid('param')
    const { version } = c.req.valid('query')
    await network.deleteNetworkPerson(c.get('deps'), { clientId, actorId: c.get('clientAccess').actor.id, personId, version })
    return c.body(null, 204)
  })
  .openapi(routes.getHistory, async (c) => {
    const { clientId } = c.req.valid('param')
    const at = endOfDay(c.req.valid('query').at)
    if (Number.isNaN(at.getTime())) throw new AppError('validation_failed', 'Invalid input: at: invalid_date', { at: 'invalid_date' })
    return c.json(await history.networkHistory(c.get('deps'), { clientId, at }), 200)
  })
  .openapi(routes.listResources, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await resources.listResources(c.get('deps'), { clientId, excludeDomains: c.get('clientAccess').excludeDomains }), 200)
  })
  .openapi(routes.createResource, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const body = c.req.valid('json')
    const resource = await resources.createResource(c.get('deps'), { clientId, resource: body })
    return c.json({ resource, safety: screenText(body.text, access.actor.locale) }, 201)
  })
  .openapi(routes.updateResource, async (c) => {
    const { clientId, resourceId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const { version, ...patch } = c.req.valid('json')
    const resource = await resources.updateResource(c.get('deps'), { clientId, resourceId, version, patch })
    return c.json({ resource, safety: screenTexts([patch.text], access.actor.locale) }, 200)
  })
  .openapi(routes.deleteResource, async (c) => {
    const { clientId, resourceId } = c.req.valid('param')
    await resources.deleteResource(c.get('deps'), { clientId, resourceId, version: c.req.valid('query').version })
    return c.body(null, 204)
  })
  .openapi(routes.listNetworkComments, async (c) => {
    const { clientId } = c.req.valid('param')
    const seenBy = commentsSeenBy(c.get('clientAccess'))
    return c.json(await remarks.listNetworkComments(c.get('deps'), { clientId, personId: c.req.valid('query').personId, ...seenBy }), 200)
  })
  .openapi(routes.addNetworkComment, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    if (access.isSelf) throw new AppError('forbidden', 'Change your own map on the map itself.')
    const body = c.req.valid('json')
    const proposal = body.proposal ? { ...body.proposal, note: body.proposal.note ?? null } : null
    const comment = await remarks.addNetworkComment(c.get('deps'), { clientId, authorId: access.actor.id, ...body, proposal })
    // A comment may quote the client: the worker who wrote it sees the help lines too.
    return c.json({ ...comment, safety: screenTexts([body.body, proposal?.name, proposal?.note], access.actor.locale) }, 201)
  })
  .openapi(routes.editNetworkComment, async (c) => {
    const { clientId, commentId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const deps = c.get('deps')
    const { body, version } = c.req.valid('json')
    const found = await findNetworkComment(deps, clientId, commentId)
    if (found.authorId !== access.actor.id) await onlyTheAuthor(c, clientId, { scope: 'network', resource: `network_comment:${commentId}`, action: 'update' })
    const saved = await changeNetworkComment(deps, { clientId, commentId, authorId: access.actor.id, version, change: { body } })
    return c.json({ ...saved, safety: screenText(body, access.actor.locale) }, 200)
  })
  .openapi(routes.removeNetworkComment, async (c) => {
    const { clientId, commentId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const deps = c.get('deps')
    const found = await findNetworkComment(deps, clientId, commentId)
    if (found.authorId !== access.actor.id) await onlyTheAuthor(c, clientId, { scope: 'network', resource: `network_comment:${commentId}`, action: 'delete' })
    await changeNetworkComment(deps, { clientId, commentId, authorId: access.actor.id, version: c.req.valid('query').version, change: 'remove' })
    return c.body(null, 204)
  })
  .openapi(routes.decideNetworkSuggestion, async (c) => {
    const { clientId, commentId } = c.req.valid('param')
    return c.json(await remarks.decideNetworkSuggestion(c.get('deps'), { clientId, commentId, ...c.req.valid('json') }), 200)
  })
