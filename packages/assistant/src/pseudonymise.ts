/**
 * Before any text leaves the server for a model, personal data is replaced by placeholders
 * such as [NAAM_1] or [TELEFOON_1]; the model's answer is restored with the same table.
 *
 * Detection works on spans of the original text (never on half-masked text). Overlapping finds
 * are joined into one span, so a name that overlaps an address (or any two detectors that
 * disagree) never loses its mask; the kind is that of the strongest detector (the client's own
 * names first). So `restore(mask(text)) === text` holds for every input. Text that already looks
 * like a placeholder is itself masked, so it cannot be confused with a real one.
 *
 * Restoring takes only the exact form "[NAAM_1]" that was handed out; anything else that looks
 * like a placeholder is for the output check to refuse (see `output-check.ts`).
 */
import { EXACT_TOKEN_RE, LABELS, LABEL_TO_KIND, NEAR_TOKEN_RE, NEAR_UPPER_RE, piiKinds, specialCategories } from './pii/kinds'
import type { PiiKind } from './pii/kinds'
import { numberCandidates } from './pii/numbers'
import { spansOf, type Candidate } from './pii/spans'
import { wordCandidates } from './pii/words'

export { piiKinds, specialCategories }
export type { PiiKind }

export interface DetectOptions {
  /** Names from the client's own data: their full name, their worker, network people. */
  names?: readonly string[]
  /** The client's organisation(s), e.g. "Stichting De Brug". */
  organisations?: readonly string[]
  /**
   * Values already found in an earlier text (with their kind): found again anywhere, in any case,
   * also in parts. A draft cut from an answer ("Ik wil jansen" after "dr. Jansen") keeps its mask.
   */
  seen?: ReadonlyArray<{ value: string; kind: PiiKind }>
}

export interface PiiSpan {
  start: number
  end: number
  kind: PiiKind
  value: string
}

function normaliseOptions(options: DetectOptions | readonly string[]): Required<DetectOptions> {
  if (Array.isArray(options)) return { names: options as readonly string[], organisations: [], seen: [] }
  const o = options as DetectOptions
  return { names: o.names ?? [], organisations: o.organisations ?? [], seen: o.seen ?? [] }
}

/** A seen value and its longer words (4+ letters or digits) as case-insensitive whole-word patterns. */
function seenCandidates(text: string, seen: ReadonlyArray<{ value: string; kind: PiiKind }>): Candidate[] {
  const out: Candidate[] = []
  const lower = text.toLowerCase()
  for (const { value, kind } of seen) {
    const parts = new Set([value.trim(), ...(value.match(/[\p{L}\p{N}]{4,}/gu) ?? [])].filter((p) => p.length >= 2).map((p) => p.toLowerCase()))
    for (const part of parts) {
      let from = 0
      for (;;) {
        const at = lower.indexOf(part, from)
        if (at < 0) break
        from = at + 1
        const before = text[at - 1] ?? ''
        const after = text[at + part.length] ?? ''
        if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue
        out.push({ start: at, end: at + part.length, kind, rank: 0 })
      }
    }
  }
  return out
}

/** All personal-data spans in a text, joined where they overlap, in text order. */
export function detectPii(text: string, options: DetectOptions | readonly string[] = []): PiiSpan[] {
  const { names, organisations, seen } = normaliseOptions(options)
  const candidates: Candidate[] = []
  for (const m of [...spansOf(NEAR_TOKEN_RE, text), ...spansOf(NEAR_UPPER_RE, text)]) {
    const label = /\p{L}+/u.exec(m.value)?.[0]?.toUpperCase() ?? 'NAAM'
    candidates.push({ start: m.start, end: m.end, kind: LABEL_TO_KIND.get(label) ?? 'name', rank: -1 })
  }
  candidates.push(...seenCandidates(text, seen), ...wordCandidates(text, { names, organisations }), ...numberCandidates(text))
  candidates.sort((a, b) => a.start - b.start || b.end - a.end)
  // Joined spans take the kind of their longest part (an e-mail address that holds a known name
  // stays an e-mail address), the strongest detector on a tie.
  const merged: Array<Candidate & { best: number }> = []
  for (const c of candidates) {
    const last = merged[merged.length - 1]
    const length = c.end - c.start
    if (last && c.start < last.end) {
      last.end = Math.max(last.end, c.end)
      if (length > last.best || (length === last.best && c.rank < last.rank)) {
        last.kind = c.kind
        last.rank = c.rank
        last.best = length
      }
    } else {
      merged.push({ ...c, best: length })
    }
  }
  return merged.map((s) => ({ start: s.start, end: s.end, kind: s.kind, value: text.slice(s.start, s.end) }))
}

