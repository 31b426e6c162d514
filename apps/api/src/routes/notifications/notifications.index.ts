import { createRouter } from '../../lib/router'
import { requireUser } from '../../lib/guards'
import { listNotifications } from '../../services/assistant'
import * as routes from './notifications.routes'

export const notificationsRouter = createRouter().openapi(routes.listNotifications, async (c) => {
  const user = requireUser(c)
  return c.json(await listNotifications(c.get('deps'), user.id), 200)
})
