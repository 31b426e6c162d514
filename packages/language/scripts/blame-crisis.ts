// Round 16: which reader raises each false alarm (and which part found each crisis text) on the open
// sets: the phrase lists, a composed rule (by id), the classifier on the whole text, or one of its
// sentence windows (a sentence alone, two neighbouring sentences). For each flagged text the script
// also says which single reader, taken away, leaves it quiet (`alone`), so the biggest source of false
// alarms can be attacked first. Never a blind set (openSet, crisis-training.ts).
//   node --import tsx packages/language/scripts/blame-crisis.ts eval/crisis-heldout-16.jsonl [--fa] [--miss] [--found]
//   node --import tsx packages/language/scripts/blame-crisis.ts --dev --fa        (sets 9-17, summary and false alarms)

import { resolve } from 'node:path'
import { lexicon } from '../src/lexicon'
import { tokenize } from '../src/tokenize'
import { screenCrisis } from '../src/crisis'
import { combine, crisisModel, keptPhrase, screenParts, type PhraseResult, type ScreenParts } from '../src/screen/index'
import { loadCrisisSet, type CrisisItem } from '../src/screen/measure'
import { DEVELOPMENT_SETS, openSet, pkg } from './crisis-training'

const args = process.argv.slice(2)
const files = args.includes('--dev') ? DEVELOPMENT_SETS : args.filter((a) => !a.startsWith('--'))
const NONE = { crisis: 0, kind: 'suicide' as const, known: 0 }
const QUIET: PhraseResult = { detected: false, kind: null }

/** The readers of one flagged text, and the ones whose removal alone leaves it quiet. */
function blame(item: CrisisItem): { level: string | null; sources: string[]; alone: string[]; detail: string } {
  const lex = lexicon(item.locale)
  const phrase = screenCrisis(item.text, tokenize(item.text, lex.normaliser), lex.crisis).result
  const parts = screenParts(item.text)
  const out = combine(item.text, phrase, parts)
  const without = (p: PhraseResult, q: ScreenParts): boolean => combine(item.text, p, q).detected
  const t = crisisModel().thresholds
  const sources: string[] = []
  const alone: string[] = []
  if (keptPhrase(phrase, parts).detected) sources.push(`phrase(${phrase.evidence?.text ?? ''})`)
  for (const h of parts.hits) sources.push(`rule:${h.rule}/${h.level}`)
  if (parts.probability >= t.checkIn && parts.known >= t.minKnown) sources.push(`model ${parts.probability.toFixed(2)}`)
  if (parts.sentence.crisis >= (t.sentence ?? 2)) sources.push(`sentence ${parts.sentence.crisis.toFixed(2)}`)
  if (parts.pair.crisis >= (t.pair ?? 2)) sources.push(`pair ${parts.pair.crisis.toFixed(2)}`)
  if (out.detected) {
    if (phrase.detected && !without(QUIET, parts)) alone.push('phrase')
    if (parts.hits.length > 0 && !without(phrase, { ...parts, hits: [] })) alone.push('rules')
    if (!without(phrase, { ...parts, sentence: NONE, pair: NONE })) alone.push('windows')
    if (!without(phrase, { ...parts, probability: 0, known: 0 })) alone.push('model')
  }
  const detail = `p ${parts.probability.toFixed(2)} known ${parts.known} sent ${parts.sentence.crisis.toFixed(2)} pair ${parts.pair.crisis.toFixed(2)}`
  return { level: out.level, sources, alone, detail }
}

const total = new Map<string, number>()
for (const file of files) {
  if (/heldout/.test(file) && !openSet(file)) throw new Error(`${file}: a blind set is never read here`)
  const items = loadCrisisSet(resolve(pkg, file))
  const per = new Map<string, number>()
  for (const item of items) {
    const b = blame(item)
    const flagged = b.level !== null
    const fa = item.crisis === null && flagged
    const miss = item.crisis !== null && !flagged
    if (fa) {
      const key = b.alone.length === 1 ? b.alone[0]! : b.alone.length === 0 ? 'several' : `any of ${b.alone.join('+')}`
      per.set(key, (per.get(key) ?? 0) + 1)
      total.set(key, (total.get(key) ?? 0) + 1)
    }
    const show = (fa && args.includes('--fa')) || (miss && args.includes('--miss')) || (item.crisis !== null && flagged && args.includes('--found'))
    if (show) console.log(`${fa ? 'FA' : miss ? 'MISS' : 'FOUND'} ${item.id} ${b.level ?? '-'} [${item.crisis ?? '-'}] {${b.sources.join(', ')}} alone:${b.alone.join('+') || '-'} ${b.detail}\n    ${item.text}`)
  }
  console.log(`${file}: false alarms by the reader that alone raises them: ${[...per].map(([k, v]) => `${k} ${v}`).join(', ')}`)
}
if (files.length > 1) console.log(`all: ${[...total].map(([k, v]) => `${k} ${v}`).join(', ')}`)