export interface Pseudonymiser {
  /** Replaces personal data by placeholders. The same value always gets the same placeholder. */
  mask(text: string): string
  /** Puts the original values back for the exact placeholders handed out ("[NAAM_1]"), nothing else. */
  restore(text: string): string
  /** Exact placeholders in a text that this pseudonymiser never handed out (a model made them up). */
  unknownPlaceholders(text: string): string[]
  /** The text with every exact, known placeholder taken out (for the output check). */
  withoutKnownPlaceholders(text: string): string
  /** Kinds and placeholders handed out so far (no values). */
  replacements(): Array<{ placeholder: string; kind: PiiKind }>
}

export function createPseudonymiser(options: DetectOptions | readonly string[] = []): Pseudonymiser {
  const byValue = new Map<string, string>() // kind + value → placeholder
  const byPlaceholder = new Map<string, { value: string; kind: PiiKind }>() // "NAAM_1" → value
  const counters = new Map<PiiKind, number>()
  const known = normaliseOptions(options)

  const placeholderFor = (kind: PiiKind, value: string): string => {
    const key = `${kind}\u0000${value}`
    const existing = byValue.get(key)
    if (existing) return existing
    const n = (counters.get(kind) ?? 0) + 1
    counters.set(kind, n)
    const token = `${LABELS[kind]}_${n}`
    byValue.set(key, token)
    byPlaceholder.set(token, { value, kind })
    return token
  }

  return {
    mask(text) {
      let out = ''
      let at = 0
      // Everything masked so far is looked for again: the same person in a later text, in any case.
      const seen = [...byPlaceholder.values()].filter((v) => v.value.trim().length >= 2)
      for (const span of detectPii(text, { ...known, seen })) {
        out += text.slice(at, span.start) + `[${placeholderFor(span.kind, span.value)}]`
        at = span.end
      }
      return out + text.slice(at)
    },
    restore(text) {
      return text.replace(EXACT_TOKEN_RE, (match, label: string, num: string) => byPlaceholder.get(`${label}_${num}`)?.value ?? match)
    },
    unknownPlaceholders(text) {
      return [...text.matchAll(EXACT_TOKEN_RE)].map((m) => `${m[1] ?? ''}_${m[2] ?? ''}`).filter((token) => !byPlaceholder.has(token))
    },
    withoutKnownPlaceholders(text) {
      return text.replace(EXACT_TOKEN_RE, (match, label: string, num: string) => (byPlaceholder.has(`${label}_${num}`) ? ' ' : match))
    },
    replacements() {
      return [...byPlaceholder.entries()].map(([token, { kind }]) => ({ placeholder: `[${token}]`, kind }))
    },
  }
}

/** Kinds and how many of each were handed out: what the disclosure record keeps (never values). */
export function placeholderCounts(p: Pseudonymiser): Partial<Record<PiiKind, number>> {
  const counts: Partial<Record<PiiKind, number>> = {}
  for (const { kind } of p.replacements()) counts[kind] = (counts[kind] ?? 0) + 1
  return counts
}

/** One text: `{ text, restore }`. Use `createPseudonymiser` to mask several texts with one table. */
export function pseudonymise(
  text: string,
  options: DetectOptions | readonly string[] = [],
): { text: string; restore: (modelText: string) => string; replacements: Array<{ placeholder: string; kind: PiiKind }> } {
  const p = createPseudonymiser(options)
  const masked = p.mask(text)
  return { text: masked, restore: (modelText) => p.restore(modelText), replacements: p.replacements() }
}
