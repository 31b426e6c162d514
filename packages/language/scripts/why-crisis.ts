// Round 14: every item of the open sets named on the command line (never a blind set), with what
// raised the combined screen's outcome: the phrase lists, which rules (after the stand-downs), the
// classifier alone, the sentence windows; and the classifier's scores. JSON lines on stdout.
//   node --import tsx packages/language/scripts/why-crisis.ts eval/crisis-heldout-14.jsonl … > /tmp/why.jsonl
import { resolve } from 'node:path'
import { lexicon } from '../src/lexicon'
import { tokenize } from '../src/tokenize'
import { screenCrisis } from '../src/crisis'
import { loadCrisisSet } from '../src/screen/measure'
import { combine, explainWith, screenParts, type Why } from '../src/screen/index'
import { openSet, pkg } from './crisis-training'

for (const f of process.argv.slice(2)) {
  if (/heldout/.test(f) && !openSet(f)) throw new Error(`${f} is blind`)
  for (const item of loadCrisisSet(resolve(pkg, f))) {
    const lex = lexicon(item.locale)
    const phrase = screenCrisis(item.text, tokenize(item.text, lex.normaliser), lex.crisis).result
    const parts = screenParts(item.text)
    let why: Why | null = null
    explainWith((w) => (why = w))
    const out = combine(item.text, phrase, parts)
    explainWith(null)
    console.log(JSON.stringify({ set: f, id: item.id, crisis: item.crisis, text: item.text, level: out.level, why, raw: parts.hits.map((h) => `${h.rule}:${h.level}`), p: +parts.probability.toFixed(4), known: parts.known, sentence: +parts.sentence.crisis.toFixed(3), pair: +parts.pair.crisis.toFixed(3), idiom: parts.scan.idiom }))
  }
}
