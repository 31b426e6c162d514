// Turns messy phone writing into a list of normalised words that the rules can compare, while
// every word keeps the character span of what the client actually typed: feedback must be able
// to quote and highlight the client's own words, never our normalised version of them.

/** What separates a word from the one before it. Rules do not match across a sentence break. */
export const BREAK_NONE = 0
export const BREAK_COMMA = 1
export const BREAK_SENTENCE = 2
export type Break = typeof BREAK_NONE | typeof BREAK_COMMA | typeof BREAK_SENTENCE

export interface Token {
  /** Lower case, no accents, elongations and chat spelling resolved. */
  norm: string
  /** The original characters. */
  raw: string
  start: number
  end: number
  /** Separator before this token. */
  brk: Break
  /** Index of the written word it came from ("kben" gives two tokens with the same source). */
  src: number
}

export interface SpellingData {
  replace: Record<string, string>
  kVerbs: string[]
  verbIk: string[]
  fuzzy: string[]
}

export interface Normaliser {
  replace: Map<string, string[]>
  kVerbs: Set<string>
  verbIk: Set<string>
  /** Words we know, used to decide how far to shorten an elongation ("heeeel" -> heel, "leuuuk" -> leuk). */
  known: Set<string>
  /** Important words found even with one typing slip ("zelfmoort", "niemnad"). */
  fuzzy: string[]
}

export function compileSpelling(data: SpellingData, known: Iterable<string>): Normaliser {
  const replace = new Map<string, string[]>()
  for (const [from, to] of Object.entries(data.replace)) {
    replace.set(from, to.split(' ').filter(Boolean))
  }
  const knownSet = new Set<string>(known)
  for (const values of replace.values()) for (const v of values) knownSet.add(v)
  for (const f of data.fuzzy) knownSet.add(f)
  return { replace, kVerbs: new Set(data.kVerbs), verbIk: new Set(data.verbIk), known: knownSet, fuzzy: data.fuzzy }
}

