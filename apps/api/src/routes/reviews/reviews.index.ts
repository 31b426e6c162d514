import { createRouter } from '../../lib/router'
import * as agreement from '../../services/agreement'
import * as routes from './reviews.routes'

export const reviewsRouter = createRouter().openapi(routes.markReviewed, async (c) => {
  const { clientId } = c.req.valid('param')
  const access = c.get('clientAccess')
  return c.json(await agreement.markReviewed(c.get('deps'), { clientId, reviewerId: access.actor.id, filter: access }), 201)
})
