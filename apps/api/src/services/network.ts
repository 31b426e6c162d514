import { and, asc, eq, isNull } from 'drizzle-orm'
import {
  networkPeople,
  networkPersonRevisions,
  type Database,
  type NetworkArea,
  type NetworkPeriod,
  type NetworkPerson,
  type NetworkProvenance,
  type NetworkSupportKind,
} from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps } from '../lib/env'

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

export interface NewNetworkPerson {
  name: string
  area: NetworkArea
  ring: 1 | 2 | 3
  support: NetworkSupportKind[]
  note: string | null
  /** Contact now (the default) or in the past. */
  period?: NetworkPeriod | undefined
  provenance: NetworkProvenance
  /** Together mode, or an accepted suggestion: the worker or peer expert it came from. */
  facilitatorId: string | null
}

export type NetworkPersonPatch = Partial<Pick<NewNetworkPerson, 'name' | 'area' | 'ring' | 'support' | 'note' | 'period' | 'provenance' | 'facilitatorId'>>

export function serialisePerson(row: NetworkPerson) {
  return {
    id: row.id,
    name: row.name,
    area: row.area,
    ring: row.ring,
    support: row.support,
    note: row.note,
    period: row.period,
    provenance: row.provenance,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export type PersonView = ReturnType<typeof serialisePerson>

/** One full copy per change, in the same transaction as the change: the map of any past day. */
async function recordRevision(tx: Tx | Database, row: NetworkPerson, action: 'create' | 'update' | 'delete', actorId: string, at: Date) {
  await tx.insert(networkPersonRevisions).values({
    personId: row.id,
    clientId: row.clientId,
    version: row.version,
    action,
    name: row.name,
    area: row.area,
    ring: row.ring,
    support: row.support,
    note: row.note,
    period: row.period,
    provenance: row.provenance,
    changedAt: at,
    changedById: actorId,
  })
}

/**
 * Puts a person on the client's network map (VIP card). The caller checked access and acceptance
 * (the client's own words, a kept card, or a suggestion the client accepted).
 */
export async function createNetworkPerson(
  deps: Deps,
  input: { clientId: string; person: NewNetworkPerson; actorId?: string | undefined },
): Promise<NetworkPerson> {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(networkPeople)
      .values({ clientId: input.clientId, ...input.person, period: input.person.period ?? 'now', createdAt: now, updatedAt: now })
      .returning()
    if (!row) throw new Error('insert returned nothing')
    await recordRevision(tx, row, 'create', input.actorId ?? input.clientId, now)
    return row
  })
}

export async function listNetworkPeople(deps: Deps, clientId: string): Promise<NetworkPerson[]> {
  return deps.db
    .select()
    .from(networkPeople)
    .where(and(eq(networkPeople.clientId, clientId), isNull(networkPeople.deletedAt)))
    .orderBy(asc(networkPeople.ring), asc(networkPeople.createdAt))
}

/** One person of this client (never another client's: the id alone finds nothing). */
export async function findNetworkPerson(db: Tx | Database, clientId: string, personId: string): Promise<NetworkPerson> {
  const [row] = await db
    .select()
    .from(networkPeople)
    .where(and(eq(networkPeople.id, personId), eq(networkPeople.clientId, clientId), isNull(networkPeople.deletedAt)))
  if (!row) throw new AppError('not_found', 'No such person on this network map.')
  return row
}

function conflict(current: NetworkPerson): never {
  throw new AppError('version_conflict', `This person was changed elsewhere (now version ${current.version}). Nothing was overwritten; load it again.`)
}

/**
 * Changes a person on the version the caller last saw. The version check is part of the update, so
 * two writers cannot both win; a stale version changes nothing.
 */
export async function updateNetworkPerson(
  deps: Deps,
  input: { clientId: string; actorId: string; personId: string; version: number; patch: NetworkPersonPatch },
): Promise<NetworkPerson> {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const current = await findNetworkPerson(tx, input.clientId, input.personId)
    const { provenance, facilitatorId, ...fields } = input.patch
    const set: Partial<NetworkPerson> = { version: current.version + 1, updatedAt: now }
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(set, { [key]: value })
    if (provenance !== undefined) {
      set.provenance = provenance
      set.facilitatorId = provenance === 'client_accepted_worker' ? (facilitatorId ?? null) : current.facilitatorId
    } else if ((fields.name !== undefined && fields.name !== current.name) || (fields.note !== undefined && fields.note !== current.note)) {
      // The client rewrote the words: now they are the client's own, whoever suggested them first.
      set.provenance = 'client'
    }
    const [row] = await tx
      .update(networkPeople)
      .set(set)
      .where(and(eq(networkPeople.id, current.id), eq(networkPeople.version, input.version), isNull(networkPeople.deletedAt)))
      .returning()
    if (!row) conflict(current)
    await recordRevision(tx, row, 'update', input.actorId, now)
    return row
  })
}

/** Takes a person off the map. The history keeps them: a past map still shows them. */
export async function deleteNetworkPerson(deps: Deps, input: { clientId: string; actorId: string; personId: string; version: number }): Promise<void> {
  const now = deps.now()
  await deps.db.transaction(async (tx) => {
    const current = await findNetworkPerson(tx, input.clientId, input.personId)
    const [row] = await tx
      .update(networkPeople)
      .set({ deletedAt: now, version: current.version + 1, updatedAt: now })
      .where(and(eq(networkPeople.id, current.id), eq(networkPeople.version, input.version), isNull(networkPeople.deletedAt)))
      .returning()
    if (!row) conflict(current)
    await recordRevision(tx, row, 'delete', input.actorId, now)
  })
}
