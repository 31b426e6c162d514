// Places a statement in the ten life domains by weighted words and stems. Dutch glues words
// together ("schuldhulpverlening", "voetbaltraining"), so stems are also found inside words;
// per written word the leftmost-longest entry wins, which makes "ziekenhuis" health rather
// than housing and lets "_stop" words ("gewoon", "natuurlijk") block false stems.

import { domainIds, type CrisisKind, type DomainId, type DomainScore } from './types'
import { parsePattern, PatternSet } from './pattern'
import { oneSlipApart, type Token } from './tokenize'

/** Per domain: weight -> lines of comma-separated entries (see data/README.md). */
export type DomainData = Record<DomainId, Record<string, string[]>> & { _stop: string[] }

/** The entries of a list of comma-separated lines. */
export function entriesOf(lines: string[]): string[] {
  return lines.flatMap((l) => l.split(',')).map((e) => e.trim()).filter((e) => e !== '')
}

/** Domain weights of one entry; empty for a stop word. */
type Weights = [DomainId, number][]

interface TrieNode {
  next: Map<string, TrieNode>
  exact?: Weights
  prefix?: Weights
  any?: Weights
  /** What applies when the entry covers the whole word, starts the word, or sits inside it. */
  whole?: Weights
  start?: Weights
  inside?: Weights
  /** Stems of five letters or more also count as the last part of a compound ("heftruckchauffeur"). */
  tail?: Weights
  /** Inside a word and ending it: "inside" and "tail" together. */
  end?: Weights
}

export interface DomainRules {
  root: TrieNode
  phrases: PatternSet<Weights>
  /** Long words and their one-letter-deleted forms, to forgive a typing slip ("boodschapen"). */
  longWords: Map<string, Weights>
  /** One-letter-deleted form -> the long words it comes from. */
  longDeletions: Map<string, string[]>
  /** Endings an exact word may take ("=kat" also finds "katje", "=cat" also "cats"). */
  endings: Set<string>
  /** Dutch: read "ge...t/d" as the participle of a listed verb. */
  participleStems: boolean
}

const ENDINGS: Record<'nl' | 'en', string[]> = {
  nl: ['s', "'s", 'en', 'e', 'je', 'jes', 'tje', 'tjes', 'pje', 'pjes'],
  en: ['s', 'es', "'s"],
}

function addWeights(target: Weights, d: DomainId | null, w: number): void {
  if (d === null) return
  const existing = target.find((x) => x[0] === d)
  if (existing) existing[1] = Math.max(existing[1], w)
  else target.push([d, w])
}

function merge(...lists: (Weights | undefined)[]): Weights | undefined {
  const present = lists.filter((x): x is Weights => x !== undefined)
  if (present.length <= 1) return present[0]
  const out: Weights = []
  for (const ws of present) for (const [d, w] of ws) addWeights(out, d, w)
  return out
}

function finish(node: TrieNode, depth: number): void {
  node.whole = merge(node.exact, node.prefix, node.any)
  node.start = merge(node.prefix, node.any)
  node.inside = node.any
  // The last part of a Dutch compound carries its meaning, so a long stem may end a word too.
  if (depth >= 5 && node.prefix) node.tail = node.prefix
  node.end = merge(node.any, node.tail)
  for (const n of node.next.values()) finish(n, depth + 1)
}

const NL_LONG = /^(.*[^aeiou]|)(aa|ee|oo|uu)([bcdfghklmnprst])$/
const NL_DIPHTHONG_FS = /^(.*(?:ui|ei|ij|ou|au|ie|oe|eu))([fs])$/
const NL_LONG_FS = /^(.*[^aeiou]|)(aa|ee|oo|uu)([fs])$/
const EN_Y = /^(.*[^aeiou])y$/
const EN_E = /^(.*[^aeioy])e$/
const EN_SHORT = /^([^aeiou]*[aeiou])([bdgklmnprt])$/

