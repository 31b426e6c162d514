import { createRouter } from '../../lib/router'
import * as agreement from '../../services/agreement'
import * as comments from '../../services/comments'
import { inventoryAsSeen } from '../inventory/inventory.index'
import * as routes from './inventory-overview.routes'

export const inventoryOverviewRouter = createRouter().openapi(routes.getInventoryOverview, async (c) => {
  const { clientId } = c.req.valid('param')
  const access = c.get('clientAccess')
  const deps = c.get('deps')
  // The inventory first: its read carries the three log rows (nothing is read before them).
  const inventory = await inventoryAsSeen(deps, clientId, access, c.req.valid('query').locale)
  // Within a page read these share the inventory's statements and row and one read of the comments.
  const [threads, status] = await Promise.all([
    comments.listComments(deps, { clientId, statementId: undefined, openOnly: false, excludeDomains: access.excludeDomains }),
    agreement.agreementStatus(deps, { clientId, viewer: access }),
  ])
  return c.json({ inventory, comments: threads, agreement: status }, 200)
})
