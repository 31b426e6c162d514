import { createRoute, z, type RouteConfig } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { eq } from 'drizzle-orm'
import { users, type AccessLogAction, type Role } from '@kracht/db'
import { AppError } from '../lib/app-error'
import { requireUser } from '../lib/guards'
import type { AppEnv } from '../lib/env'
import { accessFrom, checkClientAccess, refuse, selfAccess, type ClientAccess, type ClientAction, type ClientScope } from './gate'
import { linkedGate, type LinkedRule } from './linked'
import { flushDeferredAccessLog } from '../lib/access-log'

/**
 * What a request is really about, found in the database before deciding: the life domain the
 * statement lives in now, or the part of the client's data an assistant card lands in. `found:
 * false` lets the handler answer 404 after the gate (and decides on the route's scope alone).
 */
export type AccessTarget = { found: false } | { found: true; domain?: string | undefined; scope?: ClientScope | undefined }

/** The raw path parameters: the gate runs before the validators, so it checks what it uses itself. */
type Params = Record<string, string>

/** Anyone on the client's consent (the consent rules decide). */
export interface ConsentRule {
  scope: ClientScope
  action: ClientAction
  /** Finds the domain (and scope) of the one thing asked for, so a left-out domain is refused. */
  target?: ((c: Context<AppEnv>, clientId: string) => Promise<AccessTarget>) | undefined
  /** For the access log (`statement:<id>`), never content. Default: the scope. */
  resource?: string | ((params: Params) => string) | undefined
  logAction?: AccessLogAction | undefined
  /** A worker's act in person, never a token's or a peer's (and the client's own when `or_self`). */
  only?: 'worker' | 'worker_or_self' | undefined
  /**
   * The handler's first read takes the allowed log row and writes it in the same statement
   * (lib/access-log.ts, takeDeferredAccessLog); the gate writes it after the handler if it did not.
   * Only for a handler whose first database call is that read.
   */
  logWithRead?: true | undefined
  /** More parts the route answers for, each logged as its own read would be (access/gate.ts, alsoResources). */
  alsoLogs?: readonly string[] | undefined
}

/** What is the client's alone, whatever they shared: their consents, their log, their signature. */
export interface SelfRule {
  self: true
  scope: string
  action: AccessLogAction
  resource?: string | ((params: Params) => string) | undefined
}

/**
 * Managing the person, never reading their data: who their workers are, a new invitation code.
 * The client must be of the caller's organisation (else 404); nothing of their content is reached,
 * so nothing is logged here and no consent is asked.
 */
export interface OrganisationRule {
  organisation: true
  roles: readonly Role[]
  /** The client may do it too (see their own workers). */
  self?: boolean | undefined
}

export type AccessRule = ConsentRule | SelfRule | OrganisationRule | LinkedRule

/** The rule as the OpenAPI document shows it (`x-kracht-access`), for readers and the route walk. */
export interface DeclaredAccess {
  rule: 'consent' | 'self' | 'organisation' | 'linked' | 'listing'
  scope: string | null
  action: string | null
  /** For organisation rules: the staff roles that may. */
  roles?: readonly Role[]
  /** Whether the domain (or scope) is looked up in the database before deciding. */
  target: boolean
  only: 'worker' | 'worker_or_self' | 'client' | null
  /** Whether a personal API token (read-only, within its scopes) may use the route at all. */
  tokens: boolean
}

export const accessExtension = 'x-kracht-access'

export type GateEnv = AppEnv & { Variables: { clientAccess: ClientAccess } }

/**
 * The gate middlewares of routes a personal API token may call: consent reads (the rules still
 * check the token's scopes). Tokens are refused everywhere else (access/token-scope.ts).
 */
export const tokenReadableGates = new WeakSet<(...args: never[]) => unknown>()

const ClientId = z.string().uuid()

const isSelfRule = (rule: AccessRule): rule is SelfRule => 'self' in rule && !('organisation' in rule)
const isLinkedRule = (rule: AccessRule): rule is LinkedRule => 'linked' in rule
const isOrganisationRule = (rule: AccessRule): rule is OrganisationRule => 'organisation' in rule

const resourceOf = (rule: ConsentRule | SelfRule, params: Params): string | undefined =>
  typeof rule.resource === 'function' ? rule.resource(params) : rule.resource

export function describeAccess(rule: AccessRule): DeclaredAccess {
  if (isLinkedRule(rule)) return { rule: 'linked', scope: rule.scope, action: rule.action, target: false, only: rule.only ?? null, tokens: false }
  if (isOrganisationRule(rule)) return { rule: 'organisation', scope: null, action: null, roles: rule.roles, target: false, only: null, tokens: false }
  if (isSelfRule(rule)) return { rule: 'self', scope: rule.scope, action: rule.action, target: false, only: null, tokens: false }
  return {
    rule: 'consent',
    scope: rule.scope,
    action: rule.action,
    target: rule.target !== undefined,
    only: rule.only ?? null,
    tokens: rule.action === 'read' && rule.only === undefined,
  }
}