/**
 * Inflected forms that a stem written as a prefix would miss: Dutch "school" -> "scholen",
 * "goedkoop" -> "goedkope", "huis" -> "huizen", "brief" -> "brieven"; English "family" ->
 * "families", "dance" -> "dancing", "swim" -> "swimming". Generated, so the lists stay short.
 */
export function inflections(stem: string, morphology: 'nl' | 'en'): string[] {
  const out: string[] = []
  if (morphology === 'nl') {
    const fs = NL_LONG_FS.exec(stem)
    if (fs) {
      const soft = fs[3] === 'f' ? 'v' : 'z'
      out.push(`${fs[1]}${fs[2]?.charAt(0)}${soft}en`, `${fs[1]}${fs[2]?.charAt(0)}${soft}e`)
    } else {
      const long = NL_LONG.exec(stem)
      if (long) out.push(`${long[1]}${long[2]?.charAt(0)}${long[3]}en`, `${long[1]}${long[2]?.charAt(0)}${long[3]}e`)
      const di = NL_DIPHTHONG_FS.exec(stem)
      if (di) out.push(`${di[1]}${di[2] === 'f' ? 'v' : 'z'}en`, `${di[1]}${di[2] === 'f' ? 'v' : 'z'}e`)
    }
  } else {
    const y = EN_Y.exec(stem)
    if (y) out.push(`${y[1]}ies`, `${y[1]}ied`)
    const e = EN_E.exec(stem)
    if (e && stem.length >= 4) out.push(`${e[1]}ing`)
    const short = EN_SHORT.exec(stem)
    if (short && stem.length <= 4) out.push(`${stem}${short[2]}ing`, `${stem}${short[2]}ed`, `${stem}${short[2]}er`)
  }
  return out.filter((w) => w.length >= 4 && w !== stem)
}

export function compileDomains(data: DomainData, morphology: 'nl' | 'en' = 'nl'): DomainRules {
  const root: TrieNode = { next: new Map() }
  const phraseWeights = new Map<string, Weights>()

  const add = (rawKey: string, d: DomainId | null, w: number): void => {
    const key = rawKey.trim().toLowerCase()
    if (/\s/.test(key)) {
      const source = key.replace(/^=/, '')
      const ws = phraseWeights.get(source) ?? []
      addWeights(ws, d, w)
      phraseWeights.set(source, ws)
      return
    }
    let mode: 'exact' | 'prefix' | 'any' = 'prefix'
    let stem = key
    if (key.startsWith('=')) {
      mode = 'exact'
      stem = key.slice(1)
    } else if (key.startsWith('*')) {
      mode = 'any'
      stem = key.slice(1)
    }
    if (stem === '') return
    let node = root
    for (const ch of stem) {
      let n = node.next.get(ch)
      if (!n) {
        n = { next: new Map() }
        node.next.set(ch, n)
      }
      node = n
    }
    const ws = (node[mode] ??= [])
    addWeights(ws, d, w)
  }

  const stops = entriesOf(data._stop)
  const weighted: [DomainId, string, number][] = []
  for (const d of domainIds) {
    for (const [weight, lines] of Object.entries(data[d])) {
      const w = Number(weight)
      if (!(w > 0)) throw new Error(`@kracht/language: weight "${weight}" of ${d} in domains.json must be a positive number`)
      for (const k of entriesOf(lines)) weighted.push([d, k, w])
    }
  }
  const listed = new Set<string>(stops.map((k) => k.replace(/^[=*]/, '')))
  for (const [, k] of weighted) listed.add(k.replace(/^[=*]/, ''))
  const addWithInflections = (k: string, d: DomainId | null, w: number): void => {
    add(k, d, w)
    if (/\s/.test(k) || k.startsWith('*')) return
    const mark = k.startsWith('=') ? '=' : ''
    const stem = k.slice(mark.length)
    if (stem.length < 3) return
    for (const v of inflections(stem, morphology)) if (!listed.has(v)) add(mark + v, d, w)
  }
  for (const [d, k, w] of weighted) addWithInflections(k, d, w)
  for (const k of stops) addWithInflections(k, null, 0)
  finish(root, 0)
  const phrases = new PatternSet([...phraseWeights].map(([source, ws]) => parsePattern(source, ws)))
  const longWords = new Map<string, Weights>()
  const longDeletions = new Map<string, string[]>()
  for (const [d, k, w] of weighted) {
    if (/\s/.test(k) || k.startsWith('*')) continue
    const stem = k.replace(/^=/, '')
    if (stem.length < FUZZY_MIN) continue
    const ws = longWords.get(stem) ?? []
    addWeights(ws, d, w)
    longWords.set(stem, ws)
  }
  for (const stem of longWords.keys()) {
    for (const del of deletions(stem)) {
      const list = longDeletions.get(del)
      if (!list) longDeletions.set(del, [stem])
      else if (!list.includes(stem)) list.push(stem)
    }
  }
  return { root, phrases, endings: new Set(ENDINGS[morphology]), participleStems: morphology === 'nl', longWords, longDeletions }
}

