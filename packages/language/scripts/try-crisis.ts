// Round 18: one or more texts (arguments, or one per line on stdin) through the whole screen, with
// the normalised words, the concepts found, the composed rules that fired and the classifier's
// scores: for writing a rule and seeing why a text is quiet or asks. Reads no set.
//   node --import tsx packages/language/scripts/try-crisis.ts "ik heb afscheid genomen van mn moeder"
import { readFileSync } from 'node:fs'
import { lexicon } from '../src/lexicon'
import { tokenize } from '../src/tokenize'
import { screenCrisis } from '../src/crisis'
import { combine, screenParts } from '../src/screen/index'

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const texts = args.length > 0 ? args : readFileSync(0, 'utf8').split('\n').filter((l) => l.trim() !== '')
for (const text of texts) {
  const lex = lexicon('nl')
  const phrase = screenCrisis(text, tokenize(text, lex.normaliser), lex.crisis).result
  const parts = screenParts(text)
  const out = combine(text, phrase, parts)
  const words = parts.tokens.map((t) => t.norm).join(' ')
  const concepts = parts.scan.sentences.flatMap((s) => [...s.hits.keys()])
  console.log(`${out.level ?? 'quiet'} ${out.kinds.join(',')} | ${text}`)
  console.log(`   words: ${words}`)
  console.log(`   concepts: ${[...new Set(concepts)].join(' ')}`)
  console.log(`   rules: ${parts.hits.map((h) => `${h.rule}/${h.level}`).join(' ')} phrase: ${phrase.detected ? phrase.evidence?.text : '-'} model ${parts.probability.toFixed(2)} known ${parts.known} sent ${parts.sentence.crisis.toFixed(2)} pair ${parts.pair.crisis.toFixed(2)}`)
}
