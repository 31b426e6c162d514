import { and, asc, desc, eq, gte, inArray, isNull, like, lte, ne, or, type SQL } from 'drizzle-orm'
import { isDomainOf } from '@kracht/inventory'
import { accessLog, clientWorkers, consentScopes, consents, organisations, teams, users, type Consent, type ConsentAccessLevel, type ConsentScope } from '@kracht/db'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'
import { isActive } from '../../access/rules'

export interface ConsentInput {
  granteeId?: string | null | undefined
  /** For one team strengths meeting: the team of a linked worker; needs an end date. */
  teamId?: string | null | undefined
  scopes: string[]
  excludeDomains: string[]
  access: ConsentAccessLevel
  endsAt: string | null
  /**
   * The share with this person the client saw and means to replace, or null for none. Given, a
   * share in force that is another one is not replaced (share_changed): the client decides again
   * with that share in view. Left out (an older caller), any share in force is replaced.
   */
  replaces?: string | null | undefined
}

interface Person {
  id: string
  displayName: string
}

export function serialiseConsent(
  row: Consent & { granteeName?: string | null; teamName?: string | null },
  now: Date,
  people: { members?: Person[]; notCovered?: Person[] } = {},
) {
  return {
    id: row.id,
    clientId: row.clientId,
    granteeId: row.granteeId,
    granteeName: row.granteeName ?? null,
    teamId: row.teamId,
    teamName: row.teamName ?? null,
    scopes: row.scopes,
    excludeDomains: row.excludeDomains,
    access: row.access,
    endsAt: row.endsAt ? row.endsAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
    active: isActive(row, now),
    members: people.members ?? [],
    notCovered: people.notCovered ?? [],
  }
}

/** The workers and peer experts in a team now: whom a team share names when granted. */
async function teamMembers(deps: Deps, teamIds: string[]): Promise<(Person & { teamId: string })[]> {
  if (teamIds.length === 0) return []
  const rows = await deps.db
    .select({ id: users.id, displayName: users.displayName, teamId: users.teamId })
    .from(users)
    .where(and(inArray(users.teamId, teamIds), inArray(users.role, ['worker', 'peer'])))
    .orderBy(asc(users.displayName))
  return rows.flatMap((row) => (row.teamId ? [{ id: row.id, displayName: row.displayName, teamId: row.teamId }] : []))
}

/** Names for the people a team share covers, and for those in the team now who are not covered. */
async function teamPeople(deps: Deps, rows: Consent[]) {
  const memberIds = [...new Set(rows.flatMap((row) => row.memberIds ?? []))]
  const [named, current] = await Promise.all([
    memberIds.length ? deps.db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, memberIds)) : [],
    teamMembers(deps, [...new Set(rows.flatMap((row) => (row.teamId ? [row.teamId] : [])))]),
  ])
  const nameOf = new Map(named.map((person) => [person.id, person.displayName]))
  return (row: Consent) => {
    if (!row.teamId) return {}
    const covered = row.memberIds ?? []
    return {
      members: covered.flatMap((id) => (nameOf.has(id) ? [{ id, displayName: nameOf.get(id) ?? '' }] : [])),
      notCovered: current.filter((person) => person.teamId === row.teamId && !covered.includes(person.id)).map(({ id, displayName }) => ({ id, displayName })),
    }
  }
}

/** The client's consents, newest first, with the names the client knows the grantees by. */
export async function listConsents(deps: Deps, clientId: string, options: { includeInactive?: boolean } = {}) {
  const rows = await deps.db
    .select({ consent: consents, granteeName: users.displayName, teamName: teams.name })
    .from(consents)
    .leftJoin(users, eq(users.id, consents.granteeId))
    .leftJoin(teams, eq(teams.id, consents.teamId))
    .where(eq(consents.clientId, clientId))
    .orderBy(desc(consents.createdAt))
  const now = deps.now()
  const peopleOf = await teamPeople(deps, rows.map((row) => row.consent))
  return rows
    .map((row) => serialiseConsent({ ...row.consent, granteeName: row.granteeName, teamName: row.teamName }, now, peopleOf(row.consent)))
    .filter((row) => options.includeInactive || row.active)
}

const isScope = (scope: string): scope is ConsentScope => (consentScopes as readonly string[]).includes(scope)

/**
 * Checks everything before writing anything, so bad input changes nothing. A client shares with a
 * worker they are linked to, a peer expert of their organisation, or a linked worker's team.
 * Sharing again with a person who has an active share replaces it (`replacedIds`: the shares this
 * one ended), so the client has exactly one share per person.
 */