/** Words this long or longer may have one typing slip; shorter ones collide too easily. */
const FUZZY_MIN = 7

function deletions(w: string): string[] {
  const out: string[] = []
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1))
  return out
}

/** One letter missing, extra, swapped or wrong ("schuldhlp", "uitkerring", "vriendinen"). */
// Same slip, same answer: remember, bounded so that a long-running server does not grow.
const fuzzyCache = new WeakMap<DomainRules, Map<string, Weights | null>>()

function fuzzyWeights(word: string, rules: DomainRules): Weights | undefined {
  let cache = fuzzyCache.get(rules)
  if (!cache) {
    cache = new Map()
    fuzzyCache.set(rules, cache)
  }
  const hit = cache.get(word)
  if (hit !== undefined) return hit ?? undefined
  const found = fuzzyUncached(word, rules)
  if (cache.size >= 20_000) cache.clear()
  cache.set(word, found ?? null)
  return found
}

function fuzzyUncached(word: string, rules: DomainRules): Weights | undefined {
  if (word.length < FUZZY_MIN - 1 || word.length > 24) return undefined
  // Candidates share a one-letter-deleted form with the word; check that they really are one slip apart.
  const candidates = new Set<string>(rules.longDeletions.get(word) ?? [])
  for (const d of deletions(word)) {
    if (rules.longWords.has(d)) candidates.add(d)
    for (const stem of rules.longDeletions.get(d) ?? []) candidates.add(stem)
  }
  for (const stem of candidates) if (oneSlipApart(word, stem)) return rules.longWords.get(stem)
  return undefined
}

interface Hit {
  weights: Weights
  /** Token index, for ranking ties: what is mentioned first is usually the subject. */
  pos: number
}

/** Leftmost-longest matches of the vocabulary inside one word. */
function matchWord(word: string, rules: DomainRules, pos: number, hits: Hit[]): boolean {
  const len = word.length
  let s = 0
  let matched = false
  while (s < len) {
    let node: TrieNode | undefined = rules.root
    let bestEnd = -1
    let bestWeights: Weights | undefined
    for (let k = s; k < len && node; k++) {
      node = node.next.get(word.charAt(k))
      if (!node) break
      const end = k + 1
      const w = s > 0 ? (end === len ? node.end : node.inside) : end === len ? node.whole : node.start
      if (w) {
        bestEnd = end
        bestWeights = w
      } else if (s === 0 && node.exact && rules.endings.has(word.slice(end))) {
        // An exact word with an ending ("katje"); a longer entry further on still wins.
        bestEnd = len
        bestWeights = node.exact
      }
    }
    if (bestEnd > 0 && bestWeights) {
      if (bestWeights.length > 0) hits.push({ weights: bestWeights, pos })
      matched = true
      s = bestEnd
    } else {
      s++
    }
  }
  return matched
}

