import type { ConsentAccessLevel, ConsentScope, Role } from '@kracht/db'

/**
 * The consent rules, as small pure functions over data: no database, no clock, no HTTP. The gate
 * (access/gate.ts) loads the facts and writes the access log; this decides. Every answer says
 * which grant or rule decided, because the access log records it.
 *
 * The default is the opposite of "no policy means everything": no consent, no access.
 */

/**
 * What the caller wants to do: read, comment or suggest, write (only ever the client), or run a
 * guided flow together with a client who is present (together mode: the answers and the cards the
 * client accepts stay the client's; it needs the same trust as commenting).
 */
export type RequestedAccess = 'read' | 'comment' | 'write' | 'together'

export interface ConsentActor {
  id: string
  role: Role
  organisationId: string
  teamId: string | null
  /** Set when the actor is an API token: its scopes, and it is always read-only. */
  token?: { id: string; scopes: readonly ConsentScope[] } | undefined
}

export interface ConsentClient {
  id: string
  role: Role
  organisationId: string
  /** Workers linked to the client (client_workers). */
  workerIds: readonly string[]
}

export interface ConsentGrant {
  id: string
  granteeId: string | null
  teamId: string | null
  /** A team share covers only the people named when the client granted it (null: a personal share). */
  memberIds: readonly string[] | null
  scopes: readonly ConsentScope[]
  excludeDomains: readonly string[]
  access: ConsentAccessLevel
  endsAt: Date | null
  revokedAt: Date | null
}

export interface ConsentRequest {
  scope: ConsentScope
  access: RequestedAccess
  /** The life domain of the one thing asked for, when it has one (a statement, a comment). */
  domain?: string | undefined
}

/** Names of the rules that decide without a consent (recorded as the basis in the access log). */
export type RuleName =
  | 'self'
  | 'unauthenticated'
  | 'not_a_client'
  | 'other_client'
  | 'admin_no_content'
  | 'other_organisation'
  | 'only_client_writes'
  | 'token_read_only'
  | 'token_scope'
  | 'not_linked'
  | 'no_consent'
  | 'consent_revoked'
  | 'consent_ended'
  | 'scope_not_shared'
  | 'domain_excluded'
  | 'read_only_consent'
  | 'not_covered'

export type ConsentDecision =
  | {
      allowed: true
      /** `consent:<id>` or `self`. */
      basis: string
      consentId: string | null
      /** Life domains that must not appear anywhere in what is returned. */
      excludeDomains: string[]
      /** The strongest access the matching consents give (self: write). */
      access: 'read' | 'comment' | 'write'
    }
  | { allowed: false; basis: RuleName; consentId: null; excludeDomains: string[]; access: null }

const deny = (basis: RuleName): ConsentDecision => ({ allowed: false, basis, consentId: null, excludeDomains: [], access: null })

/** Is this consent in force at `now`? Revocation and end dates bite at the very next request. */
export function isActive(grant: Pick<ConsentGrant, 'endsAt' | 'revokedAt'>, now: Date): boolean {
  if (grant.revokedAt && grant.revokedAt <= now) return false
  if (grant.endsAt && grant.endsAt <= now) return false
  return true
}

/**
 * Is the consent addressed to this actor: by person, or by team for a team strengths meeting? A
 * team share covers the people the client saw named when granting, and only while they are still
 * in that team: a coordinator who moves or invites someone into the team gives them nothing.
 */
export function isGrantee(grant: Pick<ConsentGrant, 'granteeId' | 'teamId' | 'memberIds'>, actor: ConsentActor): boolean {
  if (grant.granteeId) return grant.granteeId === actor.id
  return isTeamOf(grant, actor) && (grant.memberIds ?? []).includes(actor.id)
}

const isTeamOf = (grant: Pick<ConsentGrant, 'teamId'>, actor: ConsentActor) =>
  grant.teamId !== null && grant.teamId === actor.teamId && (actor.role === 'worker' || actor.role === 'peer')

/**
 * Decides one request. Order matters and reads top-down: who you are, what a token may do, then
 * the client's consents. With several matching consents, the most generous one is the basis and
 * only domains every one of them leaves out stay out.
 */
export function decide(input: {
  actor: ConsentActor | null
  client: ConsentClient
  request: ConsentRequest
  consents: readonly ConsentGrant[]
  now: Date
}): ConsentDecision {
  const { actor, client, request, now } = input
  if (!actor) return deny('unauthenticated')
  if (client.role !== 'client') return deny('not_a_client')
  if (actor.id === client.id && actor.role === 'client' && !actor.token) {
    return { allowed: true, basis: 'self', consentId: null, excludeDomains: [], access: 'write' }
  }
  if (actor.role === 'client') return deny('other_client')
  // A coordinator manages teams and invitations and sees no client content by role alone (and a
  // client shares only with workers and peer experts).
  if (actor.role === 'admin') return deny('admin_no_content')
  if (actor.organisationId !== client.organisationId) return deny('other_organisation')
  if (actor.token && request.access !== 'read') return deny('token_read_only')
  // A worker comments and suggests; the client's words are only ever written by the client.
  if (request.access === 'write') return deny('only_client_writes')
  if (actor.token && !actor.token.scopes.includes(request.scope)) return deny('token_scope')
  // Messages are how a client and their own worker reach each other: the linked worker reads and
  // writes the thread without a content consent (in person, never a token). Reading the thread
  // shows nothing of the inventory or the plan. Anyone else needs the client's `messages` share.
  if (request.scope === 'messages' && actor.role === 'worker' && !actor.token && client.workerIds.includes(actor.id)) {
    return { allowed: true, basis: 'linked_worker', consentId: null, excludeDomains: [], access: 'comment' }
  }

  const addressed = input.consents.filter((grant) => isGrantee(grant, actor))
  // In the team, but not one of the people the client named: joined (or was moved in) later.
  if (addressed.length === 0) return deny(input.consents.some((grant) => isTeamOf(grant, actor)) ? 'not_covered' : 'no_consent')
  // A worker's personal consent counts only while the worker is still linked to the client.
  const linked = actor.role !== 'worker' || client.workerIds.includes(actor.id)
  const mine = addressed.filter((grant) => grant.teamId !== null || linked)
  if (mine.length === 0) return deny('not_linked')
  const active = mine.filter((grant) => isActive(grant, now))
  if (active.length === 0) return deny(mine.some((grant) => grant.revokedAt && grant.revokedAt <= now) ? 'consent_revoked' : 'consent_ended')
  const inScope = active.filter((grant) => grant.scopes.includes(request.scope))
  if (inScope.length === 0) return deny('scope_not_shared')
  const forDomain = request.domain ? inScope.filter((grant) => !grant.excludeDomains.includes(request.domain as string)) : inScope
  if (forDomain.length === 0) return deny('domain_excluded')
  const enough = request.access === 'comment' || request.access === 'together' ? forDomain.filter((grant) => grant.access === 'comment') : forDomain
  if (enough.length === 0) return deny('read_only_consent')

  const best = [...enough].sort((a, b) => a.excludeDomains.length - b.excludeDomains.length || (a.access === 'comment' ? -1 : 1))[0]
  if (!best) return deny('no_consent')
  const excludeDomains = best.excludeDomains.filter((domain) => enough.every((grant) => grant.excludeDomains.includes(domain)))
  return {
    allowed: true,
    basis: `consent:${best.id}`,
    consentId: best.id,
    excludeDomains,
    access: enough.some((grant) => grant.access === 'comment') ? 'comment' : 'read',
  }
}
