import { createRouter } from '../../lib/router'
import * as agreement from '../../services/agreement'
import * as comments from '../../services/comments'
import { sharedWithMe } from '../../services/shared-with-me'
import { requireUser } from '../../lib/guards'
import { inventoryAsSeen } from '../inventory/inventory.index'
import * as routes from './inventory-overview.routes'

export const inventoryOverviewRouter = createRouter().openapi(routes.getInventoryOverview, async (c) => {
  const { clientId } = c.req.valid('param')
  const access = c.get('clientAccess')
  const deps = c.get('deps')
  // One query: the three log rows, the inventory and the comments on its statements (nothing is read
  // before the rows are written). The comments and the agreement below take what it read; within
  // a page read they share the inventory's statements and row too.
  // A peer expert sees only the comments they wrote themselves (comments.commentsSeenBy).
  const commentFilter = { clientId, excludeDomains: access.excludeDomains, ...comments.commentsSeenBy(access) }
  const known: { rows: Awaited<ReturnType<typeof comments.statementComments>> | null } = { rows: null }
  // The comments' column is built once per shape, named by all of its filters (statementCommentsColumn).
  const { clientId: _client, ...filters } = commentFilter
  const inventory = await inventoryAsSeen(deps, clientId, access, c.req.valid('query').locale, {
    ...comments.statementCommentsColumn(filters),
    read: (value) => (known.rows = comments.statementCommentsFromJson(commentFilter, value)),
  })
  // What else the client shares with the viewer (the page's links to the client's other pages): from
  // the gate's facts this request read with its session (the same key), so no query of its own;
  // one in-process call fewer for the worker's page (issue 19).
  const viewer = requireUser(c)
  const [threads, status, shares] = await Promise.all([
    comments.listComments(deps, { ...commentFilter, statementId: undefined, openOnly: false }, known.rows),
    agreement.agreementStatus(deps, { clientId, viewer: access }),
    viewer.role === 'worker' || viewer.role === 'peer' ? sharedWithMe(deps, viewer, { clientId, facts: c.get('accessFacts') }) : Promise.resolve([]),
  ])
  // Only the scopes: the consents' terms (left-out domains by name among them) stay in /me/shared-with-me.
  const sharedScopes = [...new Set((shares.find((entry) => entry.clientId === clientId)?.shares ?? []).flatMap((share) => share.scopes))]
  return c.json({ inventory, comments: threads, agreement: status, sharedScopes }, 200)
})
