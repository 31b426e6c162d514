import { describe, expect, it } from 'vitest'
import { judge } from './measure'

// Being at a place of means now is asked about even where the classifier learned the words from
// look-alikes (a shelter called De Brug): rules marked `alwaysAsk` are never stood down by its veto.
describe('rules that always ask', () => {
  it.each(['ik sta op de brug', 'Ik sta nu op de brug.'])('asks about "%s"', (text) => {
    const verdict = judge({ id: 't', text, locale: 'nl', crisis: 'suicide' })
    expect(verdict.detected.combined).toBe(true)
    expect(verdict.level).not.toBeNull()
  })

  it('stays quiet about the shelter named De Brug', () => {
    expect(judge({ id: 't', text: 'ik sta bij De Brug in de rij voor eten', locale: 'nl', crisis: null }).detected.combined).toBe(false)
  })
})
