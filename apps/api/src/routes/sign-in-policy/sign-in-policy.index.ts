import { eq } from 'drizzle-orm'
import { organisations } from '@kracht/db'
import { createRouter } from '../../lib/router'
import { AppError } from '../../lib/app-error'
import { requireRole } from '../../lib/guards'
import * as routes from './sign-in-policy.routes'

export const signInPolicyRouter = createRouter()
  .openapi(routes.readPolicy, async (c) => {
    const admin = requireRole(c, 'admin')
    const [row] = await c
      .get('deps')
      .db.select({ requireStaffTotp: organisations.requireStaffTotp, resetNeedsApproval: organisations.resetNeedsApproval })
      .from(organisations)
      .where(eq(organisations.id, admin.organisationId))
    if (!row) throw new AppError('not_found', 'No such organisation.')
    return c.json(row, 200)
  })
  .openapi(routes.updatePolicy, async (c) => {
    const admin = requireRole(c, 'admin')
    if (c.get('actor')?.kind !== 'session') throw new AppError('token_read_only', 'API tokens can only read.')
    const [row] = await c
      .get('deps')
      .db.update(organisations)
      .set(c.req.valid('json'))
      .where(eq(organisations.id, admin.organisationId))
      .returning({ requireStaffTotp: organisations.requireStaffTotp, resetNeedsApproval: organisations.resetNeedsApproval })
    if (!row) throw new AppError('not_found', 'No such organisation.')
    return c.json(row, 200)
  })
