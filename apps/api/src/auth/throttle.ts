import { eq, sql } from 'drizzle-orm'
import { loginThrottle } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps } from '../lib/env'

export interface ThrottleKey {
  key: string
  maxFailures: number
}

/**
 * Refuses when any key is locked. Counters live in the database so every server process shares them.
 */
export async function assertNotLocked(deps: Deps, keys: ThrottleKey[]): Promise<void> {
  const now = deps.now()
  for (const { key } of keys) {
    const [row] = await deps.db.select().from(loginThrottle).where(eq(loginThrottle.key, key))
    if (row?.lockedUntil && row.lockedUntil > now) {
      const seconds = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000)
      throw new AppError(
        'too_many_attempts',
        `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`,
        undefined,
        seconds,
      )
    }
  }
}

/** Counts a failure; a key that reaches its maximum within the window is locked for the lock time. */
export async function recordFailure(deps: Deps, keys: ThrottleKey[]): Promise<void> {
  const now = deps.now()
  const lockMs = deps.config.LOGIN_LOCK_MINUTES * 60_000
  const windowStart = new Date(now.getTime() - lockMs)
  // Dates inside raw SQL go as typed text: postgres.js cannot infer a parameter's type there.
  const since = sql`${windowStart.toISOString()}::timestamptz`
  const at = sql`${now.toISOString()}::timestamptz`
  for (const { key, maxFailures } of keys) {
    // One statement, so two processes counting at once cannot lose a failure.
    await deps.db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStartedAt} < ${since} then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${since} then ${at} else ${loginThrottle.windowStartedAt} end`,
        },
      })
    await deps.db
      .update(loginThrottle)
      .set({ lockedUntil: new Date(now.getTime() + lockMs), failures: 0, windowStartedAt: now })
      .where(sql`${loginThrottle.key} = ${key} and ${loginThrottle.failures} >= ${maxFailures}`)
  }
}

export async function clearFailures(deps: Deps, key: string): Promise<void> {
  await deps.db.delete(loginThrottle).where(eq(loginThrottle.key, key))
}
