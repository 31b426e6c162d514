// The composed rules of the crisis screen. The crisis literature reads a signal as parts that
// come together: someone (the writer, or someone close) x an intent or a state (wanting to die,
// not waking up, being a burden) x an object or a means (pills, a rope, a height, a weapon).
// data/crisis/rules.json names those parts as concepts (word patterns) and says which ones,
// together within a few words, make a signal. A worker can read and extend that file; this
// module only applies it. Look-alikes are kept out by structure (an idiom, a film, a name, a
// past that is worked through), never by listing harmless sentences.

import type { CrisisKind, CrisisLevel } from '../types'
import { parsePattern, PatternSet, type PatternMatch } from '../pattern'
import type { Token } from '../tokenize'
import { clause, combine, nameTokens, sentences, within, type Hit, type Sentence } from './sentences'

export interface CrisisRuleData {
  id: string
  kind: CrisisKind
  level: CrisisLevel
  /** Concepts that must all be present; a concept may be listed twice (two different hits). */
  all: string[]
  /** Most words from the first to the last hit. */
  window: number
  ordered?: boolean
  /** The rule is about the writer: when someone else is the subject there, the writer must be named too. */
  self?: boolean
  /** None of these concepts may be in the sentence. */
  unless?: string[]
  /** Any of these in the sentence turns an alarm into a check-in. */
  demote?: string[]
  /**
   * Never stood down by a classifier sure the text is harmless (round 5's veto): being at a place of
   * means now ("ik sta op de brug") is asked about even where look-alikes such as a shelter called
   * De Brug taught the classifier those words.
   */
  alwaysAsk?: boolean
  /**
   * Round 7: the concepts may stand in up to this many neighbouring sentences ("Het touw ligt in
   * de schuur. Morgen ben ik er niet meer."), where no sentence says it alone; `window` then counts
   * words across them. Each sentence a concept stands in is checked for the look-alike structures.
   */
  sentences?: number
  /**
   * Round 13: a plan told as something already done (an errand that settles a life, a visit to a
   * height "and next time I will not stop"): its own form is a calm past, so a past marker in its
   * sentence or a change told elsewhere does not stand it down, and neither does the classifier's
   * veto (like `alwaysAsk`); only an idiom, or a film or the news told of others, does (`toldCalmAt`); harmless
   * reasons for the errand belong in the rule's `unless`.
   */
  told?: boolean
}

export interface CrisisStructures {
  idiom: string
  media: string
  self: string
  otherSubject: string
  past: string
  resolved: string
  still: string
  nameSensitive: string[]
  /**
   * Concepts of being at a place now ("ik sta op de Brug"): a capital alone is common in chat, so
   * only a name with a capitalised article ("De Brug", "Het Spoor") is a name here.
   */
  strictNames: string[]
  /** Concepts of risk words: the classifier alone may only ask when one of them is in the text. */
  signal: string[]
  /** Round 11: concepts of the writer's intent or state, which no look-alike structure explains (`independentSignal`). */
  intent?: string[]
  /** Round 11: in a sentence with one of these ("de huisarts heeft mij pillen gegeven"), no intent concept counts. */
  intentUnless?: string[]
  /**
   * Round 22: the client's own safety plan, written calmly about hard things on purpose ("als ik
   * weer aan pillen denk, bel ik mijn zus"; "waarschuwingsteken: ik begin pillen te sparen. Dan
   * breng ik ze naar de apotheek"). A conditional about the writer (`copeIf`: "als ik", "if I")
   * whose main clause is a help or coping act (`copeAct`: calling, telling, handing means over, an
   * ice cube), or a sentence followed by one that opens with `copeThen` ("Dan") and is such an act:
   * the signal inside the condition or the first sentence is a plan, not danger now. Not where the
   * act is refused (`copeNot`: "bel ik niemand"), the act's part names a risk itself, or the text
   * says tonight (`tonight_now`). See `copingSpans`.
   */
  copeIf?: string
  copeAct?: string
  copeThen?: string
  copeNot?: string
  /** Round 22: a warning-sign label opening a sentence ("Waarschuwingsteken:", "signalen:", "warning signs:"). */
  copeSign?: string
  /** Round 22: a time that is now or an act already done inside the condition ("gisteren", "heb … gekocht"): no plan then. */
  copeNow?: string
  /** Round 22: risk-word concepts too broad to spoil a coping act's part ("like last time", "als ik bang ben"). */
  copeIgnore?: string[]
  /**
   * Round 22: a counted time without the act ("3 weken niet gekrast", "two months no self-harm", "ik
   * heb 3 maanden niet meer gekrast"): a milestone of recovery, calm like a plan entry, unless the text
   * tells a relapse (`relapse`: "tot gisteren", "terugval", "weer gedaan") or says it goes on (`still`).
   */
  timeWithout?: string
  relapse?: string
}

