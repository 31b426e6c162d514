import { createRouter } from '../../lib/router'
import { requireUser } from '../../lib/guards'
import { writeAccessLogMany } from '../../lib/access-log'
import { listNotifications } from '../../services/notifications/list'
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
