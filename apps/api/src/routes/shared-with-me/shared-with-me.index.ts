import { createRouter } from '../../lib/router'
import { requireRole } from '../../lib/guards'
import { sharedWithMe } from '../../services/shared-with-me'
import * as routes from './shared-with-me.routes'

export const sharedWithMeRouter = createRouter().openapi(routes.listSharedWithMe, async (c) =>
  c.json(await sharedWithMe(c.get('deps'), requireRole(c, 'worker', 'peer')), 200),
)
