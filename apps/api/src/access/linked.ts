import type { Context } from 'hono'
import { eq, inArray } from 'drizzle-orm'
import { clientWorkers, users, type AccessLogAction, type Role } from '@kracht/db'
import { AppError } from '../lib/app-error'
import { writeAccessLog } from '../lib/access-log'
import type { AppEnv } from '../lib/env'
import { requireUser } from '../lib/guards'
import { selfAccess, type ClientAccess } from './gate'

/**
 * The care arrangement around a client, not the client's words: the trajectory and its phases, the
 * evaluations, the team strengths meeting, the worker's capacity assessment. The client and the
 * workers linked to them (same organisation) may; nobody else, whatever the client shared. No
 * content consent is asked, and every access by a worker is logged with the basis `linked_worker`.
 *
 * An evaluation's answers are the client's own words, yet no consent is asked of the linked worker:
 * the method has client and worker answer the checklist side by side and sign together, so the
 * worker is a party to the evaluation by design (as to the agreement they co-sign), not someone the
 * client shares with. That is also why the rule stops at the linked worker: a peer expert, a team
 * member or another worker reads none of it, whatever the client shared. The team meeting's sheet
 * is the linked worker's; what the client shared for it is read on the client's team share
 * (services/trajectory/team-meetings.ts), and without that share no meeting can be prepared.
 */
export interface LinkedRule {
  linked: true
  /** For the access log: `trajectory`, `capacity`, `evaluation`, `team_meeting`. */
  scope: string
  action: AccessLogAction
  resource?: string | ((params: Record<string, string>) => string) | undefined
  /** `worker`: the linked worker only (start, move on, write an assessment). Default: client and linked worker. */
  only?: 'worker' | 'client' | undefined
}

export type LinkedDenial = 'not_a_client' | 'other_client' | 'admin_no_content' | 'not_a_worker' | 'other_organisation' | 'not_linked' | 'token_read_only'

export interface LinkedFacts {
  actor: { id: string; role: Role; organisationId: string; token: boolean }
  client: { id: string; role: Role; organisationId: string; workerIds: readonly string[] } | null
}

/** Decides, as a pure function: the basis for the log, or the rule that refused. */
export function decideLinked({ actor, client }: LinkedFacts): { allowed: true; basis: 'linked_worker' } | { allowed: false; basis: LinkedDenial } {
  if (!client || client.role !== 'client') return { allowed: false, basis: 'not_a_client' }
  if (actor.token) return { allowed: false, basis: 'token_read_only' }
  if (actor.role === 'client') return { allowed: false, basis: 'other_client' }
  if (actor.role === 'admin') return { allowed: false, basis: 'admin_no_content' }
  if (actor.organisationId !== client.organisationId) return { allowed: false, basis: 'other_organisation' }
  if (actor.role !== 'worker') return { allowed: false, basis: 'not_a_worker' }
  if (!client.workerIds.includes(actor.id)) return { allowed: false, basis: 'not_linked' }
  return { allowed: true, basis: 'linked_worker' }
}

const resourceOf = (rule: LinkedRule, params: Record<string, string>) =>
  (typeof rule.resource === 'function' ? rule.resource(params) : rule.resource) ?? rule.scope

/** The gate of a linked rule: decides, writes one access-log row for anyone but the client, or throws. */
export async function linkedGate(c: Context<AppEnv>, rule: LinkedRule, clientId: string, isSelf: boolean): Promise<ClientAccess> {
  const user = requireUser(c)
  const deps = c.get('deps')
  const actor = c.get('actor')
  if (isSelf) {
    if (rule.only === 'worker') throw new AppError('forbidden', 'Only your worker can do this.', { reason: 'only_workers' })
    return selfAccess(user, clientId)
  }
  const [people, links] = await Promise.all([
    deps.db
      .select({ id: users.id, role: users.role, organisationId: users.organisationId })
      .from(users)
      .where(inArray(users.id, [clientId, user.id])),
    deps.db.select({ workerId: clientWorkers.workerId }).from(clientWorkers).where(eq(clientWorkers.clientId, clientId)),
  ])
  const client = people.find((person) => person.id === clientId)
  const decision =
    rule.only === 'client'
      ? ({ allowed: false, basis: 'only_the_client' } as const)
      : decideLinked({
          actor: { id: user.id, role: user.role, organisationId: user.organisationId, token: actor?.kind === 'token' },
          client: client ? { ...client, workerIds: links.map((link) => link.workerId) } : null,
        })
  // Attempts on ids that are no client are not logged: there is nobody whose log they belong in.
  if (client?.role === 'client') {
    await writeAccessLog(deps, {
      actor,
      clientId,
      action: rule.action,
      scope: rule.scope,
      resource: resourceOf(rule, c.req.param() as Record<string, string>),
      outcome: decision.allowed ? 'allowed' : 'denied',
      basis: decision.basis,
    })
  }
  if (!decision.allowed) {
    const message = decision.basis === 'only_the_client' ? 'Only the client can do this.' : 'Only the client and their linked worker can see or change this.'
    throw new AppError('forbidden', message, { reason: decision.basis })
  }
  return { actor: user, clientId, isSelf: false, excludeDomains: [], basis: decision.basis, consentId: null, access: 'read' }
}
