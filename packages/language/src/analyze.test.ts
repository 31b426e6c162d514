import { describe, expect, it } from 'vitest'
import { analyze } from './index'
import type { Locale } from './types'

describe('analyze', () => {
  it('uses Dutch by default and returns the whole contract', () => {
    const a = analyze('Ik kan goed koken')
    expect(a).toEqual({
      locale: 'nl',
      person: 'first',
      negative: false,
      negations: [],
      form: 'i_can',
      domains: expect.any(Array),
      crisis: { detected: false, kind: null, level: null, kinds: [] },
      deficitTerms: [],
      suggestions: [],
      wordCount: 4,
    })
  })

  it('falls back to Dutch on an unknown locale', () => {
    expect(analyze('ik ben sterk', { locale: 'fr' as Locale }).locale).toBe('nl')
  })

  it('treats input that is not a string from a JavaScript caller as empty text', () => {
    for (const bad of [null, undefined, 42, {}, ['ik wil dood']]) {
      const a = analyze(bad as unknown as string)
      expect(a.wordCount).toBe(0)
      expect(a.crisis.detected).toBe(false)
      expect(a.suggestions).toEqual([])
    }
  })

  it('counts written words, not normalised ones', () => {
    expect(analyze('kben blij').wordCount).toBe(2)
    expect(analyze("I'm happy", { locale: 'en' }).wordCount).toBe(2)
  })

  it('screens the whole of a very long text for a crisis', () => {
    const long = 'ik kook graag voor mijn kinderen. '.repeat(400) + 'ik wil dood'
    expect(long.length).toBeGreaterThan(10_000)
    expect(analyze(long).crisis.kind).toBe('suicide')
  })

  it('is pure: the same input gives the same output', () => {
    const text = 'ik wil geen schulden meer en een eigen huis'
    expect(analyze(text)).toEqual(analyze(text))
  })

  it('reads a long run-on sentence in chat spelling', () => {
    const a = analyze(
      'k woon nu in mn eigen osso en egt ik hou het heeeel schoon en ik kook elke dag voor mn kids en ff boodschappen doen en dan naar de bieb 😊😊',
    )
    expect(a.person).toBe('first')
    expect(a.negative).toBe(false)
    expect(a.domains[0]?.id).toBe('housing')
    expect(a.crisis.detected).toBe(false)
  })
})
