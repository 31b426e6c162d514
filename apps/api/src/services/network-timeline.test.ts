import { describe, expect, it } from 'vitest'
import { networkChanges, peopleAt, type PersonRevision } from './network-timeline'

const day = (n: number) => new Date(Date.UTC(2026, 0, n))
const rev = (personId: string, version: number, action: PersonRevision['action'], at: number, extra: Partial<PersonRevision> = {}): PersonRevision => ({
  personId,
  version,
  action,
  name: personId,
  area: 'family',
  ring: 1,
  support: [],
  note: null,
  period: 'now',
  changedAt: day(at),
  ...extra,
})

const revisions = [
  rev('oma', 1, 'create', 1),
  rev('oma', 2, 'update', 10, { ring: 3 }),
  rev('jan', 1, 'create', 2, { area: 'friends', ring: 2 }),
  rev('jan', 2, 'delete', 5, { area: 'friends', ring: 2 }),
  rev('noor', 1, 'create', 8, { area: 'professionals', ring: 3 }),
  rev('noor', 2, 'update', 12, { area: 'professionals', ring: 2 }),
]

describe('peopleAt', () => {
  it('draws the map of a past day: newest revision of each person, removals left out', () => {
    expect(peopleAt(revisions, day(3)).map((p) => [p.id, p.ring])).toEqual([
      ['oma', 1],
      ['jan', 2],
    ])
    expect(peopleAt(revisions, day(9)).map((p) => p.id)).toEqual(['oma', 'noor'])
    expect(peopleAt(revisions, day(0))).toEqual([])
  })

  it('takes a revision at the very moment as standing', () => {
    expect(peopleAt(revisions, day(5)).map((p) => p.id)).toEqual(['oma'])
  })
})

describe('networkChanges', () => {
  it('names who came, who left, who came closer and who moved further away', () => {
    const changes = networkChanges(peopleAt(revisions, day(3)), peopleAt(revisions, day(20)))
    const byKind = Object.fromEntries(changes.map((c) => [c.kind, 'person' in c ? c.person.id : c.after.id]))
    expect(byKind).toEqual({ added: 'noor', removed: 'jan', further: 'oma' })
    const closer = networkChanges(peopleAt(revisions, day(9)), peopleAt(revisions, day(12)))
    expect(closer).toHaveLength(2)
    expect(closer).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'closer', after: expect.objectContaining({ id: 'noor', ring: 2 }) }), expect.objectContaining({ kind: 'further' })]))
  })

  it('sees nothing between two identical maps', () => {
    expect(networkChanges(peopleAt(revisions, day(20)), peopleAt(revisions, day(21)))).toEqual([])
  })
})
