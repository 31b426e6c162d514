import type { Context } from 'hono'
import { eq } from 'drizzle-orm'
import { users, type AccessLogAction, type ConsentScope } from '@kracht/db'
import { AppError } from '../lib/app-error'
import { deferAccessLog, writeAccessLog, writeAccessLogEntries } from '../lib/access-log'
import type { Actor, AppEnv, Deps, PublicUser } from '../lib/env'
import { requireUser } from '../lib/guards'
import { accessFactsOnce } from './facts'
import { decide, type ConsentActor, type ConsentDecision, type RequestedAccess } from './rules'

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
  /**
   * More parts answered in the same request (the worker's page reads the inventory, its comments
   * and the agreement at once): when allowed, one more row for each, as their own reads would
   * write. A refusal is one row, for `resource`.
   */
  alsoResources?: readonly string[] | undefined
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

export const logActionOf = (request: ClientAccessRequest): AccessLogAction =>
  request.logAction ?? (request.action === 'read' ? 'read' : request.action === 'comment' || request.action === 'together' ? 'create' : 'update')

// The row itself (with the access point; none for unauthenticated requests) is written in
// lib/access-log.ts; re-exported so every caller keeps one import.
export { writeAccessLog }

/** Loads the facts the rules need and decides; no logging (the caller logs). */
export async function decideClientAccess(
  deps: Deps,
  actor: Actor | null,
  clientId: string,
  request: { scope: ClientScope; access: RequestedAccess; domain?: string | undefined },
  /** One page read's shared facts (InternalCall.accessFacts): read once per client and actor. */
  facts?: Map<string, Promise<unknown>>,
): Promise<{ decision: ConsentDecision; clientExists: boolean }> {
  const ids = actor ? [clientId, actor.user.id] : [clientId]
  const { people, workerIds, grants } = await accessFactsOnce(deps, clientId, ids, facts)
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
    client: { id: client.id, role: client.role, organisationId: client.organisationId, workerIds },
    request,
    consents: grants,
    now: deps.now(),
  })
  return { decision, clientExists: client.role === 'client' }
}

/**
 * Decides one request about a client's data and writes its one access-log row (for anyone but the
 * client, allowed or denied), before any of the client's data is read. Used by the gate declared on
 * each route (access/client-route.ts) and by the caseload, so both follow the same rules.
 */
export async function checkClientAccess(
  deps: Deps,
  actor: Actor | null,
  clientId: string,
  request: ClientAccessRequest & { also?: { scope: ClientScope; domain?: string | undefined } | undefined },
  /** The caseload lists linked clients without asking for their data: only what it reads is logged. */
  options: {
    logDenied?: boolean
    facts?: Map<string, Promise<unknown>> | undefined
    /** An allowed row goes with the handler's first read (lib/access-log.ts, deferAccessLog); the caller flushes it. */
    deferAllowed?: boolean
  } = {},
): Promise<ConsentDecision> {
  const first = await decideClientAccess(deps, actor, clientId, { scope: request.scope, access: request.action, domain: request.domain }, options.facts)
  let decision = first.decision
  // A second part the request lands in (an assistant card lands in the network map or the plan).
  if (decision.allowed && request.also) {
    const second = (await decideClientAccess(deps, actor, clientId, { scope: request.also.scope, access: request.action, domain: request.also.domain }, options.facts)).decision
    decision = second.allowed ? { ...second, excludeDomains: [...new Set([...decision.excludeDomains, ...second.excludeDomains])] } : second
  }
  // Attempts on ids that are no client are not logged: there is nobody whose log they belong in.
  const logged = decision.allowed ? decision.basis !== 'self' : options.logDenied !== false
  if (first.clientExists && logged) {
    const entry = {
      actor,
      clientId,
      action: logActionOf(request),
      scope: request.also?.scope ?? request.scope,
      resource: request.resource ?? request.scope,
      outcome: decision.allowed ? ('allowed' as const) : ('denied' as const),
      basis: decision.basis,
    }
    const entries = decision.allowed ? [entry, ...(request.alsoResources ?? []).map((resource) => ({ ...entry, resource }))] : [entry]
    const deferred = decision.allowed && options.deferAllowed === true && entries.every((one) => deferAccessLog(deps, one))
    if (!deferred) await writeAccessLogEntries(deps, entries)
  }
  return decision
}

/**
 * The gate as a function, for code that is not a route (and for work in progress elsewhere that
 * still calls it). Routes declare their rule instead (clientRoute), so the gate runs exactly once.
 */
export async function requireClientAccess(c: Context<AppEnv>, clientId: string, request: ClientAccessRequest): Promise<ClientAccess> {
  const actor = c.get('actor')
  // The client on their own data: no lookup, no log (NEN 7513 logs access by others).
  if (actor?.kind === 'session' && actor.user.id === clientId && actor.user.role === 'client') return selfAccess(actor.user, clientId)
  const decision = await checkClientAccess(c.get('deps'), actor, clientId, request)
  return accessFrom(c, clientId, decision)
}

export const selfAccess = (user: PublicUser, clientId: string): ClientAccess => ({
  actor: user,
  clientId,
  isSelf: true,
  excludeDomains: [],
  basis: 'self',
  consentId: null,
  access: 'write',
})

/** Turns a decision into what handlers get, or the 401/403 problem. */
export function accessFrom(c: Context<AppEnv>, clientId: string, decision: ConsentDecision): ClientAccess {
  const user = requireUser(c)
  if (!decision.allowed) {
    // Telling a worker which rule refused is fine (it is about their own access); content never is.
    throw new AppError('forbidden', 'This is not shared with you.', { reason: decision.basis })
  }
  if (decision.basis === 'self') return selfAccess(user, clientId)
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
  return refuse(c, clientId, { ...request, basis: 'only_the_client' })
}

/** Logs a refusal by a rule outside the consent rules (only the client, only a worker) and throws. */
export async function refuse(
  c: Context<AppEnv>,
  clientId: string,
  request: { scope: string; resource: string; action: AccessLogAction; basis: string },
): Promise<never> {
  const actor = c.get('actor')
  const deps = c.get('deps')
  const [client] = await deps.db.select({ role: users.role }).from(users).where(eq(users.id, clientId))
  const self = actor?.kind === 'session' && actor.user.id === clientId
  if (client?.role === 'client' && !self) {
    await writeAccessLog(deps, { actor, clientId, action: request.action, scope: request.scope, resource: request.resource, outcome: 'denied', basis: request.basis })
  }
  requireUser(c)
  throw new AppError(
    'forbidden',
    request.basis === 'only_the_client'
      ? 'Only the client can see or change this.'
      : request.basis === 'only_the_author'
        ? 'Only the one who wrote this can change or remove it.'
        : 'Only a worker can do this.',
  )
}

/**
 * Someone the rules let into the thread (or the comments) asks to change or remove what another
 * person wrote: refused and logged as refused (the gate logged only that they may write here).
 */
export const onlyTheAuthor = <E extends AppEnv>(c: Context<E, string, object>, clientId: string, request: { scope: string; resource: string; action: AccessLogAction }) =>
  // The route's own context carries more variables; refusing reads only deps and actor.
  refuse(c as unknown as Context<AppEnv>, clientId, { ...request, basis: 'only_the_author' })
