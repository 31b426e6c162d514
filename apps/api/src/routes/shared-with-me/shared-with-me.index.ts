import { createRouter } from '../../lib/router'
import { requireRole } from '../../lib/guards'
import { sharedWithMe } from '../../services/shared-with-me'
import * as routes from './shared-with-me.routes'

export const sharedWithMeRouter = createRouter().openapi(routes.listSharedWithMe, async (c) => {
  const me = requireRole(c, 'worker', 'peer')
  const { clientId } = c.req.valid('query')
  // One client: within a page read, from the facts its consent gates read anyway.
  const only = clientId ? { clientId, facts: c.env?.internal?.accessFacts } : undefined
  return c.json(await sharedWithMe(c.get('deps'), me, only), 200)
})
