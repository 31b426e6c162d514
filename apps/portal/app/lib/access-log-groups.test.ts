import { describe, expect, it } from 'vitest'
import { dayWord, groupLogEntries } from './access-log-groups'

describe('grouping the access log', () => {
  const at = (iso: string, who: string) => ({ at: iso, who })
  it('merges neighbours that say the same on the same day, never across days or other lines', () => {
    const entries = [at('2026-11-30T10:00:00Z', 'noor'), at('2026-11-30T09:00:00Z', 'noor'), at('2026-11-30T08:00:00Z', 'eva'), at('2026-11-30T07:00:00Z', 'noor'), at('2026-11-29T10:00:00Z', 'noor')]
    const groups = groupLogEntries(entries, (e) => `${e.who} bekeek`)
    expect(groups.map((g) => [g.first.who, g.count, g.day])).toEqual([
      ['noor', 2, '2026-11-30'],
      ['eva', 1, '2026-11-30'],
      ['noor', 1, '2026-11-30'],
      ['noor', 1, '2026-11-29'],
    ])
  })
  it('says today and yesterday in Amsterdam time', () => {
    const now = new Date('2026-11-30T23:30:00Z') // already 1 December in Amsterdam
    expect(dayWord('2026-12-01', now)).toBe('today')
    expect(dayWord('2026-11-30', now)).toBe('yesterday')
    expect(dayWord('2026-11-20', now)).toBe('other')
  })
})
