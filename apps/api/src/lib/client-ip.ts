import type { Context } from 'hono'
import type { AppEnv } from './env'

/**
 * The address used for rate limits. In-process calls from the portal carry the browser's address;
 * X-Forwarded-For is only believed behind a proxy we were told about (TRUST_PROXY).
 */
export function clientIp(c: Context<AppEnv>): string {
  const internal = c.env?.internal
  if (internal) return internal.clientIp
  if (c.get('deps').config.TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown'
}
