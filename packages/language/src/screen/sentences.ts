// Where a crisis screen's word hits sit in a text: sentences and their clauses, names of places
// (De Brug is a shelter, not a bridge), and hits combined within a window of words. compose.ts
// reads the rules of data/crisis/rules.json against these.

import { BREAK_COMMA, BREAK_SENTENCE, type Token } from '../tokenize'

/** One concept found in the text: its first and last token and the words it used. */
export interface Hit {
  concept: string
  first: number
  last: number
  words: number[]
}

const NAME_LEADS = new Set(['de', 'het', 'in', 'bij', 'naar', 'uit', 'van', 'op', 'aan', 'the', 'at', 'cafe', 'huis', 'inloophuis'])

/**
 * A capitalised word inside a sentence after an article or preposition is the name of a place or
 * an organisation ("ik slaap in De Brug", "inloophuis Het Touw"): it is not a means. Text in
 * capitals only ("IK WIL DOOD") has no names.
 */
export function nameTokens(tokens: Token[]): { names: Set<number>; strict: Set<number> } {
  const names = new Set<number>()
  const strict = new Set<number>()
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]
    const prev = tokens[i - 1]
    if (!t || !prev || t.brk === BREAK_SENTENCE) continue
    const c = t.raw.charAt(0)
    if (c === c.toLowerCase() || t.raw === t.raw.toUpperCase()) continue
    if (!NAME_LEADS.has(prev.norm) && !names.has(i - 1)) continue
    names.add(i)
    const lead = prev.raw.charAt(0)
    if (names.has(i - 1) || lead !== lead.toLowerCase()) strict.add(i)
  }
  return { names, strict }
}

export interface Sentence {
  start: number
  end: number
  hits: Map<string, Hit[]>
}

export function sentences(tokens: Token[], hits: Hit[]): Sentence[] {
  const list: Sentence[] = []
  let start = 0
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]?.brk === BREAK_SENTENCE) {
      list.push({ start, end: i, hits: new Map() })
      start = i
    }
  }
  // Hits come in text order, so one pass places them.
  const sorted = [...hits].sort((a, b) => a.first - b.first)
  let k = 0
  for (const h of sorted) {
    while (k < list.length && h.first >= (list[k]?.end ?? 0)) k++
    const s = list[k]
    if (!s) break
    const arr = s.hits.get(h.concept)
    if (arr) arr.push(h)
    else s.hits.set(h.concept, [h])
  }
  return list
}

/** The part of the sentence between commas (or "maar"/"but") around a token. */
export function clause(tokens: Token[], i: number, s: Sentence): [number, number] {
  let a = i
  while (a > s.start && tokens[a]?.brk !== BREAK_COMMA && !CLAUSE_WORDS.has(tokens[a - 1]?.norm ?? '')) a--
  let b = i
  while (b + 1 < s.end && tokens[b + 1]?.brk !== BREAK_COMMA && !CLAUSE_WORDS.has(tokens[b + 1]?.norm ?? '')) b++
  return [a, b]
}

const CLAUSE_WORDS = new Set(['maar', 'but', 'nu', 'now', 'inmiddels', 'sindsdien', 'tegenwoordig', 'nowadays'])

/** Index of the first hit that starts at or after `from` (the lists are in text order). */
function lowerBound(list: Hit[], from: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((list[mid]?.first ?? 0) < from) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Finds one hit per concept (in order when asked) within the window, no two sharing a word.
 * After the first hit only the hits near it are tried, so a long text full of signal words
 * stays fast.
 */
export function combine(need: string[], s: Sentence, window: number, ordered: boolean): Hit[] | null {
  const lists = need.map((c) => s.hits.get(c) ?? [])
  if (lists.some((l) => l.length === 0)) return null
  const chosen: Hit[] = []
  const used = new Set<number>()
  const go = (k: number): boolean => {
    if (k === need.length) return true
    const list = lists[k] ?? []
    const anchor = chosen[0]
    const startAt = anchor ? lowerBound(list, anchor.first - window) : 0
    for (let i = startAt; i < list.length; i++) {
      const h = list[i]
      if (!h) continue
      if (anchor && h.first > anchor.first + window) break
      if (chosen.includes(h) || h.words.some((w) => used.has(w))) continue
      const prev = chosen[chosen.length - 1]
      if (ordered && prev && h.first <= prev.last) continue
      let first = h.first
      let last = h.last
      for (const c of chosen) {
        first = Math.min(first, c.first)
        last = Math.max(last, c.last)
      }
      if (last - first > window) continue
      chosen.push(h)
      for (const w of h.words) used.add(w)
      if (go(k + 1)) return true
      chosen.pop()
      for (const w of h.words) used.delete(w)
    }
    return false
  }
  return go(0) ? chosen : null
}

export function within(list: Hit[] | undefined, a: number, b: number): boolean {
  return (list ?? []).some((h) => h.first >= a && h.last <= b)
}
