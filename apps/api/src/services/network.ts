import { and, asc, eq, isNull } from 'drizzle-orm'
import { networkPeople, type NetworkArea, type NetworkPerson, type NetworkProvenance, type NetworkSupportKind } from '@kracht/db'
import type { Deps } from '../lib/env'

export interface NewNetworkPerson {
  name: string
  area: NetworkArea
  ring: 1 | 2 | 3
  support: NetworkSupportKind[]
  note: string | null
  provenance: NetworkProvenance
  /** Together mode: who ran the flow beside the client. */
  facilitatorId: string | null
}

/** Puts a person on the client's network map (VIP card). The caller checked access and acceptance. */
export async function createNetworkPerson(deps: Deps, input: { clientId: string; person: NewNetworkPerson }): Promise<NetworkPerson> {
  const now = deps.now()
  const [row] = await deps.db
    .insert(networkPeople)
    .values({ clientId: input.clientId, ...input.person, createdAt: now, updatedAt: now })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return row
}

export async function listNetworkPeople(deps: Deps, clientId: string): Promise<NetworkPerson[]> {
  return deps.db
    .select()
    .from(networkPeople)
    .where(and(eq(networkPeople.clientId, clientId), isNull(networkPeople.deletedAt)))
    .orderBy(asc(networkPeople.createdAt))
}