export interface ComposedData {
  structures: CrisisStructures
  concepts: Record<string, string[]>
  rules: CrisisRuleData[]
}

export interface ComposedRules {
  patterns: PatternSet<string>
  rules: CrisisRuleData[]
  structures: CrisisStructures
  nameSensitive: Set<string>
  strictNames: Set<string>
  signal: Set<string>
  intent: Set<string>
  intentUnless: string[]
  /**
   * Round 13: a concept entry "@name" takes in every hit of concept `name` ("young": ["@child",
   * "boy", …]): the words are matched once and counted for both concepts. Here: from the concept
   * named to the concepts that take it in.
   */
  includes: Map<string, string[]>
}

/** One rule that fired: which, its kind and level, and the words it used. */
export interface RuleHit {
  rule: string
  kind: CrisisKind
  level: CrisisLevel
  first: number
  last: number
}

export function compileComposed(data: ComposedData): ComposedRules {
  const patterns: ReturnType<typeof parsePattern<string>>[] = []
  const includes = new Map<string, string[]>()
  for (const [name, list] of Object.entries(data.concepts)) {
    if (name.startsWith('$')) continue
    for (const p of list) {
      if (p.startsWith('@')) includes.set(p.slice(1), [...(includes.get(p.slice(1)) ?? []), name])
      else patterns.push(parsePattern(p, name))
    }
  }
  const known = new Set(Object.keys(data.concepts))
  for (const [from, into] of includes) {
    if (!known.has(from)) throw new Error(`@kracht/language: concept ${into.join(', ')} takes in unknown concept "@${from}" (data/crisis/rules.json)`)
    if (into.some((c) => includes.has(c))) throw new Error(`@kracht/language: "@${from}" leads to a concept that is taken in itself; chains are not followed (data/crisis/rules.json)`)
  }
  for (const r of data.rules) {
    for (const c of [...r.all, ...(r.unless ?? []), ...(r.demote ?? [])]) {
      if (!known.has(c)) throw new Error(`@kracht/language: rule ${r.id} uses unknown concept "${c}" (data/crisis/rules.json)`)
    }
  }
  for (const c of [...data.structures.signal, ...data.structures.nameSensitive, ...data.structures.strictNames, ...(data.structures.intent ?? []), ...(data.structures.intentUnless ?? []), ...[data.structures.copeIf, data.structures.copeAct, data.structures.copeThen, data.structures.copeNot, data.structures.copeSign, data.structures.copeNow, data.structures.timeWithout, data.structures.relapse].filter((c): c is string => c !== undefined), ...(data.structures.copeIgnore ?? [])]) {
    if (!known.has(c)) throw new Error(`@kracht/language: structures name unknown concept "${c}" (data/crisis/rules.json)`)
  }
  return {
    patterns: new PatternSet(patterns),
    rules: data.rules,
    structures: data.structures,
    nameSensitive: new Set(data.structures.nameSensitive),
    strictNames: new Set(data.structures.strictNames),
    signal: new Set(data.structures.signal),
    intent: new Set(data.structures.intent ?? []),
    intentUnless: data.structures.intentUnless ?? [],
    includes,
  }
}

