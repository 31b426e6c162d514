// The crisis screen reads phone writing in either language, so it normalises first, with one
// bilingual table: clients mix Dutch and English in one sentence ("ik wil gwn unalive fr"), and
// a signal must not depend on which locale the page happened to be in. Every token keeps the span
// of what the client typed, so the worker view can show the client's own words.

import { compileSpelling, tokenize, type Normaliser, type SpellingData, type Token } from '../tokenize'
import { lexicon } from '../lexicon'
import nlSpelling from '../../data/nl/spelling.json'
import enSpelling from '../../data/en/spelling.json'
import chat from '../../data/crisis/normalise.json'

export interface CrisisNormaliseData {
  /** Chat spelling, slang and slips that matter for the screen, in both languages. */
  replace: Record<string, string>
  /** Words also found with one typing slip. */
  fuzzy: string[]
  /** Short words that glued writing ("ikwilnietmeerleven") is split into. */
  glue: string[]
  /** First parts that make a two-part split trustworthy ("ikwil", "wildood" is not split). */
  glueHeads: string[]
}

export interface CrisisNormaliser {
  spelling: Normaliser
  glue: Set<string>
  glueHeads: Set<string>
  known: Set<string>
}

function build(data: CrisisNormaliseData): CrisisNormaliser {
  // Dutch wins over English where both map a word, the screen's own table wins over both.
  const replace = { ...enSpelling.replace, ...nlSpelling.replace, ...data.replace } as Record<string, string>
  const known = new Set<string>([...lexicon('nl').normaliser.known, ...lexicon('en').normaliser.known, ...data.glue, ...data.fuzzy])
  const spelling: SpellingData = {
    replace,
    kVerbs: nlSpelling.kVerbs,
    verbIk: nlSpelling.verbIk,
    fuzzy: [...new Set([...nlSpelling.fuzzy, ...enSpelling.fuzzy, ...data.fuzzy])],
  }
  return { spelling: compileSpelling(spelling, known), glue: new Set(data.glue), glueHeads: new Set(data.glueHeads), known }
}

let cached: CrisisNormaliser | null = null

export function crisisNormaliser(): CrisisNormaliser {
  cached ??= build(chat as CrisisNormaliseData)
  return cached
}

/**
 * Splits a glued word into known short words ("ikwilnietmeerleven" -> ik wil niet meer leven).
 * Fewest parts wins. A split into two parts is only trusted after a head word (ik, wil, i ...),
 * so that ordinary compounds ("doodmoe", "zelfhulp") stay whole.
 */
const PLAIN_RE = /^[a-z]+$/

export function splitGlued(word: string, n: CrisisNormaliser): string[] | null {
  if (word.length < 5 || word.length > 40 || !PLAIN_RE.test(word) || n.known.has(word)) return null
  const best: (string[] | null)[] = new Array<string[] | null>(word.length + 1).fill(null)
  best[0] = []
  for (let i = 0; i < word.length; i++) {
    const prev = best[i]
    if (!prev) continue
    // "i" and chat "k" (ik) are the words of a single letter, and only at the start ("iwanttodie",
    // "kwilnietmeer").
    for (let j = i === 0 && (word[0] === 'i' || word[0] === 'k') ? 1 : i + 2; j <= Math.min(word.length, i + 12); j++) {
      const raw = word.slice(i, j)
      // A dropped final n inside glued writing too ("kwilnietmeerleve").
      const part = raw === 'k' ? 'ik' : n.glue.has(raw) || raw.length < 4 || !raw.endsWith('e') ? raw : `${raw}n`
      if (!n.glue.has(part)) continue
      const cand = [...prev, part]
      const cur = best[j]
      if (!cur || cand.length < cur.length) best[j] = cand
    }
  }
  const parts = best[word.length]
  if (!parts || parts.length < 2) return null
  if (parts.length === 2 && !n.glueHeads.has(parts[0] ?? '')) return null
  // Chat "k" only in a longer glued run: "kleven" is a word, not "ik leven".
  if (word[0] === 'k' && parts[0] === 'ik' && !word.startsWith('ik') && parts.length < 3) return null
  return parts
}

/** Spoken Dutch drops the final n ("leve", "plege", "ophange"): restore it when that gives a word we know. */
function restoreFinalN(word: string, n: CrisisNormaliser): string {
  if (word.length >= 4 && word.endsWith('e') && !n.known.has(word) && n.known.has(`${word}n`)) return `${word}n`
  return word
}

// 😂 🤣 😆 😹 are two UTF-16 units each; with the spaces around it the replacement is longer, so
// only the emoji itself is replaced by "xd" (two units) to keep every span exact.
const LAUGH_RE = /\u{1F602}|\u{1F923}|\u{1F606}|\u{1F639}/gu
const OTHER_SCRIPT_RE = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+/gu

/** Tokens of a text for the crisis screen. Total: never throws, whatever the input. */
export function crisisTokens(text: string): Token[] {
  const n = crisisNormaliser()
  const out: Token[] = []
  // A time ("23:10") or a colon before quoted words ("hij zei: ik maak je af") is no sentence
  // end for the screen. Same length, so every span still points at what the client typed.
  // Words in other scripts carry no Dutch or English signal: blank them (same length) so that
  // random or foreign text costs nothing.
  const prepared = text
    .replace(/(\d):(\d)/g, '$1.$2')
    .replace(/:(?=\s)/g, ',')
    .replace(OTHER_SCRIPT_RE, (m) => ' '.repeat(m.length))
    // A laughing emoji is a word for the screen ("ik ben zo dood 😂" is a joke): "xd", same length.
    .replace(LAUGH_RE, 'xd')
  for (const t of tokenize(prepared, n.spelling)) {
    const parts = splitGlued(t.norm, n)
    if (parts) {
      parts.forEach((p, i) => out.push({ ...t, norm: p, brk: i === 0 ? t.brk : 0 }))
      continue
    }
    const fixed = restoreFinalN(t.norm, n)
    out.push(fixed === t.norm ? t : { ...t, norm: fixed })
  }
  return out
}

/** The normalised text as one string, sentence breaks as " | ": the classifier's input. */
export function normalisedText(tokens: Token[]): string {
  let s = ''
  for (const t of tokens) {
    if (s !== '') s += t.brk === 2 ? ' | ' : ' '
    s += t.norm
  }
  return s
}
