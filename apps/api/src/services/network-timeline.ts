/**
 * The network map over time, as pure functions over revisions (no database, no clock): the map of
 * a past day, and what changed between two days in the words a client uses ("came closer").
 */

export interface PersonRevision {
  personId: string
  version: number
  action: 'create' | 'update' | 'delete'
  name: string
  area: string
  ring: number
  support: string[]
  note: string | null
  period: string
  changedAt: Date
}

export interface PersonAt {
  id: string
  version: number
  name: string
  area: string
  ring: number
  support: string[]
  note: string | null
  period: string
}

/** The people as they stood at a moment: the newest revision of each, unless it was a removal. */
export function peopleAt(revisions: readonly PersonRevision[], at: Date): PersonAt[] {
  const latest = new Map<string, PersonRevision>()
  for (const revision of revisions) {
    if (revision.changedAt > at) continue
    const current = latest.get(revision.personId)
    if (!current || revision.version > current.version) latest.set(revision.personId, revision)
  }
  return [...latest.values()]
    .filter((revision) => revision.action !== 'delete')
    .map((r) => ({ id: r.personId, version: r.version, name: r.name, area: r.area, ring: r.ring, support: r.support, note: r.note, period: r.period }))
    .sort((a, b) => a.ring - b.ring || a.name.localeCompare(b.name))
}

export type NetworkChange =
  | { kind: 'added'; person: PersonAt }
  | { kind: 'removed'; person: PersonAt }
  | { kind: 'closer' | 'further' | 'moved' | 'changed'; before: PersonAt; after: PersonAt }

/**
 * What changed between two maps, person by person. Ring 1 is closest, so a lower ring is "closer";
 * another area at the same ring is "moved"; other changes (name, help, now or past) are "changed".
 */
export function networkChanges(before: readonly PersonAt[], after: readonly PersonAt[]): NetworkChange[] {
  const then = new Map(before.map((p) => [p.id, p]))
  const now = new Map(after.map((p) => [p.id, p]))
  const changes: NetworkChange[] = []
  for (const person of after) {
    const old = then.get(person.id)
    if (!old) changes.push({ kind: 'added', person })
    else if (old.ring !== person.ring) changes.push({ kind: person.ring < old.ring ? 'closer' : 'further', before: old, after: person })
    else if (old.area !== person.area) changes.push({ kind: 'moved', before: old, after: person })
    else if (old.name !== person.name || old.period !== person.period || old.note !== person.note || old.support.join() !== person.support.join()) {
      changes.push({ kind: 'changed', before: old, after: person })
    }
  }
  for (const person of before) if (!now.has(person.id)) changes.push({ kind: 'removed', person })
  return changes
}