/** Everything one reading of a text found: the rules that fired and the concept hits behind them. */
export interface ComposedScan {
  hits: RuleHit[]
  tokens: Token[]
  sentences: Sentence[]
  /** A marker of change somewhere in the text ("nu", "sindsdien", "therapie"). */
  resolvedStory: boolean
  /** An idiom, a film or the news is in the text: the classifier alone may not ask then. */
  lookalike: boolean
  /** A risk word (a concept in structures.signal) is in the text. */
  signal: boolean
  /** An idiom is in the text ("dood van het lachen", "ik sla me er doorheen"). */
  idiom: boolean
  /**
   * Round 9: the only risk words of the text were part of a name ("ik sta bij De Brug in de rij"):
   * the classifier, which learned "sta" and "brug" from real crises, may not ask alone then.
   */
  namedOnly: boolean
  /** Round 11: the tokens inside an idiom. */
  idiomWords: Set<number>
  /** Round 22: token ranges (inclusive) that are the condition of a coping plan (`copingSpans`). */
  coping: [number, number][]
  /** Round 22: every risk word of the text stands in such a condition: the text is a calm plan entry. */
  copingPlan: boolean
}

/** Round 11, measuring only: structure narrowings switched off (scripts/standdown-crisis.ts, via `standDownsOff`). */
export const OFF = new Set<string>()
const SELF_DIRECTED = new Set<CrisisKind>(['suicide', 'self_harm', 'overdose'])
const MEANS = ['rope', 'rope_weak', 'weapon', 'blade', 'pills', 'height', 'train']
const HARMLESS_PURPOSE = 'harmless_purpose'
const TONIGHT = 'tonight_now'

/**
 * Round 16: short fragments. Texts typed in short pieces ("ik heb mij gesneden. aan een fles. nu
 * pleister", "ik heb touw gekocht. voor de was.") put what explains a signal (an accident, a
 * harmless purpose) in the fragments right after it; read alone, the first piece looked like
 * self-harm or a rope kept (set 17's short and plain texts). A sentence of at most FRAGMENT_HEAD
 * words lends its `unless` (and a phrase its harmless purpose) to up to three following sentences
 * of at most FRAGMENT words each; a longer sentence ends the run. Only what stands a signal down
 * is read there, never what raises one.
 */
const FRAGMENT_HEAD = 8
const FRAGMENT = 4
export function fragmentsAfter(sents: Sentence[], i: number): Sentence[] {
  const s = sents[i]
  if (!s || s.end - s.start > FRAGMENT_HEAD) return []
  const out: Sentence[] = []
  for (let k = i + 1; k < sents.length && out.length < 3; k++) {
    const f = sents[k]
    if (!f || f.end - f.start > FRAGMENT) break
    out.push(f)
  }
  return out
}

/** In a sentence about a film, a game, a song or the news, only the writer's own words count. */
function mediaOnly(s: Sentence, st: CrisisStructures, first: number, last: number): boolean {
  return s.hits.has(st.media) && !within(s.hits.get(st.self), first - 1, last)
}

/** A past marker in this part of the sentence, a change somewhere, and nothing here that says it goes on. */
function pastWorkedThrough(scan: ComposedScan, s: Sentence, st: CrisisStructures, a: number, b: number): boolean {
  return scan.resolvedStory && within(s.hits.get(st.past), a, b) && !within(s.hits.get(st.still), a, b)
}

