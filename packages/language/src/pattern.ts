// A tiny pattern language over normalised tokens, so that workers can read and extend the rules
// in the data files without reading regular expressions. See data/README.md for the syntax:
//   word      the word itself            word*   starts with       *word   ends with
//   *word*    contains                   a|b     either            (a|b)   optional word
//   ?         any one word               ..      up to 3 words     ...     up to 6 words
//   $         end of the sentence        ^       start of the sentence
//   {a b|c}   one of several word sequences; an empty choice ({a b|}) makes it optional
// A pattern never matches across a sentence break.

import { BREAK_SENTENCE, type Token } from './tokenize'

const EXACT = 0
const PREFIX = 1
const SUFFIX = 2
const CONTAINS = 3
type Mode = typeof EXACT | typeof PREFIX | typeof SUFFIX | typeof CONTAINS

interface Alt {
  mode: Mode
  s: string
}

type Elem =
  | { kind: 'lit'; alts: Alt[]; optional: boolean }
  | { kind: 'group'; seqs: Alt[][][] }
  | { kind: 'gap'; max: number }
  | { kind: 'any' }
  | { kind: 'end' }
  | { kind: 'start' }

export interface Pattern<T> {
  source: string
  elems: Elem[]
  value: T
  /** Word choices that must all occur somewhere in the text: a cheap test before matching. */
  required: string[][]
  /** Memo of that test for the sentence being matched (see PatternSet.matchAll). */
  seen: number
  possible: boolean
  /** The token at which this pattern was last tried (see PatternSet.matchAll), so no list is searched. */
  tried: number
}

export interface PatternMatch<T> {
  pattern: Pattern<T>
  /** First and last token index of the match (inclusive). */
  first: number
  last: number
  /** Token indices matched by words (not by gaps or ?). */
  words: number[]
}

function parseAlt(s: string): Alt {
  const pre = s.startsWith('*')
  const post = s.endsWith('*') && s.length > 1
  const core = s.slice(pre ? 1 : 0, post ? -1 : undefined)
  if (pre && post) return { mode: CONTAINS, s: core }
  if (pre) return { mode: SUFFIX, s: core }
  if (post) return { mode: PREFIX, s: core }
  return { mode: EXACT, s: core }
}

/** Splits on spaces outside {…} groups. */
function splitParts(source: string): string[] {
  const parts: string[] = []
  let cur = ''
  let depth = 0
  for (const ch of source) {
    if (ch === '{') depth++
    if (ch === '}') depth = Math.max(0, depth - 1)
    if (/\s/.test(ch) && depth === 0) {
      if (cur !== '') parts.push(cur)
      cur = ''
    } else cur += ch
  }
  if (cur !== '') parts.push(cur)
  return parts
}

export function parsePattern<T>(source: string, value: T): Pattern<T> {
  const elems: Elem[] = []
  for (const part of splitParts(source.trim().toLowerCase())) {
    if (part.startsWith('{') && part.endsWith('}')) {
      const seqs = part
        .slice(1, -1)
        .split('|')
        .map((seq) => seq.trim().split(/\s+/).filter(Boolean).map((w) => w.split('/').map(parseAlt)))
      elems.push({ kind: 'group', seqs })
    } else if (part === '..') elems.push({ kind: 'gap', max: 3 })
    else if (part === '...') elems.push({ kind: 'gap', max: 6 })
    else if (part === '?') elems.push({ kind: 'any' })
    else if (part === '$') elems.push({ kind: 'end' })
    else if (part === '^') elems.push({ kind: 'start' })
    else {
      const optional = part.startsWith('(') && part.endsWith(')')
      const body = optional ? part.slice(1, -1) : part
      elems.push({ kind: 'lit', alts: body.split('|').filter(Boolean).map(parseAlt), optional })
    }
  }
  const required: string[][] = []
  for (const e of elems) {
    if (e.kind === 'lit' && !e.optional && e.alts.every((a) => a.mode === EXACT)) required.push(e.alts.map((a) => a.s))
    if (e.kind === 'group' && e.seqs.every((seq) => seq[0]?.every((a) => a.mode === EXACT))) {
      required.push(e.seqs.flatMap((seq) => (seq[0] ?? []).map((a) => a.s)))
    }
  }
  return { source, elems, value, required, seen: -1, possible: true, tried: -1 }
}

