// Which form of strength (ik ben / kan / heb / wil / weet) a statement uses. We read it from a
// subject and its finite verb rather than from the first words, because clients write
// "Vroeger kon ik ...", "Later wil ik ...", "Ik denk dat ik goed kan ..." or "en weet ..." after
// an ik-clause. The rules follow eval/README.md: the first form verb the writer uses about
// themselves; for a statement about someone else, that person's first form verb.

import type { Person, StrengthForm } from './types'
import { matchPatternAt, parsePattern, PatternSet, type Pattern } from './pattern'
import { isPossessiveZijn, type PersonRules } from './person'
import { BREAK_NONE, BREAK_SENTENCE, type Token } from './tokenize'

interface FormRule {
  pattern: string
  form: StrengthForm | null
  /** Also gives a form to a fragment without a person ("goed in koken"). */
  fragments?: boolean
}

export interface FormData {
  firstSubjects: string[]
  otherSubjects: string[]
  pluralSubjects: string[]
  verbs: Record<StrengthForm, string[]>
  infinitives: string[]
  refine: FormRule[]
  transparent: string[]
  subordinators: string[]
  coordinators: string[]
  starters: FormRule[]
  possessives: string[]
  hasVerbs: string[]
  supporterNouns: string[]
  supporterDeterminers: string[]
  supportWords: string[]
  adverbsBetween: string[]
  participles: string[]
  participleExceptions: string[]
  morphology: 'nl' | 'en'
  adverbialSubordinators: string[]
}

export interface FormRules {
  firstSubjects: Set<string>
  otherSubjects: Set<string>
  pluralSubjects: Set<string>
  verbForm: Map<string, StrengthForm>
  infinitives: Set<string>
  refine: Pattern<StrengthForm | null>[]
  transparent: Set<string>
  subordinators: Set<string>
  coordinators: Set<string>
  starters: PatternSet<{ form: StrengthForm | null; fragments: boolean }>
  possessives: Set<string>
  hasVerbs: Set<string>
  supporterNouns: Set<string>
  supporterDeterminers: Set<string>
  supportWords: PatternSet<true>
  adverbsBetween: Set<string>
  participles: Set<string>
  participleExceptions: Set<string>
  morphology: 'nl' | 'en'
  adverbialSubordinators: Set<string>
}

export function compileForms(d: FormData): FormRules {
  const verbForm = new Map<string, StrengthForm>()
  for (const [form, verbs] of Object.entries(d.verbs) as [StrengthForm, string[]][]) {
    for (const v of verbs) if (!verbForm.has(v)) verbForm.set(v, form)
  }
  return {
    firstSubjects: new Set(d.firstSubjects),
    otherSubjects: new Set(d.otherSubjects),
    pluralSubjects: new Set(d.pluralSubjects),
    verbForm,
    infinitives: new Set(d.infinitives),
    refine: d.refine.map((r) => parsePattern(r.pattern, r.form)),
    transparent: new Set(d.transparent),
    subordinators: new Set(d.subordinators),
    coordinators: new Set(d.coordinators),
    starters: new PatternSet(d.starters.map((r) => parsePattern(r.pattern, { form: r.form, fragments: r.fragments === true }))),
    possessives: new Set(d.possessives),
    hasVerbs: new Set(d.hasVerbs),
    supporterNouns: new Set(d.supporterNouns),
    supporterDeterminers: new Set(d.supporterDeterminers),
    supportWords: new PatternSet(d.supportWords.map((p) => parsePattern(p, true as const))),
    adverbsBetween: new Set(d.adverbsBetween),
    participles: new Set(d.participles),
    participleExceptions: new Set(d.participleExceptions),
    morphology: d.morphology,
    adverbialSubordinators: new Set(d.adverbialSubordinators),
  }
}

const NL_PARTICIPLE = [
  /^ge[a-z]{2,}[dt]$/,
  /^ge[a-z]{3,}en$/,
  /^(?=.{6,12}$)(be|ver|ont|her|er)[a-z]{3,}[dt]$/,
  // Separable verbs put ge- after their particle: uitgemaakt, opgebouwd, teruggekregen.
  /^(af|aan|op|uit|in|mee|terug|door|over|om|toe|weg|bij|na|voor|samen|vast|los|schoon|kapot|goed|klaar|thuis)ge[a-z]{2,}([dt]|en)$/,
]
const EN_PARTICIPLE = [/^[a-z]{2,}ed$/]