/** Whether a word is in the domain vocabulary at all (also as a stem or inflection). */
export function isDomainWord(word: string, rules: DomainRules): boolean {
  return matchWord(word, rules, 0, [])
}

export interface DomainContext {
  /** Words we know (from all word lists): they are no typing slips. */
  known?: Set<string>
  /** A crisis signal, also one about the past: it says which domain the statement is about. */
  crisisKind?: CrisisKind | null
  /** Token range of the crisis words, to see whether children are the ones at risk. */
  crisisFirst?: number
  crisisLast?: number
}

// How much a crisis signal weighs: more than any single word, so that "ik snij mezelf" is health
// and "hij slaat me" is safety, as the labelling rules in eval/README.md ask.
const CRISIS_WEIGHT = 8

export function scoreDomains(tokens: Token[], rules: DomainRules, ctx: DomainContext = {}): DomainScore[] {
  const hits: Hit[] = []
  const used = new Uint8Array(tokens.length)
  const matches = rules.phrases.matchAll(tokens)
  if (matches.length > 0) {
    // Longer phrases first; a word belongs to one phrase at most.
    matches.sort((a, b) => b.words.length - a.words.length || a.first - b.first)
    for (const m of matches) {
      if (m.words.some((w) => used[w])) continue
      for (const w of m.words) used[w] = 1
      if (m.pattern.value.length > 0) hits.push({ weights: m.pattern.value, pos: m.first })
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (!t || used[i]) continue
    if (matchWord(t.norm, rules, i, hits)) continue
    // A Dutch participle of a listed verb ("gegokt", "gefietst", "getekend"): try the stem.
    if (rules.participleStems && t.norm.length >= 6 && t.norm.startsWith('ge')) {
      const stem = t.norm.slice(2)
      if (matchWord(stem, rules, i, hits) || matchWord(stem.slice(0, -1), rules, i, hits)) continue
    }
    // Only a word that matched nothing at all, not even a stop word, may be a typing slip.
    if (t.norm.length >= FUZZY_MIN - 1 && !ctx.known?.has(t.norm)) {
      const w = fuzzyWeights(t.norm, rules)
      if (w) hits.push({ weights: w, pos: i })
    }
  }
  if (ctx.crisisKind) {
    const pos = ctx.crisisFirst ?? 0
    if (ctx.crisisKind === 'violence') {
      const childHits: Hit[] = []
      for (let i = ctx.crisisFirst ?? 0; i <= (ctx.crisisLast ?? -1); i++) matchWord(tokens[i]?.norm ?? '', rules, i, childHits)
      const childrenAtRisk = childHits.some((h) => h.weights.some(([d, w]) => d === 'children' && w >= 2.5))
      hits.push({ weights: childrenAtRisk ? [['children', CRISIS_WEIGHT], ['safety', CRISIS_WEIGHT / 2]] : [['safety', CRISIS_WEIGHT]], pos })
    } else {
      hits.push({ weights: ctx.crisisKind === 'suicide' ? [['health', CRISIS_WEIGHT], ['meaning', 2]] : [['health', CRISIS_WEIGHT]], pos })
    }
  }
  if (hits.length === 0) return []
  const total = new Map<DomainId, number>()
  const firstPos = new Map<DomainId, number>()
  for (const h of hits) {
    for (const [d, w] of h.weights) {
      total.set(d, (total.get(d) ?? 0) + w)
      if (!firstPos.has(d) || (firstPos.get(d) ?? 0) > h.pos) firstPos.set(d, h.pos)
    }
  }
  let sum = 0
  for (const v of total.values()) sum += v
  const ranked = [...total.entries()].sort((a, b) => b[1] - a[1] || (firstPos.get(a[0]) ?? 0) - (firstPos.get(b[0]) ?? 0))
  return ranked.map(([id, v]) => ({ id, score: Math.round((v / sum) * 1000) / 1000 }))
}
