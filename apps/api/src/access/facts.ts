// The facts the consent rules decide on, read in one round trip: the people (the client and the
// actor), the client's linked workers and the client's consents. Three queries before (issue 19):
// on the embedded database each query costs more than the little work it does, so one query with
// two subqueries (each run once) is the cheaper shape on both engines.
import { sql, type Placeholder, type SQL } from 'drizzle-orm'
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

/** The people rows as the query hands them over. */
type PersonRow = AccessFacts['people'][number]

/**
 * The facts as three JSON columns of one row, each an uncorrelated subquery PostgreSQL runs once:
 * the people (the client and `actorId`, a value or a column of the outer query), the client's linked
 * workers, the client's consents (`onlyIf` false: all three empty, nothing read). Read on their own (readAccessFacts) or beside the session lookup
 * of a request about this client (auth/sessions.ts), which saves that request a round trip.
 */
export function accessFactsColumns(clientId: string | Placeholder, actorId: SQL | string, onlyIf: SQL = sql`true`) {
  return {
    people: sql`(select coalesce(json_agg(json_build_object(
        'id', ${users.id}, 'role', ${users.role}, 'organisationId', ${users.organisationId}, 'teamId', ${users.teamId},
        'displayName', ${users.displayName})), '[]'::json)
      from ${users} where ${users.id} in (${clientId}, ${actorId}) and ${onlyIf})`.mapWith((value: unknown) => fromJson<PersonRow[]>(value)),
    workerIds: sql`(select coalesce(json_agg(${clientWorkers.workerId}), '[]'::json) from ${clientWorkers} where ${clientWorkers.clientId} = ${clientId} and ${onlyIf})`.mapWith(
      (value: unknown) => fromJson<string[]>(value),
    ),
    grants: sql`(select coalesce(json_agg(json_build_object(
        'id', ${consents.id}, 'granteeId', ${consents.granteeId}, 'teamId', ${consents.teamId}, 'memberIds', ${consents.memberIds},
        'scopes', ${consents.scopes}, 'excludeDomains', ${consents.excludeDomains}, 'access', ${consents.access},
        'endsAt', ${epochMs(consents.endsAt)}, 'revokedAt', ${epochMs(consents.revokedAt)})), '[]'::json)
      from ${consents} where ${consents.clientId} = ${clientId} and ${onlyIf})`.mapWith((value: unknown) => fromJson<GrantRow[]>(value)),
  }
}

/** accessFactsColumns' three values as read. */
export interface AccessFactsRow {
  people: PersonRow[]
  workerIds: string[]
  grants: GrantRow[]
}

/** The facts from accessFactsColumns' three values. */
export function accessFactsFrom(row: AccessFactsRow): AccessFacts {
  return {
    // People in the order asked for does not matter: the gate finds each by id.
    people: row.people,
    workerIds: row.workerIds,
    grants: row.grants.map((grant) => ({
      ...grant,
      endsAt: grant.endsAt === null ? null : new Date(grant.endsAt),
      revokedAt: grant.revokedAt === null ? null : new Date(grant.revokedAt),
    })),
  }
}

/** `ids`: the client, then the actor when there is one. */
export async function readAccessFacts(deps: Deps, clientId: string, ids: string[]): Promise<AccessFacts> {
  const [row] = await deps.db.select(accessFactsColumns(clientId, ids[1] ?? clientId)).from(sql`(select 1) as one`)
  return accessFactsFrom(row ?? { people: [], workerIds: [], grants: [] })
}

/** The key of a client's facts as one actor sees them, in a request's or page read's map. */
export const accessFactsKey = (ids: string[]): string => ids.join(':')

/**
 * The facts about a client as the actor (`ids`: the client, then the actor) sees them, read once
 * per page read when `facts` is the page read's map (InternalCall.accessFacts): the gate of each of
 * its API calls and the page's own list of shares (services/shared-with-me.ts) use the one read.
 */
export function accessFactsOnce(deps: Deps, clientId: string, ids: string[], facts?: Map<string, Promise<unknown>>): Promise<AccessFacts> {
  const key = accessFactsKey(ids)
  const known = facts?.get(key) as Promise<AccessFacts> | undefined
  if (known) return known
  const read = readAccessFacts(deps, clientId, ids)
  facts?.set(key, read)
  return read
}
