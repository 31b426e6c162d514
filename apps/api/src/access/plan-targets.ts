import type { Context } from 'hono'
import { and, eq, isNull } from 'drizzle-orm'
import { z } from '@hono/zod-openapi'
import { goals } from '@kracht/db'
import type { AppEnv } from '../lib/env'
import type { AccessTarget } from './client-route'

const Uuid = z.string().uuid()

/**
 * The life domain a goal of the action plan lives in now, looked up before deciding, so a goal in a
 * left-out domain is refused at the gate (and logged as such) rather than probed. A goal without a
 * domain decides on the scope alone; the service then keeps it from anyone with a domain left out.
 */
export async function goalTarget(c: Context<AppEnv>, clientId: string): Promise<AccessTarget> {
  const goalId = c.req.param('goalId') ?? ''
  if (!Uuid.safeParse(goalId).success) return { found: false }
  const [row] = await c
    .get('deps')
    .db.select({ domain: goals.domain })
    .from(goals)
    .where(and(eq(goals.id, goalId), eq(goals.clientId, clientId), isNull(goals.deletedAt)))
  if (!row) return { found: false }
  return row.domain ? { found: true, domain: row.domain } : { found: true }
}
