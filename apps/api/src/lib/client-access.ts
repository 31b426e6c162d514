import type { Context } from 'hono'
import { eq, inArray } from 'drizzle-orm'
import { clientWorkers, consents, users, type AccessLogAction, type ConsentScope } from '@kracht/db'
import { AppError } from './app-error'
import { writeAccessLog } from './access-log'
import type { Actor, AppEnv, Deps, PublicUser } from './env'
import { requireUser } from './guards'
import { decide, type ConsentActor, type ConsentDecision, type RequestedAccess } from '../services/consent/rules'

export type ClientScope = ConsentScope
/**
 * `write` is the client's alone; `comment` covers comments and suggestions on consent with comment
 * access; `together` is a facilitator running a guided flow beside a present client (same consent).
 */
export type ClientAction = 'read' | 'write' | 'comment' | 'together'

export interface ClientAccessRequest {
  scope: ClientScope
  action: ClientAction
  /** The life domain of the one thing asked for, when it has one. */
  domain?: string | undefined
  /** What is touched, for the access log (`inventory`, `statement:<id>`); never content. Default: the scope. */
  resource?: string | undefined
  /** The access-log action when it is more precise than read/write (create, delete, export, share). */
  logAction?: AccessLogAction | undefined
}

export interface ClientAccess {
  actor: PublicUser
  clientId: string
  /** The client acting on their own data. */
  isSelf: boolean
  /** Life domains the caller must never see: services filter them out of everything they return. */
  excludeDomains: string[]
  /** `self`, or `consent:<id>`: the grant that allowed this access. */
  basis: string
  consentId: string | null
  /** What the matching consent allows beyond reading. */
  access: 'read' | 'comment' | 'write'
}

const logActionOf = (request: ClientAccessRequest): AccessLogAction =>
  request.logAction ?? (request.action === 'read' ? 'read' : request.action === 'comment' || request.action === 'together' ? 'create' : 'update')

// The log row itself (with the access point, and none for unauthenticated requests) is written in
// lib/access-log.ts; re-exported here so every caller keeps its import.
export { writeAccessLog }

/** Loads the facts the rules need and decides; no logging (the caller logs). */
export async function decideClientAccess(
  deps: Deps,
  actor: Actor | null,
  clientId: string,
  request: { scope: ClientScope; access: RequestedAccess; domain?: string | undefined },
): Promise<{ decision: ConsentDecision; clientExists: boolean }> {
  const ids = actor ? [clientId, actor.user.id] : [clientId]
  const [people, links, grants] = await Promise.all([
    deps.db
      .select({ id: users.id, role: users.role, organisationId: users.organisationId, teamId: users.teamId })
      .from(users)
      .where(inArray(users.id, ids)),
    deps.db.select({ workerId: clientWorkers.workerId }).from(clientWorkers).where(eq(clientWorkers.clientId, clientId)),
    deps.db.select().from(consents).where(eq(consents.clientId, clientId)),
  ])
  const client = people.find((person) => person.id === clientId)
  if (!client) return { decision: { allowed: false, basis: 'not_a_client', consentId: null, excludeDomains: [], access: null }, clientExists: false }
  const me = actor ? people.find((person) => person.id === actor.user.id) : undefined
  const consentActor: ConsentActor | null =
    actor && me
      ? {
          id: me.id,
          role: me.role,
          organisationId: me.organisationId,
          teamId: me.teamId,
          token: actor.kind === 'token' ? { id: actor.tokenId, scopes: actor.scopes } : undefined,
        }
      : null
  const decision = decide({
    actor: consentActor,
    client: { id: client.id, role: client.role, organisationId: client.organisationId, workerIds: links.map((link) => link.workerId) },
    request,
    consents: grants,
    now: deps.now(),
  })
  return { decision, clientExists: client.role === 'client' }
}

/**
 * The one gate in front of every route that touches a client's data. The client passes on their
 * own data; anyone else only on the client's consent (services/consent/rules.ts). Every access by
 * someone other than the client is written to the access log, allowed or denied, before any data
 * is read. The answer carries the domains left out, so services filter them from everything.
 */
export async function requireClientAccess(c: Context<AppEnv>, clientId: string, request: ClientAccessRequest): Promise<ClientAccess> {
  const deps = c.get('deps')
  const actor = c.get('actor')
  // The client on their own data: no lookup, no log (NEN 7513 logs access by others).
  if (actor?.kind === 'session' && actor.user.id === clientId && actor.user.role === 'client') {
    return { actor: actor.user, clientId, isSelf: true, excludeDomains: [], basis: 'self', consentId: null, access: 'write' }
  }
  const { decision, clientExists } = await decideClientAccess(deps, actor, clientId, {
    scope: request.scope,
    access: request.action,
    domain: request.domain,
  })
  // Attempts on ids that are no client are not logged: there is nobody whose log they belong in.
  if (clientExists) {
    await writeAccessLog(deps, {
      actor,
      clientId,
      action: logActionOf(request),
      scope: request.scope,
      resource: request.resource ?? request.scope,
      outcome: decision.allowed ? 'allowed' : 'denied',
      basis: decision.basis,
    })
  }
  const user = requireUser(c)
  if (!decision.allowed) {
    // Telling a worker which rule refused is fine (it is about their own access); content never is.
    throw new AppError('forbidden', 'This is not shared with you.', { reason: decision.basis })
  }
  return {
    actor: user,
    clientId,
    isSelf: false,
    excludeDomains: decision.excludeDomains,
    basis: decision.basis,
    consentId: decision.consentId,
    access: decision.access,
  }
}

/**
 * For what is the client's alone whatever they shared: their consents, their access log, their
 * signature. Anyone else is refused, and the attempt is logged like any other access.
 */
export async function requireClientSelf(
  c: Context<AppEnv>,
  clientId: string,
  request: { scope: string; resource: string; action: AccessLogAction },
): Promise<PublicUser> {
  const actor = c.get('actor')
  if (actor?.kind === 'session' && actor.user.id === clientId && actor.user.role === 'client') return actor.user
  const deps = c.get('deps')
  const [client] = await deps.db.select({ role: users.role }).from(users).where(eq(users.id, clientId))
  if (client?.role === 'client') {
    await writeAccessLog(deps, { actor, clientId, ...request, outcome: 'denied', basis: 'only_the_client' })
  }
  requireUser(c)
  throw new AppError('forbidden', 'Only the client can see or change this.')
}
