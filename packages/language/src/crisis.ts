// The local safety screen. Recall comes first (a false alarm costs one gentle extra screen, a
// miss can cost a life), so it works on its own patterns and never on the negation rules:
// "ik wil niet meer leven" must be caught however the negation logic evolves.

import type { CrisisKind, Span } from './types'
import { parsePattern, PatternSet } from './pattern'
import { BREAK_NONE, type Token } from './tokenize'

export interface CrisisData {
  suicide: string[]
  self_harm: string[]
  violence: string[]
  idioms: string[]
  past: string[]
  resolved: string[]
  still: string[]
}

export interface CrisisRules {
  patterns: PatternSet<CrisisKind>
  idioms: PatternSet<true>
  past: PatternSet<true>
  resolved: PatternSet<true>
  still: PatternSet<true>
}

export interface CrisisResult {
  detected: boolean
  kind: CrisisKind | null
  /** What set it off, in the original text (for the worker view and tests, never shown as feedback). */
  evidence?: Span & { text: string }
}

/** The screen plus what it saw, also harm that lies in the past; used to place the statement. */
export interface CrisisScreen {
  result: CrisisResult
  /** Kind of the strongest signal, including past harm that did not raise an alarm. */
  topicKind: CrisisKind | null
  first: number
  last: number
}

export function compileCrisis(d: CrisisData): CrisisRules {
  const patterns = [
    ...d.suicide.map((p) => parsePattern(p, 'suicide' as const)),
    ...d.self_harm.map((p) => parsePattern(p, 'self_harm' as const)),
    ...d.violence.map((p) => parsePattern(p, 'violence' as const)),
  ]
  const set = (list: string[]): PatternSet<true> => new PatternSet(list.map((p) => parsePattern(p, true as const)))
  return { patterns: new PatternSet(patterns), idioms: set(d.idioms), past: set(d.past), resolved: set(d.resolved), still: set(d.still) }
}

/** The part of the sentence around token i: commas and "maar"/"but" separate what was from what is. */
function segment(tokens: Token[], first: number, last: number): [number, number] {
  let a = first
  while (a > 0 && (tokens[a]?.brk ?? 0) === BREAK_NONE && !SEGMENT_WORDS.has(tokens[a - 1]?.norm ?? '')) a--
  let b = last
  while (b + 1 < tokens.length && (tokens[b + 1]?.brk ?? 0) === BREAK_NONE && !SEGMENT_WORDS.has(tokens[b + 1]?.norm ?? '')) b++
  return [a, b]
}

const SEGMENT_WORDS = new Set(['maar', 'but', 'nu', 'now', 'inmiddels', 'sindsdien', 'tegenwoordig', 'nowadays'])

// When one text matches several kinds, the most urgent help comes first.
const PRIORITY: Record<CrisisKind, number> = { suicide: 0, self_harm: 1, overdose: 2, harm_to_others: 3, child_safety: 4, violence: 5 }

/**
 * Past harm that the client has worked through ("vroeger sneed ik mezelf, nu ga ik hardlopen")
 * is a strength story, not an acute signal. It needs a past marker in the same part of the
 * sentence, a marker of change somewhere, and nothing that says it still happens.
 */
interface PastMarkers {
  past: { first: number; last: number }[]
  resolvedAndNotStill: boolean
}

function pastMarkers(tokens: Token[], rules: CrisisRules): PastMarkers {
  const past = rules.past.matchAll(tokens).map((m) => ({ first: m.first, last: m.last }))
  if (past.length === 0) return { past, resolvedAndNotStill: false }
  const resolvedAndNotStill = rules.still.matchAll(tokens).length === 0 && rules.resolved.matchAll(tokens).length > 0
  return { past, resolvedAndNotStill }
}

/**
 * Past harm that the client has worked through ("vroeger sneed ik mezelf, nu ga ik hardlopen")
 * is a strength story, not an acute signal. It needs a past marker in the same part of the
 * sentence, a marker of change somewhere, and nothing that says it still happens.
 */
function isResolvedPast(tokens: Token[], first: number, last: number, markers: PastMarkers): boolean {
  if (!markers.resolvedAndNotStill) return false
  const [a, b] = segment(tokens, first, last)
  return markers.past.some((m) => m.first >= a && m.last <= b)
}

export function screenCrisis(text: string, tokens: Token[], rules: CrisisRules): CrisisScreen {
  const none: CrisisScreen = { result: { detected: false, kind: null }, topicKind: null, first: -1, last: -1 }
  const matches = rules.patterns.matchAll(tokens)
  if (matches.length === 0) return none
  const harmless = new Set<number>()
  for (const im of rules.idioms.matchAll(tokens)) for (const w of im.words) harmless.add(w)
  let best: (typeof matches)[number] | null = null
  let past: (typeof matches)[number] | null = null
  const markers = pastMarkers(tokens, rules)
  for (const m of matches) {
    if (m.words.some((w) => harmless.has(w))) continue
    if (isResolvedPast(tokens, m.first, m.last, markers)) {
      if (past === null || PRIORITY[m.pattern.value] < PRIORITY[past.pattern.value]) past = m
      continue
    }
    if (best === null || PRIORITY[m.pattern.value] < PRIORITY[best.pattern.value]) best = m
  }
  if (best === null) {
    return past ? { ...none, topicKind: past.pattern.value, first: past.first, last: past.last } : none
  }
  const first = tokens[best.first]
  const last = tokens[best.last]
  const kind = best.pattern.value
  const result: CrisisResult =
    first && last ? { detected: true, kind, evidence: { start: first.start, end: last.end, text: text.slice(first.start, last.end) } } : { detected: true, kind }
  return { result, topicKind: kind, first: best.first, last: best.last }
}
