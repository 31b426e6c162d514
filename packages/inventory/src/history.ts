/** A revision as the history functions need it (the database row has more). */
export interface Revision {
  statementId: string
  version: number
  action: 'create' | 'update' | 'delete'
  domain: string
  time: 'past' | 'present' | 'future'
  form: string | null
  text: string
  provenance: string
  changedAt: Date
}

export interface StatementAt {
  id: string
  version: number
  domain: string
  time: 'past' | 'present' | 'future'
  form: string | null
  text: string
  provenance: string
  changedAt: Date
}

/** The statements as they stood at a moment: the newest revision of each, unless it was a removal. */
export function statementsAt(revisions: readonly Revision[], at: Date): StatementAt[] {
  const latest = new Map<string, Revision>()
  for (const revision of revisions) {
    if (revision.changedAt > at) continue
    const current = latest.get(revision.statementId)
    if (!current || revision.version > current.version) latest.set(revision.statementId, revision)
  }
  return [...latest.values()]
    .filter((revision) => revision.action !== 'delete')
    .map((r) => ({ id: r.statementId, version: r.version, domain: r.domain, time: r.time, form: r.form, text: r.text, provenance: r.provenance, changedAt: r.changedAt }))
    .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime())
}

export type Change =
  | { kind: 'added'; statement: StatementAt }
  | { kind: 'removed'; statement: StatementAt }
  | { kind: 'changed'; before: StatementAt; after: StatementAt }

/** What changed between two moments, comparing the two pictures (not every keystroke in between). */
export function changesBetween(revisions: readonly Revision[], from: Date, to: Date): Change[] {
  const before = new Map(statementsAt(revisions, from).map((s) => [s.id, s]))
  const after = new Map(statementsAt(revisions, to).map((s) => [s.id, s]))
  const changes: Change[] = []
  for (const [id, now] of after) {
    const then = before.get(id)
    if (!then) changes.push({ kind: 'added', statement: now })
    else if (then.version !== now.version && (then.text !== now.text || then.domain !== now.domain || then.time !== now.time || then.form !== now.form)) {
      changes.push({ kind: 'changed', before: then, after: now })
    }
  }
  for (const [id, then] of before) if (!after.has(id)) changes.push({ kind: 'removed', statement: then })
  return changes
}

export interface GrowthPoint {
  at: string
  /** Statements per domain at that moment. */
  counts: Record<string, number>
  total: number
}

/**
 * Statements per domain over time: one point per step from the first change to now, at most
 * `points` of them, so the picture stays readable on a phone.
 */
export function growth(revisions: readonly Revision[], now: Date, points = 8): GrowthPoint[] {
  if (revisions.length === 0) return []
  const first = Math.min(...revisions.map((r) => r.changedAt.getTime()))
  const span = Math.max(now.getTime() - first, 1)
  const steps = Math.max(1, points - 1)
  const result: GrowthPoint[] = []
  for (let i = 0; i <= steps; i++) {
    const at = new Date(first + (span * i) / steps)
    const counts: Record<string, number> = {}
    const standing = statementsAt(revisions, at)
    for (const statement of standing) counts[statement.domain] = (counts[statement.domain] ?? 0) + 1
    result.push({ at: at.toISOString(), counts, total: standing.length })
  }
  return result
}