export async function grantConsent(deps: Deps, input: { clientId: string; consent: ConsentInput }) {
  const { consent } = input
  const now = deps.now()
  const unknownScope = consent.scopes.find((scope) => !isScope(scope))
  if (unknownScope !== undefined || consent.scopes.length === 0) {
    throw new AppError('unknown_scope', `Unknown scope: ${(unknownScope ?? '').slice(0, 40)}`, { scopes: 'unknown_scope' })
  }
  const [client] = await deps.db
    .select({ organisationId: users.organisationId, domainSet: organisations.domainSet })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, input.clientId))
  if (!client) throw new AppError('not_found', 'No such client.')
  const unknownDomain = consent.excludeDomains.find((domain) => !isDomainOf(client.domainSet, domain))
  if (unknownDomain !== undefined) {
    throw new AppError('unknown_life_domain', `Unknown life domain: ${unknownDomain.slice(0, 40)}`, { excludeDomains: 'unknown_life_domain' })
  }
  const endsAt = consent.endsAt ? new Date(consent.endsAt) : null
  if (endsAt && endsAt <= now) throw new AppError('ends_in_past', 'The end date has already passed.', { endsAt: 'ends_in_past' })

  let granteeName: string | null = null
  let teamName: string | null = null
  let members: Person[] = []
  if (consent.teamId) {
    if (!endsAt) throw new AppError('validation_failed', 'A team share ends after the meeting: give an end date.', { endsAt: 'required' })
    const linkedTeams = await deps.db
      .select({ teamId: users.teamId, teamName: teams.name })
      .from(clientWorkers)
      .innerJoin(users, eq(users.id, clientWorkers.workerId))
      .innerJoin(teams, eq(teams.id, users.teamId))
      .where(eq(clientWorkers.clientId, input.clientId))
    const team = linkedTeams.find((row) => row.teamId === consent.teamId)
    if (!team) throw new AppError('grantee_not_linked', "That is not your worker's team.", { teamId: 'grantee_not_linked' })
    teamName = team.teamName
    // The people the client sees named now are the people covered; whoever joins later is not.
    members = (await teamMembers(deps, [consent.teamId])).map(({ id, displayName }) => ({ id, displayName }))
  } else {
    if (!consent.granteeId) throw new AppError('unknown_grantee', 'Choose who may see it.', { granteeId: 'required' })
    const [grantee] = await deps.db
      .select({ id: users.id, role: users.role, organisationId: users.organisationId, displayName: users.displayName })
      .from(users)
      .where(eq(users.id, consent.granteeId))
    if (!grantee) throw new AppError('unknown_grantee', 'No such person.', { granteeId: 'unknown_grantee' })
    granteeName = grantee.displayName
    if (grantee.organisationId !== client.organisationId) {
      throw new AppError('grantee_other_organisation', 'That person works for another organisation.', { granteeId: 'grantee_other_organisation' })
    }
    if (grantee.role !== 'worker' && grantee.role !== 'peer') {
      throw new AppError('grantee_role_not_allowed', 'You can share with a worker or a peer expert only.', { granteeId: 'grantee_role_not_allowed' })
    }
    if (grantee.role === 'worker') {
      const [link] = await deps.db
        .select({ workerId: clientWorkers.workerId })
        .from(clientWorkers)
        .where(and(eq(clientWorkers.clientId, input.clientId), eq(clientWorkers.workerId, grantee.id)))
      if (!link) throw new AppError('grantee_not_linked', 'That worker is not your worker.', { granteeId: 'grantee_not_linked' })
    }
  }
  const values = {
    clientId: input.clientId,
    granteeId: consent.teamId ? null : (consent.granteeId ?? null),
    teamId: consent.teamId ?? null,
    memberIds: consent.teamId ? members.map((person) => person.id) : null,
    scopes: consent.scopes.filter(isScope),
    excludeDomains: [...new Set(consent.excludeDomains)],
    access: consent.access,
    endsAt,
    createdAt: now,
  }
  const granteeId = values.granteeId
  const { row, replacedIds } = await deps.db.transaction(async (tx) => {
    if (!granteeId) {
      // A team share is for one team strengths meeting, and a prepared meeting points at its share:
      // a share for another meeting stands beside it.
      const [inserted] = await tx.insert(consents).values(values).returning()
      return { row: inserted, replacedIds: [] as string[] }
    }
    // One share per person: sharing again with someone who may see something now replaces that
    // share. Never edited in place: the old consent ends now and keeps its terms, so the access log
    // rows it allowed still point at what the client agreed to then; the new one starts at the same
    // moment. The client's row is locked first, so two shares sent at once cannot both be new.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, input.clientId)).for('update')
    const current = await tx
      .select()
      .from(consents)
      .where(and(eq(consents.clientId, input.clientId), eq(consents.granteeId, granteeId), isNull(consents.revokedAt)))
    const replaced = current.filter((old) => isActive(old, now)).map((old) => old.id)
    // The client chose without seeing this share (another tab changed it, or the form started empty):
    // replacing it could drop what they meant to keep. Nothing changes; they look again.
    if (consent.replaces !== undefined && replaced.some((id) => id !== consent.replaces)) {
      throw new AppError('share_changed', 'You already share with this person, on other terms than you saw. Look at them and share again.')
    }
    if (replaced.length > 0) await tx.update(consents).set({ revokedAt: now }).where(inArray(consents.id, replaced))
    const [inserted] = await tx.insert(consents).values(values).returning()
    return { row: inserted, replacedIds: replaced }
  })
  if (!row) throw new Error('insert returned nothing')
  return {
    ...serialiseConsent({ ...row, granteeName, teamName }, now, consent.teamId ? { members, notCovered: [] } : {}),
    replacedIds,
  }
}

