import { createRouter } from '../../lib/router'
import { requireRole, requireUser } from '../../lib/guards'
import { writeAccessLogMany } from '../../lib/access-log'
import { listNotifications } from '../../services/notifications/list'
import * as contact from '../../services/contact-requests'
import * as routes from './notifications.routes'

export const notificationsRouter = createRouter().openapi(routes.listNotifications, async (c) => {
  const user = requireUser(c)
  const deps = c.get('deps')
  const list = await listNotifications(deps, user.id)
  // What a notification says is about a client (e.g. "asked to be contacted after a hard moment"):
  // reading the list is an access to each of those clients' data, one row per client.
  const clientIds = [...new Set(list.flatMap((notification) => (notification.clientId && notification.clientId !== user.id ? [notification.clientId] : [])))]
  await writeAccessLogMany(
    deps,
    clientIds.map((clientId) => ({
      actor: c.get('actor'),
      clientId,
      action: 'read' as const,
      scope: 'notifications',
      resource: 'notifications',
      outcome: 'allowed' as const,
      basis: 'recipient',
    })),
  )
  return c.json(list, 200)
})
  .openapi(routes.listContactRequests, async (c) => {
    const user = requireRole(c, 'worker', 'peer')
    const deps = c.get('deps')
    const list = await contact.openContactRequests(deps, user.id)
    // Like the list above: who asked is about the client, one log row per client.
    await writeAccessLogMany(
      deps,
      [...new Set(list.map((request) => request.clientId))].map((clientId) => ({
        actor: c.get('actor'),
        clientId,
        action: 'read' as const,
        scope: 'notifications',
        resource: 'contact_requests',
        outcome: 'allowed' as const,
        basis: 'recipient',
      })),
    )
    return c.json(list, 200)
  })
  .openapi(routes.markContactHad, async (c) => {
    const user = requireRole(c, 'worker', 'peer')
    const done = await contact.markContactHad(c.get('deps'), { recipientId: user.id, notificationId: c.req.valid('param').notificationId })
    return c.json({ id: done.id, readAt: done.readAt }, 200)
  })
