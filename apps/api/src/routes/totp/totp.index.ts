import type { Context } from 'hono'
import { createRouter } from '../../lib/router'
import { AppError } from '../../lib/app-error'
import { requireUser } from '../../lib/guards'
import type { AppEnv } from '../../lib/env'
import * as totp from '../../services/totp'
import * as routes from './totp.routes'

/** Only the person in a signed-in session manages their second factor; a token never does. */
function requireSessionUser(c: Context<AppEnv>) {
  const user = requireUser(c)
  if (c.get('actor')?.kind !== 'session') throw new AppError('token_read_only', 'API tokens can only read.')
  return user
}

export const totpRouter = createRouter()
  .openapi(routes.status, async (c) => c.json(await totp.totpStatus(c.get('deps'), requireSessionUser(c)), 200))
  .openapi(routes.setup, async (c) => {
    const user = requireSessionUser(c)
    return c.json(await totp.startTotpEnrolment(c.get('deps'), { user, password: c.req.valid('json').password }), 200)
  })
  .openapi(routes.confirm, async (c) => {
    const user = requireSessionUser(c)
    return c.json(await totp.confirmTotpEnrolment(c.get('deps'), { user, code: c.req.valid('json').code }), 200)
  })
  .openapi(routes.disable, async (c) => {
    const user = requireSessionUser(c)
    await totp.disableTotp(c.get('deps'), { user, password: c.req.valid('json').password })
    return c.body(null, 204)
  })