export function scanComposed(tokens: Token[], rules: ComposedRules): ComposedScan {
  const st = rules.structures
  const raw = rules.patterns.matchAll(tokens).map((m: PatternMatch<string>) => ({ concept: m.pattern.value, first: m.first, last: m.last, words: m.words.length > 0 ? m.words : [m.first] }))
  // Round 13: a concept that takes in another ("@child") gets its hits too.
  if (rules.includes.size > 0) {
    const n = raw.length
    for (let i = 0; i < n; i++) {
      const h = raw[i]
      if (h) for (const c of rules.includes.get(h.concept) ?? []) raw.push({ ...h, concept: c })
    }
    if (raw.length > n) raw.sort((a, b) => a.first - b.first || a.last - b.last)
  }
  const idiomWords = new Set<number>()
  for (const h of raw) if (h.concept === st.idiom) for (const w of h.words) idiomWords.add(w)
  const { names, strict } = nameTokens(tokens)
  let hits = raw.filter((h) => {
    if (h.concept === st.idiom) return true
    if (h.words.some((w) => idiomWords.has(w))) return false
    if (rules.nameSensitive.has(h.concept) && h.words.some((w) => names.has(w))) return false
    if (rules.strictNames.has(h.concept) && h.words.some((w) => strict.has(w))) return false
    return true
  })
  // Round 11: a structure made of a signal's own words explains nothing ("tegen die tijd ben ik er
  // niet meer" is no past worked through, "ik wil niet meer leven" no change told): a past marker,
  // a change, a film or lesson, a harmless purpose or someone else inside a risk word's match does
  // not count.
  // A structure that is the whole word of the signal ("zelfmoordpreventie") still counts.
  const own = new Set([st.past, st.resolved, st.media, st.otherSubject, HARMLESS_PURPOSE])
  const risk = hits.filter((h) => rules.signal.has(h.concept))
  const inside = (h: Hit): boolean => risk.some((r) => r.words.length > h.words.length && h.words.every((w) => r.words.includes(w)))
  if (!OFF.has('own-words')) hits = hits.filter((h) => !own.has(h.concept) || !inside(h))
  const sents = sentences(tokens, hits)
  const resolvedStory = hits.some((h) => h.concept === st.resolved)
  const lookalike = hits.some((h) => h.concept === st.idiom || h.concept === st.media)
  const signal = hits.some((h) => rules.signal.has(h.concept))
  const idiom = hits.some((h) => h.concept === st.idiom)
  const namedOnly = !signal && raw.some((h) => rules.signal.has(h.concept) && !hits.includes(h) && h.words.some((w) => names.has(w)))
  const coping = OFF.has('coping') ? [] : [...copingSpans(sents, rules, hits), ...withoutSpans(rules, hits)]
  const actWords = new Set(coping.length > 0 ? hits.filter((h) => h.concept === st.copeAct).flatMap((h) => h.words) : [])
  // A risk word inside a condition, or one of the coping act's own words ("naar het balkon").
  const inSpan = (h: Hit): boolean => coping.some(([a, b]) => h.first >= a && h.last <= b) || h.words.every((w) => actWords.has(w))
  // The whole text is a plan entry only where every risk word stands in a condition and nothing
  // anywhere says now or done ("Ik heb er 30 gespaard" after the plan line).
  const copingPlan = coping.length > 0 && signal && hits.every((h) => (!rules.signal.has(h.concept) || inSpan(h)) && h.concept !== st.copeNow)
  const scan: ComposedScan = { hits: [], tokens, sentences: sents, resolvedStory, lookalike, signal, idiom, namedOnly, idiomWords, coping, copingPlan }
  sents.forEach((s, i) => {
    if (s.hits.size === 0) return
    const frags = fragmentsAfter(sents, i)
    for (const r of rules.rules) {
      if (!r.all.every((c) => s.hits.has(c))) continue
      if ((r.unless ?? []).some((c) => s.hits.has(c) || frags.some((f) => f.hits.has(c)))) continue
      const found = combine(r.all, s, r.window, r.ordered === true)
      if (!found) continue
      const first = Math.min(...found.map((h) => h.first))
      const last = Math.max(...found.map((h) => h.last))
      const [ca, cb] = clause(tokens, first, s)
      const [, cb2] = clause(tokens, last, s)
      const selfNear = within(s.hits.get(st.self), Math.max(s.start, ca - 1), Math.max(cb, cb2) + 1)
      if (mediaOnly(s, st, first, last)) continue
      // Someone else is the subject of a self-directed signal and the writer is not in it.
      if (r.self && !selfNear && within(s.hits.get(st.otherSubject), s.start, last)) continue
      if (pastWorkedThrough(scan, s, st, ca, Math.max(cb, cb2))) continue
      if (copingCalm(scan, rules, first, last, r.kind)) continue
      const demoted = (r.demote ?? []).some((c) => s.hits.has(c))
      scan.hits.push({ rule: r.id, kind: r.kind, level: demoted ? 'check_in' : r.level, first, last })
    }
  })
  // Only rules whose every concept is somewhere in the text are tried over neighbouring sentences.
  const present = new Set(hits.map((h) => h.concept))
  for (const r of rules.rules) if ((r.sentences ?? 1) > 1 && r.all.every((c) => present.has(c))) spreadHit(scan, st, r, rules)
  return scan
}

/** Neighbouring sentences `from`..`to` (exclusive) read as one, for a rule spread over sentences. */
function joined(sents: Sentence[], from: number, to: number): Sentence {
  const hits = new Map<string, Hit[]>()
  for (let i = from; i < to; i++) {
    for (const [c, list] of sents[i]?.hits ?? []) hits.set(c, [...(hits.get(c) ?? []), ...list])
  }
  return { start: sents[from]?.start ?? 0, end: sents[to - 1]?.end ?? 0, hits }
}

