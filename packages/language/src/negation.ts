// Finds "niet"-formulations. Whole normalised words only: a substring test would flag
// "geniet", "nieuwsgierig" or "knowledge", which are exactly the words clients use for strengths.

import type { Negation } from './types'
import { parsePattern, PatternSet } from './pattern'
import type { Token } from './tokenize'

export interface NegationData {
  words: string[]
  notNegation: string[]
  suffixes: string[]
}

export interface NegationRules {
  words: Set<string>
  exceptions: PatternSet<true>
  suffixes: string[]
}

export function compileNegation(d: NegationData): NegationRules {
  return {
    words: new Set(d.words),
    exceptions: new PatternSet(d.notNegation.map((p) => parsePattern(p, true as const))),
    suffixes: d.suffixes,
  }
}

export function findNegations(tokens: Token[], r: NegationRules): Negation[] {
  let excused: Set<number> | null = null
  const out: Negation[] = []
  let lastSrc = -1
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t === undefined || !(r.words.has(t.norm) || r.suffixes.some((x) => t.norm.endsWith(x)))) continue
    if (excused === null) {
      excused = new Set()
      for (const m of r.exceptions.matchAll(tokens)) for (const w of m.words) excused.add(w)
    }
    if (excused.has(i)) continue
    // "can't" becomes "can not": report the written word once.
    if (t.src === lastSrc) continue
    lastSrc = t.src
    out.push({ word: t.raw, start: t.start, end: t.end })
  }
  return out
}