function mayMatch<T>(p: Pattern<T>, present: Set<string>): boolean {
  for (const alts of p.required) {
    let any = false
    for (const w of alts) {
      if (present.has(w)) {
        any = true
        break
      }
    }
    if (!any) return false
  }
  return true
}

function altMatches(a: Alt, w: string): boolean {
  switch (a.mode) {
    case EXACT:
      return w === a.s
    case PREFIX:
      return w.startsWith(a.s)
    case SUFFIX:
      return w.endsWith(a.s)
    default:
      return w.includes(a.s)
  }
}

function litMatches(alts: Alt[], w: string): boolean {
  for (const a of alts) if (altMatches(a, w)) return true
  return false
}

/**
 * Tries to match elems[ei..] at token ti; `limit` is the index one past the last token of the
 * sentence. Returns the index of the last matched token + 1, or -1.
 */
function matchFrom(elems: Elem[], ei: number, tokens: Token[], ti: number, limit: number, words: number[], sentStart: number): number {
  if (ei === elems.length) return ti
  const e = elems[ei]
  if (e === undefined) return ti
  switch (e.kind) {
    case 'end':
      return ti === limit ? matchFrom(elems, ei + 1, tokens, ti, limit, words, sentStart) : -1
    case 'start':
      return ti === sentStart ? matchFrom(elems, ei + 1, tokens, ti, limit, words, sentStart) : -1
    case 'any':
      return ti < limit ? matchFrom(elems, ei + 1, tokens, ti + 1, limit, words, sentStart) : -1
    case 'gap': {
      // Only try the gap lengths after which the next word can match.
      const next = elems[ei + 1]
      const nextLit = next?.kind === 'lit' && !next.optional ? next.alts : null
      for (let k = 0; k <= e.max && ti + k <= limit; k++) {
        if (nextLit) {
          const t = tokens[ti + k]
          if (ti + k >= limit || !t || !litMatches(nextLit, t.norm)) continue
        }
        const r = matchFrom(elems, ei + 1, tokens, ti + k, limit, words, sentStart)
        if (r >= 0) return r
      }
      return -1
    }
    case 'group': {
      for (const seq of e.seqs) {
        const mark = words.length
        let ok = true
        for (let k = 0; k < seq.length; k++) {
          const t = tokens[ti + k]
          const alts = seq[k]
          if (ti + k >= limit || !t || !alts || !litMatches(alts, t.norm)) {
            ok = false
            break
          }
          words.push(ti + k)
        }
        if (ok) {
          const r = matchFrom(elems, ei + 1, tokens, ti + seq.length, limit, words, sentStart)
          if (r >= 0) return r
        }
        words.length = mark
      }
      return -1
    }
    case 'lit': {
      const t = tokens[ti]
      if (ti < limit && t !== undefined && litMatches(e.alts, t.norm)) {
        words.push(ti)
        const r = matchFrom(elems, ei + 1, tokens, ti + 1, limit, words, sentStart)
        if (r >= 0) return r
        words.pop()
      }
      if (e.optional) return matchFrom(elems, ei + 1, tokens, ti, limit, words, sentStart)
      return -1
    }
  }
}

interface FirstKeys {
  exact: string[]
  prefixes: string[]
}

/** The words or word starts a pattern can begin with, or null when it can begin with anything. */
function firstKeys(e: Elem | undefined): FirstKeys | null {
  const out: FirstKeys = { exact: [], prefixes: [] }
  const addAlts = (alts: Alt[]): boolean => {
    for (const a of alts) {
      if (a.mode === EXACT) out.exact.push(a.s)
      else if (a.mode === PREFIX && a.s.length > 0) out.prefixes.push(a.s)
      else return false
    }
    return true
  }
  if (e?.kind === 'lit' && !e.optional) return addAlts(e.alts) ? out : null
  if (e?.kind === 'group') {
    for (const seq of e.seqs) {
      const alts = seq[0]
      if (!alts || !addAlts(alts)) return null
    }
    return out
  }
  return null
}

/**
 * A set of patterns indexed by how they begin (a word, or the first letter of a word start),
 * so that matching stays fast with hundreds of rules.
 */