/**
 * A rule whose concepts may stand in neighbouring sentences (round 7): the first place where they
 * come together counts, once. A concept in a sentence about a film, or in a past that is worked
 * through, does not count, as in a single sentence.
 */
function spreadHit(scan: ComposedScan, st: CrisisStructures, r: CrisisRuleData, rules: ComposedRules): void {
  const sents = scan.sentences
  const n = Math.min(r.sentences ?? 1, sents.length)
  if (n < 2 || scan.hits.some((h) => h.rule === r.id)) return
  for (let from = 0; from + n <= sents.length; from++) {
    const s = joined(sents, from, from + n)
    if (!r.all.every((c) => s.hits.has(c))) continue
    const found = combine(r.all, s, r.window, r.ordered === true)
    if (!found) continue
    // An `unless` concept counts unless it is made of the signal's own words ("ik kom niet meer
    // terug" is no giving back).
    const used = new Set(found.flatMap((h) => h.words))
    if ((r.unless ?? []).some((c) => (s.hits.get(c) ?? []).some((h) => !h.words.some((w) => used.has(w))))) continue
    const calm = found.some((h) => {
      const own = sents.find((x) => h.first >= x.start && h.first < x.end)
      if (!own) return false
      const [a, b] = clause(scan.tokens, h.first, own)
      return mediaOnly(own, st, h.first, h.last) || pastWorkedThrough(scan, own, st, a, b)
    })
    if (calm) continue
    if (r.self && !s.hits.has(st.self) && s.hits.has(st.otherSubject)) continue
    const first = Math.min(...found.map((h) => h.first))
    const last = Math.max(...found.map((h) => h.last))
    if (copingCalm(scan, rules, first, last, r.kind)) continue
    const demoted = (r.demote ?? []).some((c) => s.hits.has(c))
    scan.hits.push({ rule: r.id, kind: r.kind, level: demoted ? 'check_in' : r.level, first, last })
    return
  }
}

/**
 * Round 22: the conditions of a coping plan, as token ranges. In one sentence: a condition about the
 * writer (`copeIf`, "als ik", "if I") and after it a help or coping act (`copeAct`); the range runs
 * from the condition to the act. Across two: a sentence followed by one that opens with `copeThen`
 * ("Dan") and holds such an act; the range is the first sentence. Never where the act's part holds a
 * refusal (`copeNot`: "bel ik niemand", "I won't call") or a risk word of its own (a goodbye, a
 * means), nor in a text that says tonight (`tonight_now`): a plan entry is about a time that may
 * come, not about now.
 */
export function copingSpans(sents: Sentence[], rules: ComposedRules, hits: Hit[]): [number, number][] {
  const st = rules.structures
  if (!st.copeIf || !st.copeAct || hits.some((h) => h.concept === TONIGHT)) return []
  const act = st.copeAct
  const cond = st.copeIf
  const from = (s: Sentence, c: string, a: number): Hit[] => (s.hits.get(c) ?? []).filter((h) => h.first >= a)
  const ignore = new Set(st.copeIgnore ?? [])
  const acts = (s: Sentence): Hit[] => s.hits.get(act) ?? []
  // The act's part neither refuses (from a few words before the act: "dat zij niet meer moeten
  // bellen") nor names a risk of its own (from the act on; its own words excepted).
  const clean = (s: Sentence, a: number): boolean =>
    !(st.copeNot && from(s, st.copeNot, a - COPE_NOT_BEFORE).length > 0) &&
    ![...s.hits].some(([c, l]) => rules.signal.has(c) && !ignore.has(c) && l.some((h) => h.first >= a && !h.words.every((w) => acts(s).some((x) => x.words.includes(w)))))
  const spans: [number, number][] = []
  sents.forEach((s, i) => {
    const c = (s.hits.get(cond) ?? [])[0]
    const a = c ? from(s, act, c.last + 1)[0] : undefined
    // Nothing in the condition says now or done (`copeNow`).
    const calm = (s: Sentence, a: number, b: number): boolean => !st.copeNow || !(s.hits.get(st.copeNow) ?? []).some((h) => h.first >= a && h.first <= b)
    if (c && a && clean(s, a.first) && calm(s, c.first, a.first - 1)) spans.push([c.first, a.first - 1])
    // "Waarschuwingsteken: ik begin pillen te sparen. Dan breng ik ze naar de apotheek.": the first
    // sentence must open with a warning-sign label (`copeSign`) or hold a condition, from which on
    // it counts ("Oranje is als ik niet meer uit bed kom. Dan bel ik mijn zus").
    const next = sents[i + 1]
    if (!next || !st.copeThen || (c && a)) return
    const opens = (next.hits.get(st.copeThen) ?? []).some((h) => h.first === next.start)
    const b = opens ? from(next, act, next.start)[0] : undefined
    if (!b || !clean(next, b.first)) return
    const sign = st.copeSign ? (s.hits.get(st.copeSign) ?? []).find((h) => h.first <= s.start + 1) : undefined
    const lead = sign ?? c
    if (lead && calm(s, lead.first, s.end - 1)) spans.push([lead.first, s.end - 1])
  })
  return spans
}

