import type { MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { AppEnv } from '../lib/env'
import { tokenReadableGates } from './client-route'

/**
 * Routes a token may call although they are no declared client-data read:
 * - `/health`, `/openapi.json`, `/docs` hold nothing about anyone (monitoring tools send one header
 *   to everything);
 * - `/caseload` is how the organisation's system finds the clients who shared with the token's
 *   owner; every figure in it is decided per client by the same consent rules, with the token's
 *   scopes (a token without `inventory` gets names and no counts), and each read is logged.
 */
const tokenAllowList = new Set(['/health', '/openapi.json', '/docs', '/caseload'])

/**
 * A personal API token reads what clients shared, within its scopes, and nothing else: not the
 * owner's account, sessions, notifications or organisation. So it is refused (403 token_scope) on
 * every route that does not declare a consent read (clientRoute with action `read`); on those the
 * gate checks the token's scopes against the client's consents.
 */
export const tokenScopeGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('actor')?.kind !== 'token') return next()
  const routes = matchedRoutes(c)
  const declared = routes.some((route) => tokenReadableGates.has(route.handler as (...args: never[]) => unknown))
  const allowed = routes.some((route) => route.method !== 'ALL' && [...tokenAllowList].some((path) => route.path.endsWith(path)))
  if (declared || allowed) return next()
  return c.json({ code: 'token_scope', message: 'An API token can only read what clients shared, within its scopes.' }, 403)
}
