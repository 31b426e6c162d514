import type { Context } from 'hono'
import { and, eq, isNull } from 'drizzle-orm'
import { z } from '@hono/zod-openapi'
import { statements } from '@kracht/db'
import type { AppEnv } from '../lib/env'
import { AppError } from '../lib/app-error'
import type * as assistant from '../services/assistant'
import * as cards from '../services/assistant/cards'
import type { AccessTarget } from './client-route'

/**
 * Finders the gate calls before deciding: where the thing a request is about really lives now (in
 * the database, never what the request claims), so a left-out domain is refused and cannot be
 * probed. They read ids and domains only; nothing of the client's words reaches the caller.
 */

const Uuid = z.string().uuid()

/** The domain a statement lives in now (a statement moved into a left-out domain goes with it). */
export async function statementTarget(c: Context<AppEnv>, clientId: string): Promise<AccessTarget> {
  const statementId = c.req.param('statementId') ?? ''
  if (!Uuid.safeParse(statementId).success) return { found: false }
  const [row] = await c
    .get('deps')
    .db.select({ domain: statements.domain })
    .from(statements)
    .where(and(eq(statements.id, statementId), eq(statements.clientId, clientId), isNull(statements.deletedAt)))
  return row ? { found: true, domain: row.domain } : { found: false }
}

const scopeOfCard = { statement: 'inventory', network_person: 'network', goal: 'action_plan', action: 'action_plan', safety_plan_line: 'safety_plan' } as const

/** The part of the client's data an assistant card lands in, and the domain it lands in (an edit may move it). */
export async function proposalTarget(c: Context<AppEnv>, clientId: string): Promise<AccessTarget> {
  const actor = c.get('actor')
  const conversationId = c.req.param('conversationId') ?? ''
  const proposalId = c.req.param('proposalId') ?? ''
  if (!actor || !Uuid.safeParse(conversationId).success) return { found: false }
  const caller: assistant.Caller = { clientId, actorId: actor.user.id, isSelf: actor.kind === 'session' && actor.user.id === clientId }
  try {
    // The body is read again (and validated) by the route; Hono keeps the parsed body for it.
    const body: unknown = await c.req.json().catch(() => null)
    const edited = z.object({ domain: z.string().max(40) }).safeParse(body)
    const target = await cards.proposalTarget(c.get('deps'), { caller, conversationId, proposalId, editDomain: edited.success ? edited.data.domain : undefined })
    return { found: true, scope: scopeOfCard[target.kind], domain: target.domain }
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return { found: false }
    throw error
  }
}