/** Round 22: how many words before a coping act a refusal still counts ("niet meer moeten bellen"). */
const COPE_NOT_BEFORE = 3

/**
 * Round 22: a counted time without the act (`timeWithout`), as token ranges read like a plan's
 * condition (`copingCalm`); none in a text that tells a relapse, says it goes on, or says tonight.
 */
export function withoutSpans(rules: ComposedRules, hits: Hit[]): [number, number][] {
  const st = rules.structures
  if (!st.timeWithout) return []
  const spoil = new Set([st.relapse, st.still, TONIGHT].filter((c): c is string => c !== undefined))
  if (hits.some((h) => spoil.has(h.concept))) return []
  return hits.filter((h) => h.concept === st.timeWithout).map((h) => [h.first, h.last])
}

/**
 * Round 22: a signal (tokens `first`..`last`) inside the condition of a coping plan. For violence
 * only where nobody else stands in that condition: someone else hurting the writer is never calm.
 */
export function copingCalm(scan: ComposedScan, rules: ComposedRules, first: number, last: number, kind: CrisisKind): boolean {
  const span = scan.coping.find(([a, b]) => first >= a && last <= b)
  if (!span) return false
  if (kind !== 'violence') return true
  const st = rules.structures
  const s = scan.sentences.find((x) => first >= x.start && first < x.end)
  const others = [st.otherSubject, 'agent'].flatMap((c) => s?.hits.get(c) ?? [])
  return !others.some((h) => h.first >= span[0] && h.last <= span[1])
}

/**
 * A look-alike structure in the sentence of a signal (tokens `first`..`last`): an idiom, a film or
 * the news, a past marker, a change ("nu", "sindsdien") anywhere in the text, a harmless purpose,
 * and for a self-directed kind someone else as the subject. Only there may the classifier,
 * trained on such look-alikes, quiet a rule (see index.ts); someone else hitting the writer is
 * never calm.
 */
export function calmStructureAt(scan: ComposedScan, rules: ComposedRules, first: number, kind: CrisisKind): boolean {
  const st = rules.structures
  const s = scan.sentences.find((x) => first >= x.start && first < x.end)
  if (!s) return false
  const calm = [st.idiom, st.media, st.past, HARMLESS_PURPOSE, ...(SELF_DIRECTED.has(kind) ? [st.otherSubject] : [])]
  if (calm.some((c) => s.hits.has(c))) return true
  // Round 11: a change told elsewhere in the text does not calm a sentence about tonight ("Vanavond
  // eerst nog één keer alles wat ik heb, … daarna begin ik opnieuw").
  return scan.resolvedStory && !(!OFF.has('tonight') && s.hits.has(TONIGHT))
}

/**
 * Round 13: the only look-alike structures that calm a rule marked `told`: in the sentence of the
 * signal an idiom, or a film or the news with no word of the writer about themselves ("ik heb mijn
 * foto's van insta gehaald" is the writer's own act).
 */
export function toldCalmAt(scan: ComposedScan, rules: ComposedRules, first: number): boolean {
  const st = rules.structures
  const s = scan.sentences.find((x) => first >= x.start && first < x.end)
  return s !== undefined && (s.hits.has(st.idiom) || (s.hits.has(st.media) && !s.hits.has(st.self)))
}

