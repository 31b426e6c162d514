import { createRouter } from '../../lib/router'
import { AppError } from '../../lib/app-error'
import { requireRole } from '../../lib/guards'
import { caseload } from '../../services/caseload'
import * as routes from './caseload.routes'

export const caseloadRouter = createRouter().openapi(routes.getCaseload, async (c) => {
  requireRole(c, 'worker', 'peer')
  const actor = c.get('actor')
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.')
  return c.json(await caseload(c.get('deps'), actor), 200)
})
