import { describe, expect, it } from 'vitest'
import { changesBetween, growth, statementsAt, type Revision } from './history'

const day = (n: number) => new Date(Date.UTC(2026, 2, n, 12))
const rev = (statementId: string, version: number, action: Revision['action'], text: string, at: Date, domain = 'work'): Revision => ({
  statementId,
  version,
  action,
  domain,
  time: 'present',
  form: 'i_can',
  text,
  provenance: 'client',
  changedAt: at,
})

const revisions: Revision[] = [
  rev('a', 1, 'create', 'Ik kan bakken', day(1)),
  rev('b', 1, 'create', 'Ik heb een zus', day(2), 'relationships'),
  rev('a', 2, 'update', 'Ik kan brood bakken', day(5)),
  rev('b', 2, 'delete', 'Ik heb een zus', day(6), 'relationships'),
  rev('c', 1, 'create', 'Ik wil wandelen', day(7), 'health'),
]

describe('statementsAt', () => {
  it('shows the newest version of each statement at that moment', () => {
    expect(statementsAt(revisions, day(3)).map((s) => s.text)).toEqual(['Ik kan bakken', 'Ik heb een zus'])
    expect(statementsAt(revisions, day(5)).map((s) => s.text)).toContain('Ik kan brood bakken')
  })

  it('leaves out removed statements, and shows nothing before the first change', () => {
    expect(statementsAt(revisions, day(6)).map((s) => s.id)).toEqual(['a'])
    expect(statementsAt(revisions, new Date(Date.UTC(2026, 1, 1)))).toEqual([])
  })
})

describe('changesBetween', () => {
  it('lists added, changed and removed statements between two moments', () => {
    const changes = changesBetween(revisions, day(3), day(8))
    expect(changes.map((c) => c.kind).sort()).toEqual(['added', 'changed', 'removed'])
    const changed = changes.find((c) => c.kind === 'changed')
    expect(changed && changed.kind === 'changed' ? [changed.before.text, changed.after.text] : []).toEqual(['Ik kan bakken', 'Ik kan brood bakken'])
  })

  it('is empty when nothing changed', () => {
    expect(changesBetween(revisions, day(8), day(9))).toEqual([])
  })
})

describe('growth', () => {
  it('counts statements per domain from the first change to now', () => {
    const points = growth(revisions, day(8), 4)
    expect(points).toHaveLength(4)
    expect(points[0]?.total).toBe(1)
    expect(points.at(-1)).toMatchObject({ total: 2, counts: { work: 1, health: 1 } })
  })

  it('is empty without revisions', () => {
    expect(growth([], day(8))).toEqual([])
  })
})