/** Revoking is final and bites on the very next request (the gate reads consents every time). */
export async function revokeConsent(deps: Deps, input: { clientId: string; consentId: string }) {
  const now = deps.now()
  const [current] = await deps.db
    .select()
    .from(consents)
    .where(and(eq(consents.id, input.consentId), eq(consents.clientId, input.clientId)))
  if (!current) throw new AppError('not_found', 'No such consent.')
  if (current.revokedAt) throw new AppError('consent_already_revoked', 'This was already stopped.')
  const [row] = await deps.db.update(consents).set({ revokedAt: now }).where(eq(consents.id, current.id)).returning()
  if (!row) throw new Error('update returned nothing')
  return serialiseConsent(row, now, (await teamPeople(deps, [row]))(row))
}

/** "Wie heeft mijn gegevens bekeken": the client's log, newest first, with names. */
export async function readAccessLog(
  deps: Deps,
  input: { clientId: string; from?: Date | undefined; to?: Date | undefined; includeOwn?: boolean | undefined; limit: number },
) {
  const conditions: SQL[] = [eq(accessLog.clientId, input.clientId)]
  if (input.from) conditions.push(gte(accessLog.at, input.from))
  if (input.to) conditions.push(lte(accessLog.at, input.to))
  // The client's own look at their log is logged too, but not shown back to them unless asked.
  // Except what went out or changed in the client's name: their words sent to the AI help, and a
  // sign-in with a new code (the client should see it, in case it was not them).
  if (!input.includeOwn) {
    const shownAnyway = or(eq(accessLog.resource, 'ai_model'), like(accessLog.resource, 'access_reset:%'))
    conditions.push(or(ne(accessLog.actorId, input.clientId), shownAnyway) ?? ne(accessLog.actorId, input.clientId))
  }
  const rows = await deps.db
    .select()
    .from(accessLog)
    .where(and(...conditions))
    .orderBy(desc(accessLog.at))
    .limit(input.limit)
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))]
  const names = actorIds.length
    ? await deps.db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, actorIds))
    : []
  const nameOf = new Map(names.map((row) => [row.id, row.displayName]))
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorId ? (nameOf.get(row.actorId) ?? null) : null,
    actorRole: row.actorRole,
    onBehalfOf: row.onBehalfOf,
    action: row.action,
    scope: row.scope,
    resource: row.resource,
    outcome: row.outcome,
    basis: row.basis,
    via: row.via,
  }))
}

/** Whom the client can share with: their linked workers and the peer experts of their organisation, each with their team (a linked worker's team is what a team strengths meeting share names). */
export async function possibleGrantees(deps: Deps, clientId: string) {
  const [client] = await deps.db.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, clientId))
  if (!client) return []
  const [workers, peers] = await Promise.all([
    deps.db
      .select({ id: users.id, displayName: users.displayName, role: users.role, teamId: users.teamId, teamName: teams.name })
      .from(clientWorkers)
      .innerJoin(users, eq(users.id, clientWorkers.workerId))
      .leftJoin(teams, eq(teams.id, users.teamId))
      .where(eq(clientWorkers.clientId, clientId)),
    deps.db
      .select({ id: users.id, displayName: users.displayName, role: users.role, teamId: users.teamId, teamName: teams.name })
      .from(users)
      .leftJoin(teams, eq(teams.id, users.teamId))
      .where(and(eq(users.organisationId, client.organisationId), eq(users.role, 'peer'))),
  ])
  return [...workers, ...peers]
}

/** The teams of the client's linked workers, with the people a team share would name now. */
export async function granteeTeams(deps: Deps, clientId: string) {
  const linked = await deps.db
    .selectDistinct({ id: teams.id, name: teams.name })
    .from(clientWorkers)
    .innerJoin(users, eq(users.id, clientWorkers.workerId))
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(eq(clientWorkers.clientId, clientId))
    .orderBy(asc(teams.name))
  const members = await teamMembers(deps, linked.map((team) => team.id))
  return linked.map((team) => ({
    ...team,
    members: members.filter((person) => person.teamId === team.id).map(({ id, displayName }) => ({ id, displayName })),
  }))
}