/** The gate for one declared rule: runs once, before the validators and the handler. */
export function gateFor(rule: AccessRule): MiddlewareHandler<GateEnv> {
  const gate: MiddlewareHandler<GateEnv> = async (c, next) => {
    // The gate's helpers read deps and actor only; clientAccess is what this middleware adds.
    const base = c as unknown as Context<AppEnv>
    const params = c.req.param() as Params
    const clientId = params.clientId ?? ''
    // Checked here (the validators run after the gate): a malformed id is a 400, never a 500.
    if (!ClientId.safeParse(clientId).success) throw new AppError('validation_failed', 'Invalid input: clientId', { clientId: 'invalid_uuid' })
    const actor = c.get('actor')
    const isSelf = actor?.kind === 'session' && actor.user.id === clientId && actor.user.role === 'client'
    if (isOrganisationRule(rule)) {
      await organisationGate(base, rule, clientId, isSelf)
      return next()
    }
    if (isLinkedRule(rule)) {
      c.set('clientAccess', await linkedGate(base, rule, clientId, isSelf))
      return next()
    }
    const resource = resourceOf(rule, params)

    if (isSelfRule(rule)) {
      if (!isSelf) return refuse(base, clientId, { scope: rule.scope, resource: resource ?? rule.scope, action: rule.action, basis: 'only_the_client' })
      c.set('clientAccess', selfAccess(actor.user, clientId))
      return next()
    }
    if (rule.only && !(isSelf && rule.only === 'worker_or_self')) {
      const inPerson = actor?.kind === 'session' && actor.user.role === 'worker'
      if (!inPerson) {
        await refuse(base, clientId, { scope: rule.scope, resource: resource ?? rule.scope, action: rule.logAction ?? 'create', basis: 'only_workers' })
      }
    }
    // The client on their own data: no lookup, no log (NEN 7513 logs access by others).
    if (isSelf) {
      c.set('clientAccess', selfAccess(actor.user, clientId))
      return next()
    }
    const target = rule.target && actor ? await rule.target(base, clientId) : undefined
    const found = target?.found ? target : undefined
    const decision = await checkClientAccess(c.get('deps'), actor, clientId, {
      scope: rule.scope,
      action: rule.action,
      // The declared scope covers the route; the target's scope is checked too, with its domain.
      domain: found && !found.scope ? found.domain : undefined,
      also: found?.scope ? { scope: found.scope, domain: found.domain } : undefined,
      resource,
      logAction: rule.logAction,
      alsoResources: rule.alsoLogs,
    }, { facts: c.get('accessFacts'), deferAllowed: rule.logWithRead === true })
    c.set('clientAccess', accessFrom(base, clientId, decision))
    if (!rule.logWithRead) return next()
    try {
      await next()
    } finally {
      await flushDeferredAccessLog(c.get('deps'))
    }
  }
  if (describeAccess(rule).tokens) tokenReadableGates.add(gate)
  return gate
}

/**
 * For a route that is no client-data route but that a token may read because every figure in it is
 * decided per client by the consent rules, with the token's scopes (the caseload). Spread into the
 * route's definition: it marks the route for the token guard and shows in the OpenAPI document.
 */
const tokenListingMarker: MiddlewareHandler<AppEnv> = async (_c, next) => next()
tokenReadableGates.add(tokenListingMarker)
export const tokenReadableListing = {
  middleware: [tokenListingMarker] as [MiddlewareHandler<AppEnv>],
  [accessExtension]: { rule: 'listing', scope: null, action: 'read', target: false, only: null, tokens: true } satisfies DeclaredAccess,
}

async function organisationGate(c: Context<AppEnv>, rule: OrganisationRule, clientId: string, isSelf: boolean) {
  const user = requireUser(c)
  if (isSelf && rule.self) return
  if (c.get('actor')?.kind !== 'session' || !rule.roles.includes(user.role)) throw new AppError('forbidden', 'Your role does not allow this.')
  const [client] = await c.get('deps').db.select({ organisationId: users.organisationId, role: users.role }).from(users).where(eq(users.id, clientId))
  if (!client || client.role !== 'client' || client.organisationId !== user.organisationId) throw new AppError('not_found', 'No such client.')
}

/**
 * A route about one client's data (`/clients/{clientId}/…`) with its access rule as part of its
 * definition: the gate runs as the route's middleware, exactly once, before the validators and the
 * handler, and the rule shows in the OpenAPI document. Handlers read `c.get('clientAccess')`
 * (organisation rules set nothing: they reach no client content).
 */
export function clientRoute<const R extends Omit<RouteConfig, 'middleware'>>(config: R & { access: AccessRule }) {
  const { access, ...route } = config
  return createRoute({
    ...(route as unknown as R),
    middleware: [gateFor(access)] as [MiddlewareHandler<GateEnv>],
    [accessExtension]: describeAccess(access),
  })
}