/**
 * Round 9: the narrow part of `calmStructureAt` where an alarm rule's words are most often told
 * calmly (set 6-8's look-alikes): in the sentence of the signal a past marker in a story with a
 * change in it, a film or the news, or for a self-directed kind someone else as the subject with
 * no word of the writer about themselves; and nothing in that sentence that says it goes on
 * ("nog steeds", "weer"). Here the classifier may stand a rule down from a higher score (`calm`).
 */
export function clearlyCalmAt(scan: ComposedScan, rules: ComposedRules, first: number, kind: CrisisKind): boolean {
  const st = rules.structures
  const s = scan.sentences.find((x) => first >= x.start && first < x.end)
  if (!s || s.hits.has(st.still)) return false
  const pastTold = scan.resolvedStory && s.hits.has(st.past)
  const someoneElse = SELF_DIRECTED.has(kind) && s.hits.has(st.otherSubject) && !s.hits.has(st.self)
  return pastTold || someoneElse || s.hits.has(st.media)
}

/** The first token of a character span of the text, or undefined. */
export function tokenAt(scan: ComposedScan, start: number, end: number): number | undefined {
  const i = scan.tokens.findIndex((t) => t.start < end && t.end > start)
  return i < 0 ? undefined : i
}

/**
 * The phrase lists (data/<locale>/crisis.json) match words; the same look-alike structures
 * apply to what they find, given as a character span of the text: words inside an idiom, a
 * film or the news, a past that is worked through, someone else's harm, or a means named with a
 * harmless purpose ("een touw voor de verhuizing").
 */
export function phraseLookalike(scan: ComposedScan, rules: ComposedRules, start: number, end: number, kind: CrisisKind): boolean {
  const st = rules.structures
  const idx: number[] = []
  scan.tokens.forEach((t, i) => {
    if (t.start < end && t.end > start) idx.push(i)
  })
  const first = idx[0]
  const last = idx[idx.length - 1]
  if (first === undefined || last === undefined) return false
  const s = scan.sentences.find((x) => first >= x.start && first < x.end)
  if (!s) return false
  if (copingCalm(scan, rules, first, last, kind)) return true
  const idiom = s.hits.get(st.idiom) ?? []
  if (idiom.some((h) => h.words.some((w) => w >= first && w <= last))) return true
  if (mediaOnly(s, st, first, last)) return true
  const [ca, cb] = clause(scan.tokens, first, s)
  const [, cb2] = clause(scan.tokens, last, s)
  if (pastWorkedThrough(scan, s, st, ca, Math.max(cb, cb2))) return true
  if (SELF_DIRECTED.has(kind) && within(s.hits.get(st.otherSubject), s.start, last) && !within(s.hits.get(st.self), ca, Math.max(cb, cb2))) return true
  const means = MEANS.some((c) => (s.hits.get(c) ?? []).some((h) => h.first >= first && h.last <= last))
  const si = scan.sentences.indexOf(s)
  return means && (s.hits.has(HARMLESS_PURPOSE) || fragmentsAfter(scan.sentences, si).some((f) => f.hits.has(HARMLESS_PURPOSE)))
}

/**
 * Round 11: a statement of the writer's intent or state (a concept of `structures.intent`: a
 * goodbye, a burden, no future, things given away, gone soon) on words outside those of a hit a
 * stand-down silenced (`h`), in a sentence without a look-alike structure of its own (an idiom, a
 * film or a lesson, a past marker), or one that says it goes on. The look-alike structures explain
 * means and death words (a knife at the butcher's, pills from the doctor, "dood" in a joke), not
 * such a statement beside them: where the two meet, the screen asks rather than stays silent.
 */
export function independentSignal(scan: ComposedScan, rules: ComposedRules, h: RuleHit): boolean {
  const st = rules.structures
  return scan.sentences.some((s) => {
    if (!s.hits.has(st.still) && [st.idiom, st.media, st.past].some((c) => s.hits.has(c))) return false
    if (rules.intentUnless.some((c) => s.hits.has(c))) return false
    return [...s.hits].some(([c, list]) => rules.intent.has(c) && list.some((x) => x.last < h.first || x.first > h.last))
  })
}
