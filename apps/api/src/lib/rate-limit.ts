import type { MiddlewareHandler } from 'hono'
import { sql } from 'drizzle-orm'
import { rateLimitCounters } from '@kracht/db'
import { AppError } from './app-error'
import type { AppEnv, Deps } from './env'

/**
 * Rate limits on writes, per signed-in person and per route group. The counters live in the database
 * (one atomic upsert per request), so every server process behind a load balancer shares them, as the
 * sign-in throttle does. A fixed window of one minute: simple, one row per person and group.
 */

export type RateLimitGroup = 'writes' | 'assistant'

const windowMs = 60_000
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Which group a request counts in, or null when it is not limited here:
 * - reads are not limited;
 * - sign-in, sign-out and invitations have their own throttle (auth/throttle.ts);
 * - the language analysis changes nothing (live tips while typing);
 * - anything about safety is never refused: someone in crisis must always get through.
 * An assistant turn (starting a conversation, answering) may call a language model: its own, lower limit.
 */
export function rateLimitGroupOf(method: string, path: string): RateLimitGroup | null {
  if (!writeMethods.has(method.toUpperCase())) return null
  if (/\/(auth|invitations|analyze)(\/|$)/.test(path) || /\/safety/.test(path)) return null
  if (/\/conversations(\/[^/]+\/answers)?\/?$/.test(path)) return 'assistant'
  return 'writes'
}

export function limitOf(deps: Deps, group: RateLimitGroup): number {
  return group === 'assistant' ? deps.config.RATE_LIMIT_ASSISTANT_PER_MINUTE : deps.config.RATE_LIMIT_WRITES_PER_MINUTE
}

export interface RateLimitResult {
  allowed: boolean
  /** Requests counted in this window, this one included. */
  hits: number
  /** Seconds until the window ends. */
  retryAfterSeconds: number
}

/** Counts one request against a key and says whether it is within the limit. One statement. */
export async function consumeRateLimit(deps: Deps, key: string, limit: number): Promise<RateLimitResult> {
  const now = deps.now().getTime()
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs)
  const t = rateLimitCounters
  // A row from an earlier window starts over at 1; greatest() keeps a process with a slow clock from
  // moving the window back.
  const [row] = await deps.db
    .insert(t)
    .values({ key, windowStartedAt: windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        hits: sql`case when ${t.windowStartedAt} >= excluded.window_started_at then ${t.hits} + 1 else 1 end`,
        windowStartedAt: sql`greatest(${t.windowStartedAt}, excluded.window_started_at)`,
      },
    })
    .returning({ hits: t.hits, windowStartedAt: t.windowStartedAt })
  const hits = row?.hits ?? 1
  const windowEnd = (row?.windowStartedAt ?? windowStart).getTime() + windowMs
  return { allowed: hits <= limit, hits, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)) }
}

/**
 * Middleware: after the actor is known, before any handler. A refused request reaches no handler,
 * so nothing is written: 429 with Retry-After and the code `too_many_requests`.
 */
export function rateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor')
    const group = actor ? rateLimitGroupOf(c.req.method, c.req.path) : null
    if (!actor || !group) return next()
    const deps = c.get('deps')
    const limit = limitOf(deps, group)
    if (limit === 0) return next()
    const result = await consumeRateLimit(deps, `${group}:${actor.user.id}`, limit)
    if (!result.allowed) {
      throw new AppError(
        'too_many_requests',
        `Too many changes in a short time. Try again in ${result.retryAfterSeconds} seconds.`,
        undefined,
        result.retryAfterSeconds,
      )
    }
    return next()
  }
}