export class PatternSet<T> {
  private readonly byWord = new Map<string, Pattern<T>[]>()
  private readonly byLetter = new Map<string, Pattern<T>[]>()
  private readonly general: Pattern<T>[] = []
  readonly size: number

  constructor(patterns: Pattern<T>[]) {
    this.size = patterns.length
    const push = (map: Map<string, Pattern<T>[]>, key: string, p: Pattern<T>): void => {
      const list = map.get(key)
      if (!list) map.set(key, [p])
      else if (!list.includes(p)) list.push(p)
    }
    for (const p of patterns) {
      const keys = firstKeys(p.elems[0])
      if (!keys) {
        this.general.push(p)
        continue
      }
      for (const w of keys.exact) push(this.byWord, w, p)
      for (const pre of keys.prefixes) push(this.byLetter, pre.charAt(0), p)
    }
  }

  /** All matches, at most one per pattern and start token, in text order. */
  matchAll(tokens: Token[]): PatternMatch<T>[] {
    const out: PatternMatch<T>[] = []
    for (const { start: i, limit, present } of sentencesOf(tokens)) {
      // One sentence at a time: a pattern whose required words are not in the sentence is skipped.
      const stamp = ++sentenceStamp
      for (let k = i; k < limit; k++) {
        const t = tokens[k]
        if (t === undefined) continue
        const at = ++tokenStamp
        const byWord = this.byWord.get(t.norm)
        const byLetter = this.byLetter.get(t.norm.charAt(0))
        if (byWord) this.tryAll(byWord, tokens, k, limit, i, out, at, present, stamp)
        if (byLetter) this.tryAll(byLetter, tokens, k, limit, i, out, at, present, stamp)
        if (this.general.length > 0) this.tryAll(this.general, tokens, k, limit, i, out, at, present, stamp)
      }
    }
    return out
  }

  private tryAll(
    list: Pattern<T>[],
    tokens: Token[],
    i: number,
    limit: number,
    sentStart: number,
    out: PatternMatch<T>[],
    at: number,
    present: Set<string>,
    stamp: number,
  ): void {
    for (const p of list) {
      // A pattern in both indexes is tried once per token.
      if (p.tried === at) continue
      p.tried = at
      if (p.seen !== stamp) {
        p.seen = stamp
        p.possible = mayMatch(p, present)
      }
      if (!p.possible) continue
      const m = matchPatternAt(p, tokens, i, limit, sentStart)
      if (m) out.push(m)
    }
  }
}

// Counts sentences matched, so that a pattern can remember its quick test for one sentence.
let sentenceStamp = 0
// Counts tokens matched, so that a pattern found through two indexes is tried only once there.
let tokenStamp = 0

interface Sentence {
  start: number
  limit: number
  present: Set<string>
}

// Every rule set looks at the same tokens; split them into sentences once per analysis.
const sentenceCache = new WeakMap<Token[], Sentence[]>()

function sentencesOf(tokens: Token[]): Sentence[] {
  let list = sentenceCache.get(tokens)
  if (list) return list
  list = []
  let i = 0
  while (i < tokens.length) {
    const limit = sentenceEnd(tokens, i)
    const present = new Set<string>()
    for (let k = i; k < limit; k++) present.add(tokens[k]?.norm ?? '')
    list.push({ start: i, limit, present })
    i = limit
  }
  sentenceCache.set(tokens, list)
  return list
}

/** Matches one pattern starting at token i; limit and sentStart bound its sentence. */
export function matchPatternAt<T>(p: Pattern<T>, tokens: Token[], i: number, limit?: number, sentStart?: number): PatternMatch<T> | null {
  let lim = limit
  let start = sentStart
  if (lim === undefined || start === undefined) {
    let a = i
    while (a > 0 && tokens[a]?.brk !== BREAK_SENTENCE) a--
    start = a
    lim = sentenceEnd(tokens, i)
  }
  const words: number[] = []
  const end = matchFrom(p.elems, 0, tokens, i, lim, words, start)
  if (end < 0) return null
  return { pattern: p, first: i, last: Math.max(i, end - 1), words }
}

export function sentenceEnd(tokens: Token[], from: number): number {
  let j = from + 1
  while (j < tokens.length && tokens[j]?.brk !== BREAK_SENTENCE) j++
  return j
}
