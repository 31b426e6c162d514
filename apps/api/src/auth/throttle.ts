import { and, eq, gt, sql } from 'drizzle-orm'
import { loginThrottle } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps } from '../lib/env'

export interface ThrottleKey {
  key: string
  maxFailures: number
}

/**
 * Counters live in the database so every server process shares them. Each key counts within a
 * window of LOGIN_LOCK_MINUTES that starts at its first count; past the maximum the key waits for
 * the window to end.
 */
function windowOf(deps: Deps) {
  const now = deps.now()
  const lockMs = deps.config.LOGIN_LOCK_MINUTES * 60_000
  // Dates inside raw SQL go as typed text: postgres.js cannot infer a parameter's type there.
  return {
    now,
    lockMs,
    since: sql`${new Date(now.getTime() - lockMs).toISOString()}::timestamptz`,
    at: sql`${now.toISOString()}::timestamptz`,
  }
}

function tooMany(deps: Deps, windowStartedAt: Date): AppError {
  const { now, lockMs } = windowOf(deps)
  const seconds = Math.max(1, Math.ceil((windowStartedAt.getTime() + lockMs - now.getTime()) / 1000))
  return new AppError('too_many_attempts', `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, undefined, seconds)
}

/** Adds one to a key in one statement (no read-then-write, so parallel requests cannot lose counts). */
async function increment(deps: Deps, key: string): Promise<{ failures: number; windowStartedAt: Date }> {
  const { now, since, at } = windowOf(deps)
  const [row] = await deps.db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} < ${since} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${since} then ${at} else ${loginThrottle.windowStartedAt} end`,
      },
    })
    .returning({ failures: loginThrottle.failures, windowStartedAt: loginThrottle.windowStartedAt })
  if (!row) throw new Error('throttle upsert returned nothing')
  return row
}

/**
 * Takes one attempt from every key before the secret is checked, and refuses when any key is past
 * its maximum. Counting first is what makes it hold under parallel requests: of N guesses sent at
 * once, each sees its own count, so no more than the maximum ever reach the passphrase check.
 * A successful attempt gives its count back (`giveBack`).
 */
export async function takeAttempt(deps: Deps, keys: ThrottleKey[]): Promise<void> {
  let refusal: AppError | null = null
  for (const { key, maxFailures } of keys) {
    const row = await increment(deps, key)
    if (row.failures > maxFailures) refusal ??= tooMany(deps, row.windowStartedAt)
  }
  if (refusal) throw refusal
}

/** Gives back the attempts a success took, so a right passphrase never counts against anyone. */
export async function giveBack(deps: Deps, keys: string[]): Promise<void> {
  for (const key of keys) {
    await deps.db
      .update(loginThrottle)
      .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
      .where(eq(loginThrottle.key, key))
  }
}

/** The count of a key within its window (0 when the window has passed). */
export async function countOf(deps: Deps, key: string): Promise<{ failures: number; windowStartedAt: Date }> {
  const { now, lockMs } = windowOf(deps)
  const [row] = await deps.db
    .select()
    .from(loginThrottle)
    .where(and(eq(loginThrottle.key, key), gt(loginThrottle.windowStartedAt, new Date(now.getTime() - lockMs))))
  return row ? { failures: row.failures, windowStartedAt: row.windowStartedAt } : { failures: 0, windowStartedAt: now }
}

export { tooMany as tooManyAttempts }

/** Refuses when any key is past its maximum, without counting (for keys that count failures only). */
export async function assertNotLocked(deps: Deps, keys: ThrottleKey[]): Promise<void> {
  const { now, lockMs } = windowOf(deps)
  for (const { key, maxFailures } of keys) {
    const [row] = await deps.db.select().from(loginThrottle).where(eq(loginThrottle.key, key))
    if (row && row.windowStartedAt.getTime() > now.getTime() - lockMs && row.failures >= maxFailures) {
      throw tooMany(deps, row.windowStartedAt)
    }
  }
}

/** Counts a failure after the fact (for keys that are checked with assertNotLocked). */
export async function recordFailure(deps: Deps, keys: ThrottleKey[]): Promise<void> {
  for (const { key } of keys) await increment(deps, key)
}

export async function clearFailures(deps: Deps, key: string): Promise<void> {
  await deps.db.delete(loginThrottle).where(eq(loginThrottle.key, key))
}
