import { describe, expect, it } from 'vitest'
import { lexicon } from './lexicon'
import { parsePattern, PatternSet } from './pattern'
import { tokenize } from './tokenize'

function matches(pattern: string, text: string): boolean {
  const set = new PatternSet([parsePattern(pattern, true)])
  return set.matchAll(tokenize(text, lexicon('nl').normaliser)).length > 0
}

describe('pattern language', () => {
  it('matches words exactly, by start, by end and inside', () => {
    expect(matches('huis', 'mijn huis')).toBe(true)
    expect(matches('huis', 'mijn huisje')).toBe(false)
    expect(matches('huis*', 'mijn huisje')).toBe(true)
    expect(matches('*schuld', 'een huurschuld')).toBe(true)
    expect(matches('*schuld*', 'de schuldhulpverlening')).toBe(true)
    expect(matches('*schuld*', 'onschuldig')).toBe(true)
    expect(matches('*schuld', 'schuldig')).toBe(false)
  })

  it('supports alternatives, optional words, wildcards and gaps', () => {
    expect(matches('wil|wou dood', 'ik wou dood')).toBe(true)
    expect(matches('ik (wil) dood', 'ik dood')).toBe(true)
    expect(matches('ik ? dood', 'ik wil dood')).toBe(true)
    expect(matches('ik ? dood', 'ik dood')).toBe(false)
    expect(matches('wil .. dood', 'ik wil echt heel graag dood')).toBe(true)
    expect(matches('wil .. dood', 'ik wil echt heel erg graag dood')).toBe(false)
    expect(matches('wil ... dood', 'ik wil echt heel erg graag dood')).toBe(true)
  })

  it('supports groups of word sequences, with / inside a position', () => {
    expect(matches('{al mijn|alle} pillen', 'ik neem al mijn pillen')).toBe(true)
    expect(matches('{al mijn|alle} pillen', 'ik neem alle pillen')).toBe(true)
    expect(matches('{al mijn|alle} pillen', 'ik neem mijn pillen')).toBe(false)
    expect(matches('in {mijn/mn arm/armen|mezelf}', 'snijden in mn armen')).toBe(true)
    expect(matches('ga {graag|} zwemmen', 'ik ga zwemmen')).toBe(true)
  })

  it('anchors to the end and start of a sentence', () => {
    expect(matches('ik wil niet meer $', 'ik wil niet meer')).toBe(true)
    expect(matches('ik wil niet meer $', 'ik wil niet meer. Echt.')).toBe(true)
    expect(matches('ik wil niet meer $', 'ik wil niet meer roken')).toBe(false)
    expect(matches('^ later', 'ooit, later')).toBe(false)
    expect(matches('^ later', 'Later wil ik')).toBe(true)
  })

  it('never matches across a sentence break', () => {
    expect(matches('wil .. dood', 'ik wil. dood')).toBe(false)
    expect(matches('wil .. dood', 'ik wil, dood')).toBe(true)
  })
})
