// Which form of strength (ik ben / kan / heb / wil / weet) a statement uses. We read it from a
// subject and its finite verb rather than from the first words, because clients write
// "Vroeger kon ik ...", "Later wil ik ...", "Ik denk dat ik goed kan ..." or drop the "ik" in chat.

import type { StrengthForm } from './types'
import { parsePattern, PatternSet, type Pattern } from './pattern'
import { BREAK_NONE, BREAK_SENTENCE, type Token } from './tokenize'

interface FormRule {
  pattern: string
  form: StrengthForm | null
}

export interface FormData {
  firstSubjects: string[]
  otherSubjects: string[]
  verbs: Record<StrengthForm, string[]>
  refine: FormRule[]
  transparent: string[]
  subordinators: string[]
  starters: FormRule[]
  adverbsBetween: string[]
}

export interface FormRules {
  firstSubjects: Set<string>
  otherSubjects: Set<string>
  verbForm: Map<string, StrengthForm>
  refine: Pattern<StrengthForm | null>[]
  transparent: Set<string>
  subordinators: Set<string>
  starters: PatternSet<StrengthForm | null>
  adverbsBetween: Set<string>
}

export function compileForms(d: FormData): FormRules {
  const verbForm = new Map<string, StrengthForm>()
  for (const [form, verbs] of Object.entries(d.verbs) as [StrengthForm, string[]][]) {
    for (const v of verbs) if (!verbForm.has(v)) verbForm.set(v, form)
  }
  return {
    firstSubjects: new Set(d.firstSubjects),
    otherSubjects: new Set(d.otherSubjects),
    verbForm,
    refine: d.refine.map((r) => parsePattern(r.pattern, r.form)),
    transparent: new Set(d.transparent),
    subordinators: new Set(d.subordinators),
    starters: new PatternSet(d.starters.map((r) => parsePattern(r.pattern, r.form))),
    adverbsBetween: new Set(d.adverbsBetween),
  }
}

/** Matches a refine pattern that starts at the verb, within the verb's sentence. */
function refineAt(tokens: Token[], verb: number, r: FormRules): { hit: boolean; form: StrengthForm | null } {
  let end = verb + 1
  while (end < tokens.length && tokens[end]?.brk !== BREAK_SENTENCE) end++
  const slice = tokens.slice(verb, end)
  for (const p of r.refine) {
    const set = new PatternSet([p])
    const ms = set.matchAll(slice)
    if (ms.some((m) => m.first === 0)) return { hit: true, form: p.value }
  }
  return { hit: false, form: null }
}

type Verdict = StrengthForm | null | 'transparent'

function verdictForVerb(tokens: Token[], j: number, r: FormRules): Verdict | undefined {
  const v = tokens[j]?.norm
  if (v === undefined) return undefined
  const base = r.verbForm.get(v)
  if (base !== undefined) {
    const refined = refineAt(tokens, j, r)
    return refined.hit ? refined.form : base
  }
  if (r.transparent.has(v)) return 'transparent'
  return undefined
}

function sameSentence(tokens: Token[], from: number, to: number): boolean {
  for (let k = from + 1; k <= to; k++) if (tokens[k]?.brk === BREAK_SENTENCE) return false
  return true
}

/** The verb that belongs to the subject at i, or -1. */
function verbOfSubject(tokens: Token[], i: number, r: FormRules): number {
  // Subject then verb, possibly with adverbs between (English "I really want").
  let j = i + 1
  while (j < tokens.length && r.adverbsBetween.has(tokens[j]?.norm ?? '') && tokens[j]?.brk === BREAK_NONE) j++
  const next = tokens[j]
  if (next && next.brk !== BREAK_SENTENCE && (r.verbForm.has(next.norm) || r.transparent.has(next.norm))) return j
  // Inversion: "Vroeger kon ik", "Nu heb ik".
  const prev = tokens[i - 1]
  const cur = tokens[i]
  if (prev && cur && cur.brk === BREAK_NONE && r.verbForm.has(prev.norm)) return i - 1
  // Subordinate clause: the verb comes later ("omdat ik heel goed kan koken").
  const p1 = tokens[i - 1]?.norm
  const p2 = tokens[i - 2]?.norm
  if ((p1 && r.subordinators.has(p1)) || (p2 && r.subordinators.has(p2))) {
    for (let k = i + 1; k < tokens.length && k <= i + 7; k++) {
      const t = tokens[k]
      if (!t || t.brk !== BREAK_NONE) break
      if (r.firstSubjects.has(t.norm) || r.otherSubjects.has(t.norm)) break
      if (r.verbForm.has(t.norm)) return k
    }
  }
  return -1
}

interface Candidate {
  pos: number
  first: boolean
  verdict: Verdict
}

export function detectForm(tokens: Token[], r: FormRules): StrengthForm | null {
  const cands: Candidate[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (!t) continue
    const first = r.firstSubjects.has(t.norm)
    if (first || r.otherSubjects.has(t.norm)) {
      const j = verbOfSubject(tokens, i, r)
      if (j >= 0) {
        const v = verdictForVerb(tokens, j, r)
        if (v !== undefined) cands.push({ pos: Math.min(i, j), first, verdict: v })
      }
      continue
    }
    // Chat drops the subject: "kan goed luisteren", "wil graag een huis".
    if ((i === 0 || t.brk === BREAK_SENTENCE) && r.verbForm.has(t.norm)) {
      const nxt = tokens[i + 1]
      const inverted = nxt && sameSentence(tokens, i, i + 1) && (r.firstSubjects.has(nxt.norm) || r.otherSubjects.has(nxt.norm))
      if (!inverted) {
        const v = verdictForVerb(tokens, i, r)
        if (v !== undefined) cands.push({ pos: i, first: true, verdict: v })
      }
    }
  }
  for (const m of r.starters.matchAll(tokens)) cands.push({ pos: m.first, first: true, verdict: m.pattern.value })
  cands.sort((a, b) => a.pos - b.pos)
  for (const wantFirst of [true, false]) {
    for (const c of cands) {
      if (c.first !== wantFirst) continue
      if (c.verdict === 'transparent' || c.verdict === null) continue
      return c.verdict
    }
  }
  return null
}
