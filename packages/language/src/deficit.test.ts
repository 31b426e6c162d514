import { describe, expect, it } from 'vitest'
import { analyze } from './analyze'
import nlTerms from '../data/nl/deficit-terms.json'
import enTerms from '../data/en/deficit-terms.json'

describe('deficit terms', () => {
  it.each([
    ['De cliënt is een zorgmijder', 'zorgmijder', true],
    ['hij is een verslaafde', 'verslaafde', true],
    ['meneer is agressief', 'agressief', true],
    ['ongemotiveerde jongere', 'ongemotiveerd', true],
    ['ze komen uit een probleemgezin', 'probleemgezin', true],
    ['ik ben gewoon lui', 'lui', true],
    ['hij is manipulatief', 'manipulatief', false],
  ])('%s -> %s', (text, term, hasAlternative) => {
    const d = analyze(text).deficitTerms
    expect(d.map((x) => x.term)).toContain(term)
    const hit = d.find((x) => x.term === term)
    expect(hit?.alternative !== null).toBe(hasAlternative)
    expect(hit && text.slice(hit.start, hit.end).length).toBeGreaterThan(0)
  })

  it('finds English labels', () => {
    expect(analyze('he is an addict and non-compliant', { locale: 'en' }).deficitTerms.map((d) => d.term)).toEqual(['addict', 'care avoider'])
    expect(analyze('they are a problem family', { locale: 'en' }).deficitTerms[0]?.alternative).toBe('family')
  })

  it('leaves plain words alone', () => {
    expect(analyze('het is lastig maar ik zet door').deficitTerms).toEqual([])
    expect(analyze('ik ben gestopt met drinken').deficitTerms).toEqual([])
  })

  it('every friendlier word is one the analysis itself finds nothing wrong with: no label, no "niet" or "geen"', () => {
    for (const [locale, data] of [['nl', nlTerms], ['en', enTerms]] as const) {
      for (const { term, alternative } of data.terms) {
        if (alternative === null) continue
        const found = analyze(alternative, { locale })
        expect({ term, alternative, labels: found.deficitTerms, negations: found.negations }).toEqual({ term, alternative, labels: [], negations: [] })
      }
    }
  })
})
