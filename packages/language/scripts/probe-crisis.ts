// Prints what the crisis screen makes of a few texts: the classifier's score, how many of the
// text's features it knows, and the combined outcome. For trying a change by hand; never for a
// blind set.
//   node --import tsx packages/language/scripts/probe-crisis.ts "peace and quiet" "xyzzy"
//   node --import tsx packages/language/scripts/probe-crisis.ts --file texts.txt   (one text a line)

import { readFileSync } from 'node:fs'
import { lexicon } from '../src/lexicon'
import { tokenize } from '../src/tokenize'
import { screenCrisis } from '../src/crisis'
import { combine, crisisModel, screenParts } from '../src/screen/index'
import { recognised } from '../src/screen/classifier'
import { crisisTokens, normalisedText } from '../src/screen/normalise'

const args = process.argv.slice(2)
const fileAt = args.indexOf('--file')
const texts = fileAt >= 0 ? readFileSync(args[fileAt + 1] ?? '', 'utf8').split('\n').filter((l) => l.trim() !== '') : args
const t = crisisModel().thresholds
console.log(`thresholds ${JSON.stringify(t)}; empty text ${crisisModel() && screenParts('').probability.toFixed(3)}`)
for (const text of texts) {
  const lex = lexicon('nl')
  const phrase = screenCrisis(text, tokenize(text, lex.normaliser), lex.crisis).result
  const parts = screenParts(text)
  const out = combine(text, phrase, parts)
  const known = recognised(crisisModel(), normalisedText(crisisTokens(text)))
  console.log(`${parts.probability.toFixed(3)} known ${String(known).padStart(3)} rules ${parts.hits.length} ${out.detected ? `${out.level} ${out.kind}` : '-'}  ${text}`)
}
