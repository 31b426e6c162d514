// Who is the statement about? The method asks for the ik-vorm; a worker writing "mevrouw kan
// goed koken" or a client writing "je moet positief blijven" both get a gentle nudge.

import type { Person } from './types'
import { BREAK_SENTENCE, type Token } from './tokenize'

export interface PersonData {
  first: string[]
  other: string[]
  strongOther: string[]
  zijnPossessiveAfter: string[]
  zijnVerbNext: string[]
  haarHairNext: string[]
  haarHairPrev: string[]
  articles: string[]
  articleNouns: string[]
  nameVerbs: string[]
  notNames: string[]
}

export interface PersonRules {
  first: Set<string>
  other: Set<string>
  strongOther: Set<string>
  zijnPossessiveAfter: Set<string>
  zijnVerbNext: Set<string>
  haarHairNext: Set<string>
  haarHairPrev: Set<string>
  articles: Set<string>
  articleNouns: Set<string>
  nameVerbs: Set<string>
  notNames: Set<string>
  /** Words we know, so that an unknown capitalised word can be taken as a name. */
  known: Set<string>
  /** Also a word we know: set once the domain vocabulary is compiled. */
  isWord: (w: string) => boolean
}

export function compilePerson(d: PersonData, known: Set<string>): PersonRules {
  return {
    articles: new Set(d.articles),
    articleNouns: new Set(d.articleNouns),
    nameVerbs: new Set(d.nameVerbs),
    notNames: new Set(d.notNames),
    known,
    isWord: () => false,
    first: new Set(d.first),
    other: new Set(d.other),
    strongOther: new Set(d.strongOther),
    zijnPossessiveAfter: new Set(d.zijnPossessiveAfter),
    zijnVerbNext: new Set(d.zijnVerbNext),
    haarHairNext: new Set(d.haarHairNext),
    haarHairPrev: new Set(d.haarHairPrev),
  }
}

function isSentenceStart(tokens: Token[], i: number): boolean {
  return i === 0 || tokens[i]?.brk === BREAK_SENTENCE
}

/** "zijn" as "his" rather than the verb "to be". */
export function isPossessiveZijn(tokens: Token[], i: number, r: PersonRules): boolean {
  const prev = i > 0 && !isSentenceStart(tokens, i) ? tokens[i - 1]?.norm : undefined
  const next = tokens[i + 1]
  if (prev !== undefined) return r.zijnPossessiveAfter.has(prev)
  // At the start of a sentence: "Zijn moeder ..." is "his", "Zijn er ..." is the verb.
  if (next === undefined || next.brk === BREAK_SENTENCE) return false
  return !r.zijnVerbNext.has(next.norm) && !r.first.has(next.norm)
}

function isPronounHaar(tokens: Token[], i: number, r: PersonRules): boolean {
  const next = tokens[i + 1]
  const prev = i > 0 && !isSentenceStart(tokens, i) ? tokens[i - 1] : undefined
  if (next && next.brk !== BREAK_SENTENCE && r.haarHairNext.has(next.norm)) return false
  if (prev && r.haarHairPrev.has(prev.norm)) return false
  return true
}

export function detectPerson(tokens: Token[], r: PersonRules): Person {
  let sawFirst = false
  let sawOther = false
  let strongBeforeFirst = false
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t === undefined) continue
    const w = t.norm
    if (r.first.has(w)) {
      sawFirst = true
      continue
    }
    if (r.strongOther.has(w)) {
      if (!sawFirst) strongBeforeFirst = true
      sawOther = true
      continue
    }
    if (w === 'zijn' && r.zijnVerbNext.size > 0) {
      if (isPossessiveZijn(tokens, i, r)) sawOther = true
      continue
    }
    if (w === 'haar' && r.haarHairNext.size > 0) {
      if (isPronounHaar(tokens, i, r)) sawOther = true
      continue
    }
    if (r.other.has(w)) sawOther = true
  }
  if (strongBeforeFirst) return 'other'
  if (sawFirst) return 'first'
  if (sawOther) return 'other'
  if (opensWithSomeoneElse(tokens, r)) return 'other'
  return 'none'
}

/** "de jongen heeft talent", "Fatima werkt in de zorg": a third person without a pronoun. */
function opensWithSomeoneElse(tokens: Token[], r: PersonRules): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (!t || !isSentenceStart(tokens, i)) continue
    const next = tokens[i + 1]
    if (r.articles.has(t.norm) && next && next.brk === 0 && r.articleNouns.has(next.norm)) {
      const verb = tokens[i + 2]
      if (verb && verb.brk === 0 && r.nameVerbs.has(verb.norm)) return true
    }
    const first = t.raw.charAt(0)
    const capitalised = first !== first.toLowerCase() && first === first.toUpperCase()
    if (capitalised && next && next.brk === 0 && r.nameVerbs.has(next.norm) && !r.notNames.has(t.norm) && !r.known.has(t.norm) && !r.isWord(t.norm)) return true
  }
  return false
}
