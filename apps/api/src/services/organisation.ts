import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm'
import { clientWorkers, organisations, statements, teams, users, type DomainSet, type Role } from '@kracht/db'
import { roles as allRoles, type CareSetting } from '@kracht/method'
import { AppError } from '../lib/app-error'
import type { Deps, PublicUser } from '../lib/env'
import { endAllSessions } from '../auth/sessions'

export async function getOrganisation(deps: Deps, actor: PublicUser) {
  const [row] = await deps.db.select().from(organisations).where(eq(organisations.id, actor.organisationId))
  if (!row) throw new AppError('not_found', 'No such organisation.')
  return { id: row.id, name: row.name, domainSet: row.domainSet, careSetting: row.careSetting, priorityLimit: row.priorityLimit, retentionDays: row.retentionDays }
}

/** How long an ended client's data stays (days) before the daily job erases it (services/client-data/retention.ts). */
export async function setRetention(deps: Deps, input: { actor: PublicUser; retentionDays: number }) {
  await deps.db.update(organisations).set({ retentionDays: input.retentionDays }).where(eq(organisations.id, input.actor.organisationId))
  return getOrganisation(deps, input.actor)
}

/**
 * Settings a coordinator chooses: the domain set (Krachtwerk's ten or ICM's nine), how many
 * priorities a client picks (4 in Krachtwerk, 3 in Critical Time Intervention) and the kind of care. The domain set
 * cannot change once clients wrote statements: their words would lose their place.
 */
export async function updateOrganisation(deps: Deps, input: { actor: PublicUser; domainSet: DomainSet; priorityLimit: number; careSetting?: CareSetting | undefined }) {
  const current = await getOrganisation(deps, input.actor)
  if (current.domainSet !== input.domainSet) {
    const [used] = await deps.db
      .select({ id: statements.id })
      .from(statements)
      .innerJoin(users, eq(users.id, statements.clientId))
      .where(eq(users.organisationId, input.actor.organisationId))
      .limit(1)
    if (used) throw new AppError('domain_set_in_use', 'Clients already wrote statements in the current life domains.')
  }
  await deps.db
    .update(organisations)
    .set({ domainSet: input.domainSet, priorityLimit: input.priorityLimit, ...(input.careSetting ? { careSetting: input.careSetting } : {}) })
    .where(eq(organisations.id, input.actor.organisationId))
  return getOrganisation(deps, input.actor)
}

export async function listTeams(deps: Deps, actor: PublicUser) {
  const rows = await deps.db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.organisationId, actor.organisationId))
    .orderBy(asc(teams.name))
  const members = await deps.db
    .select({ teamId: users.teamId, role: users.role })
    .from(users)
    .where(and(eq(users.organisationId, actor.organisationId), inArray(users.role, ['worker', 'peer', 'admin'])))
  return rows.map((team) => ({
    ...team,
    memberCount: members.filter((m) => m.teamId === team.id).length,
  }))
}

export async function createTeam(deps: Deps, input: { actor: PublicUser; name: string }) {
  const [row] = await deps.db
    .insert(teams)
    .values({ organisationId: input.actor.organisationId, name: input.name })
    .returning({ id: teams.id, name: teams.name })
  if (!row) throw new Error('insert returned nothing')
  return { ...row, memberCount: 0 }
}

/**
 * People of the organisation by role. Staff (worker, peer, admin) are listed for coordinators and
 * workers; clients only for coordinators, and then only name and username: never content.
 */
export async function listPeople(deps: Deps, input: { actor: PublicUser; roles: Role[] }) {
  const allowed: readonly Role[] = input.actor.role === 'admin' ? allRoles : ['worker', 'peer']
  const roles = input.roles.filter((role) => allowed.includes(role))
  if (roles.length === 0) return []
  // An erased client is only an id the kept access log points to: listed nowhere.
  const conditions: SQL[] = [eq(users.organisationId, input.actor.organisationId), inArray(users.role, roles), isNull(users.erasedAt)]
  // Only a coordinator sees accounts that were turned off (nobody else can plan with them).
  if (input.actor.role !== 'admin') conditions.push(isNull(users.deactivatedAt))
  const rows = await deps.db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, teamId: users.teamId, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.displayName))
  return rows.map(({ deactivatedAt, ...person }) => ({ ...person, active: deactivatedAt === null }))
}

