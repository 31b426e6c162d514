import { createRouter } from '../../lib/router'
import { AppError } from '../../lib/app-error'
import { requireRole } from '../../lib/guards'
import * as tokens from '../../services/api-tokens'
import * as routes from './tokens.routes'
import type { Context } from 'hono'
import type { AppEnv } from '../../lib/env'

/** Tokens are made in a signed-in session: a token never makes another token. */
function requireSessionOwner(c: Context<AppEnv>) {
  const user = requireRole(c, 'worker', 'admin')
  if (c.get('actor')?.kind !== 'session') throw new AppError('token_read_only', 'A token cannot manage tokens.')
  return user
}

export const tokensRouter = createRouter()
  .openapi(routes.listTokens, async (c) => {
    const user = requireSessionOwner(c)
    return c.json(await tokens.listApiTokens(c.get('deps'), user.id), 200)
  })
  .openapi(routes.createToken, async (c) => {
    const user = requireSessionOwner(c)
    return c.json(await tokens.createApiToken(c.get('deps'), { user, ...c.req.valid('json') }), 201)
  })
  .openapi(routes.revokeToken, async (c) => {
    const user = requireSessionOwner(c)
    return c.json(await tokens.revokeApiToken(c.get('deps'), { userId: user.id, tokenId: c.req.valid('param').tokenId }), 200)
  })