function isParticiple(w: string, r: FormRules): boolean {
  if (r.participles.has(w)) return true
  if (r.participleExceptions.has(w)) return false
  const shapes = r.morphology === 'nl' ? NL_PARTICIPLE : EN_PARTICIPLE
  return shapes.some((re) => re.test(w))
}

/** "ik heb alle rekeningen betaald", "I have never missed": have as an auxiliary is no form. */
function isPerfectAuxiliary(tokens: Token[], j: number, r: FormRules): boolean {
  if (r.morphology === 'en') {
    let k = j + 1
    while (k < tokens.length && r.adverbsBetween.has(tokens[k]?.norm ?? '') && tokens[k]?.brk === BREAK_NONE) k++
    const t = tokens[k]
    return t !== undefined && t.brk === BREAK_NONE && t.norm !== 'got' && isParticiple(t.norm, r)
  }
  for (let k = j + 1; k < tokens.length && k <= j + 9; k++) {
    const t = tokens[k]
    if (!t || t.brk !== BREAK_NONE) break
    if (r.coordinators.has(t.norm) || r.subordinators.has(t.norm)) break
    if (isParticiple(t.norm, r)) return true
  }
  return false
}

/** The first refine pattern that matches at the verb. */
function refineAt(tokens: Token[], verb: number, r: FormRules): { hit: boolean; form: StrengthForm | null } {
  for (const p of r.refine) {
    if (matchPatternAt(p, tokens, verb)) return { hit: true, form: p.value }
  }
  return { hit: false, form: null }
}

/** A form, no form (null), or a verb that leads on to another clause. */
type Verdict = StrengthForm | null | 'onward'

function verdictForVerb(tokens: Token[], j: number, r: FormRules): Verdict | undefined {
  const v = tokens[j]?.norm
  if (v === undefined) return undefined
  const base = r.verbForm.get(v)
  if (base !== undefined) {
    const refined = refineAt(tokens, j, r)
    if (refined.hit) return refined.form
    if (base === 'i_have' && isPerfectAuxiliary(tokens, j, r)) return 'onward'
    return base
  }
  if (r.transparent.has(v)) return 'onward'
  return undefined
}

const isVerb = (w: string, r: FormRules): boolean => r.verbForm.has(w) || r.transparent.has(w)
const isSubject = (w: string, r: FormRules): boolean => r.firstSubjects.has(w) || r.otherSubjects.has(w)

/** The verb that belongs to the subject at i, or -1. */
function verbOfSubject(tokens: Token[], i: number, r: FormRules): number {
  let j = i + 1
  while (j < tokens.length && r.adverbsBetween.has(tokens[j]?.norm ?? '') && tokens[j]?.brk === BREAK_NONE) j++
  const next = tokens[j]
  if (next && next.brk !== BREAK_SENTENCE && isVerb(next.norm, r)) return j
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
      if (isSubject(t.norm, r)) break
      if (r.verbForm.has(t.norm)) return k
    }
  }
  return -1
}

function inAdverbialClause(tokens: Token[], i: number, r: FormRules): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    const t = tokens[k]
    if (!t) return false
    if (r.adverbialSubordinators.has(t.norm)) return true
    if (t.brk !== BREAK_NONE || tokens[k + 1]?.brk !== BREAK_NONE) return false
  }
  return false
}

interface Candidate {
  pos: number
  /** Whose form: the writer's (first) or someone else's. */
  first: boolean
  verdict: Verdict
}

/** "ik herken mijn triggers en weet ...": a form verb after "en" shares the subject before it. */
function coordinated(tokens: Token[], from: number, first: boolean, r: FormRules, out: Candidate[]): void {
  for (let k = from + 1; k + 1 < tokens.length; k++) {
    const t = tokens[k]
    if (!t || t.brk === BREAK_SENTENCE) return
    if (isSubject(t.norm, r)) return
    if (!r.coordinators.has(t.norm)) continue
    const v = tokens[k + 1]
    const after = tokens[k + 2]
    if (!v || v.brk !== BREAK_NONE || !r.verbForm.has(v.norm)) continue
    if (after && after.brk === BREAK_NONE && isSubject(after.norm, r) && !(first && r.firstSubjects.has(after.norm))) continue
    const verdict = verdictForVerb(tokens, k + 1, r)
    if (verdict !== undefined) out.push({ pos: k + 1, first, verdict })
  }
}

/** A supporter, also as the last part of a compound ("schuldhulpmaatje", "jeugdvriend"). */
function isSupporterNoun(w: string, r: FormRules): boolean {
  if (r.supporterNouns.has(w)) return true
  for (const n of r.supporterNouns) if (n.length >= 4 && w.length > n.length + 2 && w.endsWith(n)) return true
  return false
}

