import { and, asc, eq, lte } from 'drizzle-orm'
import { networkPersonRevisions } from '@kracht/db'
import type { Deps } from '../lib/env'
import { networkChanges, peopleAt, type NetworkChange, type PersonAt, type PersonRevision } from './network-timeline'

export interface NetworkHistory {
  at: string
  /** The map as it stood at `at`. */
  then: PersonAt[]
  /** The map now, drawn from the same history, so both sides compare like with like. */
  now: PersonAt[]
  /** From `at` to now, person by person. */
  changes: NetworkChange[]
  /** When the first person was put on the map (null: nobody yet); earlier days show an empty map. */
  since: string | null
}

/** The network map of a past day beside today's, and what changed in between ("who was close a year ago"). */
export async function networkHistory(deps: Deps, input: { clientId: string; at: Date }): Promise<NetworkHistory> {
  const now = deps.now()
  const rows = await deps.db
    .select()
    .from(networkPersonRevisions)
    .where(and(eq(networkPersonRevisions.clientId, input.clientId), lte(networkPersonRevisions.changedAt, now)))
    .orderBy(asc(networkPersonRevisions.changedAt))
  const revisions: PersonRevision[] = rows.map((row) => ({ ...row, support: [...row.support] }))
  const at = input.at > now ? now : input.at
  const then = peopleAt(revisions, at)
  const current = peopleAt(revisions, now)
  return { at: at.toISOString(), then, now: current, changes: networkChanges(then, current), since: rows[0]?.changedAt.toISOString() ?? null }
}
