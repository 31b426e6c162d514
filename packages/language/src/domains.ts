// Places a statement in the ten life domains by weighted words and stems. Dutch glues words
// together ("schuldhulpverlening", "voetbaltraining"), so stems are also found inside words;
// per written word the leftmost-longest entry wins, which makes "ziekenhuis" health rather
// than housing and lets "_stop" words ("gewoon", "natuurlijk") block false stems.

import { domainIds, type DomainId, type DomainScore } from './types'
import type { Token } from './tokenize'

export type DomainData = Record<DomainId, Record<string, number>> & { _stop: string[] }

const EXACT = 0
const PREFIX = 1
const ANY = 2
type Mode = typeof EXACT | typeof PREFIX | typeof ANY

/** Domain weights of one entry; empty for a stop word. */
type Weights = [DomainId, number][]

interface TrieNode {
  next: Map<string, TrieNode>
  /** Indexed by mode. */
  entries: (Weights | undefined)[] | undefined
}

interface PhraseWord {
  s: string
  prefix: boolean
}

interface Phrase {
  words: PhraseWord[]
  weights: Weights
}

export interface DomainRules {
  root: TrieNode
  /** Phrases by their first word (exact first words only). */
  phrases: Map<string, Phrase[]>
  /** Phrases whose first word is a prefix pattern. */
  prefixPhrases: Phrase[]
}

function newNode(): TrieNode {
  return { next: new Map(), entries: undefined }
}

function addWeights(target: Weights, d: DomainId | null, w: number): void {
  if (d === null) return
  const existing = target.find((x) => x[0] === d)
  if (existing) existing[1] = Math.max(existing[1], w)
  else target.push([d, w])
}

export function compileDomains(data: DomainData): DomainRules {
  const root = newNode()
  const phraseMap = new Map<string, Phrase>()

  const add = (rawKey: string, d: DomainId | null, w: number): void => {
    const key = rawKey.trim().toLowerCase()
    if (key.includes(' ')) {
      const norm = key.replace(/^=/, '')
      let p = phraseMap.get(norm)
      if (!p) {
        p = {
          words: norm.split(/\s+/).map((s) => (s.endsWith('*') ? { s: s.slice(0, -1), prefix: true } : { s, prefix: false })),
          weights: [],
        }
        phraseMap.set(norm, p)
      }
      addWeights(p.weights, d, w)
      return
    }
    let mode: Mode = PREFIX
    let stem = key
    if (key.startsWith('=')) {
      mode = EXACT
      stem = key.slice(1)
    } else if (key.startsWith('*')) {
      mode = ANY
      stem = key.slice(1)
    }
    if (stem === '') return
    let node = root
    for (const ch of stem) {
      let n = node.next.get(ch)
      if (!n) {
        n = newNode()
        node.next.set(ch, n)
      }
      node = n
    }
    node.entries ??= []
    const weights = (node.entries[mode] ??= [])
    addWeights(weights, d, w)
  }

  for (const d of domainIds) {
    const entries = data[d]
    for (const [k, w] of Object.entries(entries)) if (w > 0) add(k, d, w)
  }
  for (const k of data._stop) add(k, null, 0)

  const phrases = new Map<string, Phrase[]>()
  const prefixPhrases: Phrase[] = []
  for (const p of phraseMap.values()) {
    const first = p.words[0]
    if (!first) continue
    if (first.prefix) prefixPhrases.push(p)
    else {
      const list = phrases.get(first.s)
      if (list) list.push(p)
      else phrases.set(first.s, [p])
    }
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length)
  return { root, phrases, prefixPhrases }
}

interface Hit {
  weights: Weights
  /** Token index, for ranking ties: what is mentioned first is usually the subject. */
  pos: number
}

function phraseMatches(p: Phrase, tokens: Token[], i: number): boolean {
  for (let k = 0; k < p.words.length; k++) {
    const t = tokens[i + k]
    const w = p.words[k]
    if (!t || !w) return false
    if (k > 0 && t.brk === 2) return false
    if (w.prefix ? !t.norm.startsWith(w.s) : t.norm !== w.s) return false
  }
  return true
}

/** Leftmost-longest matches of the vocabulary inside one word. */
function matchWord(word: string, rules: DomainRules, pos: number, hits: Hit[]): void {
  const len = word.length
  let s = 0
  while (s < len) {
    let node: TrieNode | undefined = rules.root
    let bestEnd = -1
    let bestWeights: Weights | undefined
    for (let k = s; k < len && node; k++) {
      node = node.next.get(word.charAt(k))
      const e = node?.entries
      if (!e) continue
      const end = k + 1
      // Exact beats prefix beats anywhere, when they apply at this length.
      let w: Weights | undefined
      if (s === 0 && end === len && e[EXACT]) w = e[EXACT]
      else if (s === 0 && e[PREFIX]) w = e[PREFIX]
      else if (e[ANY]) w = e[ANY]
      if (w) {
        bestEnd = end
        bestWeights = w
      }
    }
    if (bestEnd > 0 && bestWeights) {
      if (bestWeights.length > 0) hits.push({ weights: bestWeights, pos })
      s = bestEnd
    } else {
      s++
    }
  }
}

export function scoreDomains(tokens: Token[], rules: DomainRules): DomainScore[] {
  const hits: Hit[] = []
  const used = new Uint8Array(tokens.length)
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (!t) continue
    const candidates = rules.phrases.get(t.norm)
    let matched: Phrase | undefined
    if (candidates) matched = candidates.find((p) => phraseMatches(p, tokens, i))
    if (!matched) matched = rules.prefixPhrases.find((p) => phraseMatches(p, tokens, i))
    if (matched) {
      if (matched.weights.length > 0) hits.push({ weights: matched.weights, pos: i })
      for (let k = 0; k < matched.words.length; k++) used[i + k] = 1
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (!t || used[i]) continue
    // Several tokens can come from one written word ("kben"); each is matched on its own.
    matchWord(t.norm, rules, i, hits)
  }
  if (hits.length === 0) return []
  const total = new Map<DomainId, number>()
  const firstPos = new Map<DomainId, number>()
  for (const h of hits) {
    for (const [d, w] of h.weights) {
      total.set(d, (total.get(d) ?? 0) + w)
      if (!firstPos.has(d)) firstPos.set(d, h.pos)
    }
  }
  let sum = 0
  for (const v of total.values()) sum += v
  const ranked = [...total.entries()].sort((a, b) => b[1] - a[1] || (firstPos.get(a[0]) ?? 0) - (firstPos.get(b[0]) ?? 0))
  return ranked.map(([id, v]) => ({ id, score: Math.round((v / sum) * 1000) / 1000 }))
}