/**
 * A coordinator turns a staff account off (someone left, a lost phone): from that moment it cannot
 * sign in, its sessions end and its API tokens are revoked. Nothing else changes: what clients wrote,
 * their consents and the access log keep their author; links to clients stay for the record but give
 * nothing, because every way in checks the account first.
 */
export async function deactivateStaff(deps: Deps, input: { actor: PublicUser; userId: string }) {
  const [person] = await deps.db.select().from(users).where(eq(users.id, input.userId))
  if (!person || person.organisationId !== input.actor.organisationId || person.role === 'client') throw new AppError('not_found', 'No such staff member.')
  if (person.id === input.actor.id) throw new AppError('validation_failed', 'You cannot turn off your own account.', { userId: 'self' })
  if (!person.deactivatedAt) await deps.db.update(users).set({ deactivatedAt: deps.now() }).where(eq(users.id, person.id))
  await endAllSessions(deps, person.id)
}

export async function setTeam(deps: Deps, input: { actor: PublicUser; userId: string; teamId: string | null }) {
  const [person] = await deps.db.select().from(users).where(eq(users.id, input.userId))
  if (!person || person.organisationId !== input.actor.organisationId) throw new AppError('not_found', 'No such person.')
  if (input.teamId) {
    const [team] = await deps.db.select().from(teams).where(eq(teams.id, input.teamId))
    if (!team || team.organisationId !== input.actor.organisationId) throw new AppError('not_found', 'No such team.')
  }
  await deps.db.update(users).set({ teamId: input.teamId }).where(eq(users.id, person.id))
}

/** A worker's linked clients: names only. What a client shared comes with consent, elsewhere. */
export async function listMyClients(deps: Deps, worker: PublicUser) {
  return deps.db
    .select({ id: users.id, username: users.username, displayName: users.displayName, linkedAt: clientWorkers.createdAt })
    .from(clientWorkers)
    .innerJoin(users, eq(users.id, clientWorkers.clientId))
    .where(and(eq(clientWorkers.workerId, worker.id), isNull(users.erasedAt)))
    .orderBy(asc(users.displayName))
}

export async function listClientWorkers(deps: Deps, input: { actor: PublicUser; clientId: string }) {
  return deps.db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(clientWorkers)
    .innerJoin(users, eq(users.id, clientWorkers.workerId))
    .where(and(eq(clientWorkers.clientId, input.clientId), eq(users.organisationId, input.actor.organisationId)))
}

async function requireSameOrganisation(deps: Deps, organisationId: string, userId: string, role: Role) {
  const [row] = await deps.db.select().from(users).where(eq(users.id, userId))
  if (!row || row.organisationId !== organisationId || row.role !== role || row.erasedAt) {
    throw new AppError('not_found', `No such ${role} in your organisation.`)
  }
  return row
}

export async function linkWorker(deps: Deps, input: { actor: PublicUser; clientId: string; workerId: string }) {
  await requireSameOrganisation(deps, input.actor.organisationId, input.clientId, 'client')
  await requireSameOrganisation(deps, input.actor.organisationId, input.workerId, 'worker')
  await deps.db.insert(clientWorkers).values({ clientId: input.clientId, workerId: input.workerId }).onConflictDoNothing()
}

export async function unlinkWorker(deps: Deps, input: { actor: PublicUser; clientId: string; workerId: string }) {
  await requireSameOrganisation(deps, input.actor.organisationId, input.clientId, 'client')
  await deps.db
    .delete(clientWorkers)
    .where(and(eq(clientWorkers.clientId, input.clientId), eq(clientWorkers.workerId, input.workerId)))
}