// Letters, digits and combining marks, joined by apostrophes or hyphens ("m'n", "don't",
// "ex-partner", "blijf-van-mijn-lijfhuis"); or a leading apostrophe word ("'k", "'t"), also a
// contraction right after an opening quote (round 16: "'you'll regret it'" was read as "you" and
// "ll", so the quoted threat went unseen).
const WORD_RE = /[\p{L}\p{N}\p{M}]+(?:['’‘`´\-‐‑][\p{L}\p{N}\p{M}]+)*|['’‘`][\p{L}\p{M}]+(?:['’‘`´][\p{L}\p{N}\p{M}]+)*/gu
// A full stop, question mark or new line ends a sentence. In chat a dot without spaces
// ("ik.wil.dood"), an ellipsis or an emoji is a pause, not an end, so a rule may read across it.
const SENTENCE_GAP_RE = /[!?;:\n\r¡¿]|(?<!\.)\.(?!\.)(?=\s)|\s\.(?!\.)/u
const COMMA_GAP_RE = /[,()[\]{}"“”„/|•*–—.…]| - |\p{Extended_Pictographic}/u
const NON_ASCII_RE = /[^\x00-\x7f]/
const MARKS_RE = /\p{M}+/gu
const APOSTROPHES_RE = /[’‘`´]/g
const HYPHENS_RE = /[-‐‑]/g
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's' }
const HAS_DIGIT_RE = /\d/
const HAS_LETTER_RE = /[a-z]/
const RUN3_RE = /(.)\1{2,}/g

function stripAccents(s: string): string {
  if (!NON_ASCII_RE.test(s)) return s
  return s.normalize('NFD').replace(MARKS_RE, '').normalize('NFC')
}

/** "heeeel" -> "heel" or "hel", whichever we know; "ikkk" -> "ik". */
function collapseElongation(word: string, known: Set<string>): string {
  if (word.length < 3) return word
  RUN3_RE.lastIndex = 0
  if (!RUN3_RE.test(word)) return word
  const two = word.replace(RUN3_RE, '$1$1')
  if (known.has(two)) return two
  const one = word.replace(RUN3_RE, '$1')
  if (known.has(one)) return one
  // Doubled letters that chat adds to a known word ("ikk", "leuuk"): try undoubling each run.
  const undoubled = two.replace(/(.)\1/g, '$1')
  if (known.has(undoubled)) return undoubled
  return two
}

/** Letter-digit mixes such as "su1c1de" or "k1ll" are read as letters; plain numbers stay numbers. */
function deLeet(word: string): string {
  if (!HAS_DIGIT_RE.test(word) || !HAS_LETTER_RE.test(word)) return word
  let out = ''
  for (const ch of word) out += LEET[ch] ?? ch
  return out
}

// Normalising a word is the same every time, and phone writing repeats words a lot: remember
// results, but bounded, so that a long-running server does not grow without limit.
const CACHE_LIMIT = 20_000
const caches = new WeakMap<Normaliser, Map<string, string[]>>()

export function normaliseWord(raw: string, n: Normaliser): string[] {
  let cache = caches.get(n)
  if (!cache) {
    cache = new Map()
    caches.set(n, cache)
  }
  const hit = cache.get(raw)
  if (hit) return hit
  const result = normaliseUncached(raw, n)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(raw, result)
  return result
}

function normaliseUncached(raw: string, n: Normaliser): string[] {
  let w = raw.toLowerCase()
  w = stripAccents(w).replace(APOSTROPHES_RE, "'").replace(HYPHENS_RE, '')
  const leet = deLeet(w)
  if (leet !== w && (n.known.has(leet) || n.replace.has(leet))) w = leet
  const direct = n.replace.get(w)
  if (direct) return direct
  w = collapseElongation(w, n.known)
  const afterCollapse = n.replace.get(w)
  if (afterCollapse) return afterCollapse
  // Quotes around a word ("'niet'") come through as a leading apostrophe.
  if (w.startsWith("'")) {
    const bare = w.slice(1)
    const r = n.replace.get(bare)
    if (r) return r
    w = bare
  }
  if (w.endsWith("'")) w = w.slice(0, -1)
  // "kben", "k'heb": a k glued to a verb is the chat spelling of "ik".
  if (w.length > 2 && w[0] === 'k') {
    const rest = w[1] === "'" ? w.slice(2) : w.slice(1)
    if (n.kVerbs.has(rest) && !n.known.has(w)) return ['ik', rest]
  }
  // "kanik", "wilik": a verb glued to a following "ik".
  if (w.length > 3 && w.endsWith('ik')) {
    const verb = w.slice(0, -2)
    if (n.verbIk.has(verb)) return [verb, 'ik']
  }
  if (w.length >= 6 && !n.known.has(w)) {
    for (const target of n.fuzzy) if (oneSlipApart(w, target)) return [target]
  }
  return [w]
}

/** True when b is a with one letter missing, extra, wrong, or two neighbours swapped. */
export function oneSlipApart(a: string, b: string): boolean {
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > 1 || a === b) return false
  let i = 0
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2)
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/** Tokens of a text. Total: never throws, whatever the input. */
export function tokenize(text: string, n: Normaliser): Token[] {
  const tokens: Token[] = []
  let prevEnd = 0
  let src = 0
  WORD_RE.lastIndex = 0
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    let raw = m[0]
    let start = m.index
    const end = start + raw.length
    const gap = text.slice(prevEnd, start)
    let brk: Break = BREAK_NONE
    if (tokens.length > 0 && gap.length > 0) {
      if (SENTENCE_GAP_RE.test(gap)) brk = BREAK_SENTENCE
      else if (COMMA_GAP_RE.test(gap)) brk = BREAK_COMMA
    }
    prevEnd = end
    const parts = normaliseWord(raw, n)
    // A stripped opening quote must not be part of the span we highlight.
    if (/^['’‘`]/.test(raw) && parts.length === 1 && parts[0] !== undefined && !parts[0].startsWith("'")) {
      const lead = raw.length - raw.replace(/^['’‘`]+/, '').length
      if (parts[0] !== 'ik' && parts[0] !== 'het' && parts[0] !== 'des') {
        raw = raw.slice(lead)
        start += lead
      }
    }
    let first = true
    for (const norm of parts) {
      if (norm.length === 0) continue
      tokens.push({ norm, raw, start, end, brk: first ? brk : BREAK_NONE, src })
      first = false
    }
    src++
  }
  return tokens
}

/** Index of the first token of the sentence that contains token i. */
export function sentenceStart(tokens: Token[], i: number): number {
  let j = i
  while (j > 0 && tokens[j]?.brk !== BREAK_SENTENCE) j--
  return j
}
