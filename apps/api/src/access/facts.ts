// The facts the consent rules decide on, read in one round trip: the people (the client and the
// actor), the client's linked workers and the client's consents. Three queries before (issue 19):
// on the embedded database each query costs more than the little work it does, so one query with
// two subqueries (each run once) is the cheaper shape on both engines.
import { inArray, sql } from 'drizzle-orm'
import { clientWorkers, consents, users, type Role } from '@kracht/db'
import type { Deps } from '../lib/env'
import { epochMs, fromJson } from '../lib/sql-json'
import type { ConsentGrant } from './rules'

export interface AccessFacts {
  people: { id: string; role: Role; organisationId: string; teamId: string | null; displayName: string }[]
  workerIds: string[]
  grants: ConsentGrant[]
}

/** A consent as the query hands it over: its times as milliseconds since 1970 (exact to the ms, like a Date). */
interface GrantRow extends Omit<ConsentGrant, 'endsAt' | 'revokedAt'> {
  endsAt: number | null
  revokedAt: number | null
}


export async function readAccessFacts(deps: Deps, clientId: string, ids: string[]): Promise<AccessFacts> {
  // Uncorrelated subqueries: PostgreSQL runs each once, whatever the number of people rows.
  const workerIds = sql`(select coalesce(json_agg(${clientWorkers.workerId}), '[]'::json) from ${clientWorkers} where ${clientWorkers.clientId} = ${clientId})`
  const grants = sql`(select coalesce(json_agg(json_build_object(
      'id', ${consents.id}, 'granteeId', ${consents.granteeId}, 'teamId', ${consents.teamId}, 'memberIds', ${consents.memberIds},
      'scopes', ${consents.scopes}, 'excludeDomains', ${consents.excludeDomains}, 'access', ${consents.access},
      'endsAt', ${epochMs(consents.endsAt)}, 'revokedAt', ${epochMs(consents.revokedAt)})), '[]'::json)
    from ${consents} where ${consents.clientId} = ${clientId})`
  const rows = await deps.db
    .select({
      id: users.id,
      role: users.role,
      organisationId: users.organisationId,
      teamId: users.teamId,
      displayName: users.displayName,
      workerIds: workerIds.mapWith((value: unknown) => fromJson<string[]>(value)),
      grants: grants.mapWith((value: unknown) => fromJson<GrantRow[]>(value)),
    })
    .from(users)
    .where(inArray(users.id, ids))
  const first = rows[0]
  return {
    people: rows.map(({ id, role, organisationId, teamId, displayName }) => ({ id, role, organisationId, teamId, displayName })),
    // No people row (no such client and no such actor): nothing to decide on, and nothing is shared.
    workerIds: first?.workerIds ?? [],
    grants: (first?.grants ?? []).map((grant) => ({
      ...grant,
      endsAt: grant.endsAt === null ? null : new Date(grant.endsAt),
      revokedAt: grant.revokedAt === null ? null : new Date(grant.revokedAt),
    })),
  }
}

/**
 * The facts about a client as the actor (`ids`: the client, then the actor) sees them, read once
 * per page read when `facts` is the page read's map (InternalCall.accessFacts): the gate of each of
 * its API calls and the page's own list of shares (services/shared-with-me.ts) use the one read.
 */
export function accessFactsOnce(deps: Deps, clientId: string, ids: string[], facts?: Map<string, Promise<unknown>>): Promise<AccessFacts> {
  const key = ids.join(':')
  const known = facts?.get(key) as Promise<AccessFacts> | undefined
  if (known) return known
  const read = readAccessFacts(deps, clientId, ids)
  facts?.set(key, read)
  return read
}
