import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { AppError } from './app-error'
import type { AppEnv } from './env'

/**
 * Cross-site request forgery: another site makes a signed-in person's browser send a form or fetch
 * to us. The session cookie is SameSite=Lax, which already keeps it off most cross-site requests;
 * this is the second, explicit check, after the rule Go 1.25's CrossOriginProtection uses:
 *
 * 1. Reads (GET, HEAD, OPTIONS) change nothing: allowed.
 * 2. `Sec-Fetch-Site` (set by the browser, a page cannot forge it): `same-origin` and `none` (typed
 *    address, bookmark) are allowed, `same-site` and `cross-site` refused. A sibling subdomain counts
 *    as another site: it may be run by someone else.
 * 3. Without it (older browsers, or plain http outside localhost), `Origin` must be our own:
 *    `PUBLIC_URL`, or the host the request was sent to. `Origin: null` (sandboxed frames, some
 *    redirects, privacy settings) cannot be checked, so it is refused.
 * 4. Neither header: not a browser (a script, the organisation's systems) or a browser from before
 *    2020. Not forgeable from another site by today's browsers, so allowed.
 */

export interface RequestFacts {
  method: string
  /** Reads a request header (case-insensitive). */
  header(name: string): string | undefined
  /** Our own origin, from PUBLIC_URL (e.g. https://kracht.example.nl). */
  publicOrigin: string
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

export function isCrossSiteRequest({ method, header, publicOrigin }: RequestFacts): boolean {
  if (safeMethods.has(method.toUpperCase())) return false
  const origin = header('origin')
  const ours = origin !== undefined && (origin === publicOrigin || sameHost(origin, header('host')))
  const site = header('sec-fetch-site')?.toLowerCase()
  if (site !== undefined) return !(site === 'same-origin' || site === 'none' || ours)
  if (origin !== undefined) return !ours
  return false
}

function sameHost(origin: string, host: string | undefined): boolean {
  if (!host || origin === 'null') return false
  try {
    return new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}

export const publicOriginOf = (publicUrl: string) => new URL(publicUrl).origin

/**
 * For the API. Only requests a browser could be tricked into sending carry the risk: those with a
 * cookie, or with no credentials at all (a forged sign-in). A request with a Bearer token and no
 * cookie is not one of them: a browser never adds that header by itself. The portal's in-process
 * calls are checked once, by the server, on the browser's own request.
 */
export function crossSiteCheck(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.env?.internal) return next()
    const bearerOnly = c.req.header('authorization') !== undefined && Object.keys(getCookie(c)).length === 0
    if (bearerOnly) return next()
    const publicOrigin = publicOriginOf(c.get('deps').config.publicUrl)
    if (isCrossSiteRequest({ method: c.req.method, header: (name) => c.req.header(name), publicOrigin })) {
      throw new AppError('cross_site_request', 'This request came from another site and was refused. Nothing was changed.')
    }
    return next()
  }
}
