// Labels and jargon that describe a person by a problem ("zorgmijder", "verslaafde"). The method
// asks for the client's own words, so we point them out and, where there is one, mention a
// friendlier word as an option; the client decides.

import type { DeficitTerm } from './types'
import { parsePattern, PatternSet } from './pattern'
import type { Token } from './tokenize'

export interface DeficitData {
  terms: { term: string; kind: string; patterns: string[]; alternative: string | null }[]
}

interface TermInfo {
  term: string
  kind: 'jargon' | 'label'
  alternative: string | null
}

export type DeficitRules = PatternSet<TermInfo>

export function compileDeficit(d: DeficitData): DeficitRules {
  return new PatternSet(
    d.terms.flatMap((t) => {
      const info: TermInfo = { term: t.term, kind: t.kind === 'jargon' ? 'jargon' : 'label', alternative: t.alternative }
      return t.patterns.map((p) => parsePattern(p, info))
    }),
  )
}

export function findDeficitTerms(tokens: Token[], rules: DeficitRules): DeficitTerm[] {
  const out: DeficitTerm[] = []
  const taken = new Set<number>()
  for (const m of rules.matchAll(tokens)) {
    if (m.words.some((w) => taken.has(w))) continue
    for (const w of m.words) taken.add(w)
    const first = tokens[m.first]
    const last = tokens[m.last]
    if (!first || !last) continue
    const { term, kind, alternative } = m.pattern.value
    out.push({ term, alternative, kind, start: first.start, end: last.end })
  }
  return out
}
