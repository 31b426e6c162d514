import type { MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import { COMPOSED_HANDLER } from 'hono/utils/constants'
import type { AppEnv } from '../lib/env'
import { tokenReadableGates } from './client-route'

/**
 * Routes a token may call although they declare no read: `/health`, `/openapi.json` and `/docs`
 * hold nothing about anyone, and monitoring tools send one header to everything. (The caseload
 * declares itself token-readable in its definition: `tokenReadableListing`.)
 */
const tokenAllowList = new Set(['/health', '/openapi.json', '/docs'])

/**
 * A personal API token reads what clients shared, within its scopes, and nothing else: not the
 * owner's account, sessions, notifications or organisation. So it is refused (403 token_scope) on
 * every route that does not declare a consent read (clientRoute with action `read`, or the
 * caseload's `tokenReadableListing`); there the rules check the token's scopes against the consents.
 */
export const tokenScopeGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('actor')?.kind !== 'token') return next()
  const routes = matchedRoutes(c)
  const declared = routes.some((route) => tokenReadableGates.has(unwrapped(route.handler)))
  const allowed = routes.some((route) => route.method !== 'ALL' && [...tokenAllowList].some((path) => route.path.endsWith(path)))
  if (declared || allowed) return next()
  return c.json({ code: 'token_scope', message: 'An API token can only read what clients shared, within its scopes.' }, 403)
}

type AnyHandler = (...args: never[]) => unknown

/**
 * The handler as registered: mounting the API in another app (the server's host, under /api/v1)
 * wraps each handler in one that applies the API's error handler, and keeps the original on it.
 */
function unwrapped(handler: unknown): AnyHandler {
  let current = handler as AnyHandler & { [COMPOSED_HANDLER]?: unknown }
  while (typeof current[COMPOSED_HANDLER] === 'function') current = current[COMPOSED_HANDLER] as AnyHandler & { [COMPOSED_HANDLER]?: unknown }
  return current
}
