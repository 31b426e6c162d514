import { createRouter } from '../../lib/router'
import { requireUser } from '../../lib/guards'
import { AppError } from '../../lib/app-error'
import * as messages from '../../services/messages'
import { screenText } from '../../services/safety-screen'
import { onlyTheAuthor } from '../../access/gate'
import * as routes from './messages.routes'

export const messagesRouter = createRouter()
  .openapi(routes.listMessages, async (c) => c.json(await messages.listThread(c.get('deps'), c.get('clientAccess')), 200))
  .openapi(routes.sendMessage, async (c) => {
    const access = c.get('clientAccess')
    const { text, topic } = c.req.valid('json')
    const sent = await messages.postMessage(c.get('deps'), { access, text, topic })
    return c.json({ ...sent, safety: screenText(text, access.actor.locale) }, 201)
  })
  .openapi(routes.editMessage, async (c) => {
    const { clientId, messageId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const deps = c.get('deps')
    const { text, version } = c.req.valid('json')
    const found = await messages.findMessage(deps, clientId, messageId)
    if (found.authorId !== access.actor.id) await onlyTheAuthor(c, clientId, { scope: 'messages', resource: `message:${messageId}`, action: 'update' })
    const saved = await messages.editMessage(deps, { clientId, messageId, authorId: access.actor.id, version, text })
    return c.json({ ...saved, safety: screenText(text, access.actor.locale) }, 200)
  })
  .openapi(routes.removeMessage, async (c) => {
    const { clientId, messageId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const deps = c.get('deps')
    const found = await messages.findMessage(deps, clientId, messageId)
    if (found.authorId !== access.actor.id) await onlyTheAuthor(c, clientId, { scope: 'messages', resource: `message:${messageId}`, action: 'delete' })
    await messages.removeMessage(deps, { clientId, messageId, authorId: access.actor.id, version: c.req.valid('query').version })
    return c.body(null, 204)
  })
  .openapi(routes.markMessagesRead, async (c) => {
    const access = c.get('clientAccess')
    await messages.markRead(c.get('deps'), { clientId: access.clientId, readerId: access.actor.id })
    return c.body(null, 204)
  })
  .openapi(routes.unreadMessages, async (c) => {
    requireUser(c)
    const actor = c.get('actor')
    if (!actor) throw new AppError('unauthenticated', 'Sign in first.')
    return c.json(await messages.unreadSummary(c.get('deps'), actor), 200)
  })