/** "mijn broer helpt mij", "de buren groeten me altijd": someone who supports the writer. */
function supporterAt(tokens: Token[], r: FormRules, support: Set<number>): number {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (!t || !(i === 0 || t.brk !== BREAK_NONE)) continue
    let k = i
    while (k < i + 3 && r.supporterDeterminers.has(tokens[k]?.norm ?? '')) k++
    const noun = tokens[k]
    if (!noun || (k > i && noun.brk !== BREAK_NONE) || !isSupporterNoun(noun.norm, r)) continue
    // A support word later in the same sentence, with no "ik" taking over before it.
    for (let m = k + 1; m < tokens.length; m++) {
      const u = tokens[m]
      if (!u || u.brk === BREAK_SENTENCE) break
      if (u.norm === 'ik' || u.norm === 'i') break
      if (support.has(m)) return i
    }
  }
  return -1
}

/** "mijn telefoon heeft een snel-weg-knop": what is the writer's has something. */
function possessiveHas(tokens: Token[], r: FormRules): number {
  for (let i = 0; i < tokens.length; i++) {
    if (!r.possessives.has(tokens[i]?.norm ?? '')) continue
    for (let k = i + 2; k <= i + 3 && k < tokens.length; k++) {
      const t = tokens[k]
      if (!t || t.brk !== BREAK_NONE) break
      if (r.hasVerbs.has(t.norm) && !isPerfectAuxiliary(tokens, k, r)) return i
    }
  }
  return -1
}

export function detectForm(tokens: Token[], r: FormRules, person: Person, personRules: PersonRules): StrengthForm | null {
  const cands: Candidate[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (!t) continue
    const first = r.firstSubjects.has(t.norm)
    if (!first && !r.otherSubjects.has(t.norm)) continue
    // "toen ik jong was", "when I was pregnant": background, not the statement itself.
    if (inAdverbialClause(tokens, i, r)) continue
    const j = verbOfSubject(tokens, i, r)
    const verdict = j >= 0 ? verdictForVerb(tokens, j, r) : undefined
    if (verdict !== undefined) cands.push({ pos: Math.min(i, j), first, verdict })
    if (verdict === undefined || verdict === null || verdict === 'onward') coordinated(tokens, Math.max(i, j), first, r, cands)
  }
  for (const m of r.starters.matchAll(tokens)) {
    if (person === 'none' && !m.pattern.value.fragments) continue
    cands.push({ pos: m.first, first: true, verdict: m.pattern.value.form })
  }
  if (person !== 'none') {
    const support = new Set<number>()
    for (const m of r.supportWords.matchAll(tokens)) for (const w of m.words) support.add(w)
    const s = support.size > 0 ? supporterAt(tokens, r, support) : -1
    if (s >= 0) cands.push({ pos: s, first: person === 'first', verdict: 'i_have' })
  }
  if (person === 'first') {
    const p = possessiveHas(tokens, r)
    if (p >= 0) cands.push({ pos: p, first: true, verdict: 'i_have' })
  }
  if (person === 'other') {
    // Someone else's statement: the first finite form verb, whoever the subject ("de jongen heeft talent").
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]
      if (!t || !r.verbForm.has(t.norm)) continue
      const prev = tokens[i - 1]
      if (r.infinitives.has(t.norm) && !(prev && r.pluralSubjects.has(prev.norm))) {
        // "zijn" is a verb after a plural ("de kinderen zijn blij"), else "his" or an infinitive.
        const pluralBefore = prev !== undefined && /(en|s)$/.test(prev.norm) && !r.verbForm.has(prev.norm) && !r.transparent.has(prev.norm)
        if (t.norm !== 'zijn' || !pluralBefore || isPossessiveZijn(tokens, i, personRules)) continue
      }
      const verdict = verdictForVerb(tokens, i, r)
      if (verdict !== undefined) {
        cands.push({ pos: i, first: false, verdict })
        if (verdict !== null && verdict !== 'onward') break
      }
    }
  }
  cands.sort((a, b) => a.pos - b.pos)
  const wantFirst = person === 'first'
  for (const c of cands) {
    if (person !== 'none' && c.first !== wantFirst) continue
    if (person === 'none' && c.verdict !== 'i_can') continue
    if (c.verdict === 'onward' || c.verdict === null) continue
    return c.verdict
  }
  return null
}
