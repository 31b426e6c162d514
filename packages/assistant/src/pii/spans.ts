import type { PiiKind } from './kinds'

/** A stretch of the original text to mask. Lower `rank` wins the kind when spans overlap. */
export interface Candidate {
  start: number
  end: number
  kind: PiiKind
  rank: number
}

export const B = '(?<![\\p{L}\\p{N}])' // no letter or digit before
export const E = '(?![\\p{L}\\p{N}])' // no letter or digit after

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A list entry as a pattern: spaces and hyphens between its words match any spacing or hyphen. */
export function entryPattern(entry: string): string {
  return entry
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join("[\\s-]+")
}

/** One alternation, longest entries first (so "den haag" wins over "den"). */
export function alternation(entries: Iterable<string>): string {
  const unique = [...new Set([...entries].map((e) => e.trim().toLowerCase()).filter((e) => e.length >= 2))]
  unique.sort((a, b) => b.length - a.length)
  return unique.map(entryPattern).join('|')
}

export function* spansOf(re: RegExp, text: string, group = 0): Generator<{ start: number; end: number; value: string }> {
  re.lastIndex = 0
  for (const m of text.matchAll(re)) {
    const value = m[group]
    if (value === undefined || m.index === undefined || value.length === 0) continue
    const offset = group === 0 ? 0 : (m.indices?.[group]?.[0] ?? m.index + m[0].lastIndexOf(value)) - m.index
    const start = m.index + offset
    yield { start, end: start + value.length, value }
  }
}

/**
 * Makes a pattern source case-insensitive letter by letter ("ab" → "[aA][bB]"), so it can sit in a
 * case-sensitive regular expression beside `\p{Lu}` (which the `i` flag would make match any letter;
 * Node 20 has no inline `(?i:)`). Escapes and character classes are copied as they are.
 */
export function ci(source: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? ''
    if (ch === '\\') {
      const next = source[i + 1] ?? ''
      if ((next === 'p' || next === 'P') && source[i + 2] === '{') {
        const close = source.indexOf('}', i)
        out += source.slice(i, close + 1)
        i = close
      } else {
        out += ch + next
        i++
      }
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
      out += ch
      continue
    }
    if (ch === '[') {
      inClass = true
      out += ch
      continue
    }
    if (ch === '(' && source[i + 1] === '?') {
      // (?: (?= (?! (?<= (?<! : copy the group opener as it is.
      const m = /^\(\?(?:<[=!]|[:=!])/.exec(source.slice(i))
      if (m) {
        out += m[0]
        i += m[0].length - 1
        continue
      }
    }
    const lower = ch.toLowerCase()
    const upper = ch.toUpperCase()
    out += lower !== upper ? `[${lower}${upper}]` : ch
  }
  return out
}

/** A list as a case-insensitive alternation; `capital` entries must start with a capital. */
export function ciAlternation(entries: Iterable<string>, capital = false): string {
  const unique = [...new Set([...entries].map((e) => e.trim().toLowerCase()).filter((e) => e.length >= 2))]
  unique.sort((a, b) => b.length - a.length)
  return unique
    .map((e) => {
      const p = ci(entryPattern(e))
      if (!capital) return p
      const first = e.charAt(0)
      return first.toUpperCase() + p.slice(p.indexOf(']') + 1)
    })
    .join('|')
}
