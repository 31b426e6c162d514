// Round 14: the screen with a fold model (scripts/loso-crisis.ts, LOSO_CACHE) on the set it left
// out, item by item, with the stand-downs named in FOLD_OFF switched off and on: which crisis texts
// and look-alikes change. Only training sets (MEASURED_SETS) have fold models; never a blind set.
//   node --import tsx packages/language/scripts/fold-diff-crisis.ts /tmp/loso/crisis-heldout-8-….json eval/crisis-heldout-8.jsonl
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { lexicon } from '../src/lexicon'
import { tokenize } from '../src/tokenize'
import { screenCrisis } from '../src/crisis'
import { loadModel, type StoredModel } from '../src/screen/classifier'
import { combine, screenParts, standDownsOff, type StandDown } from '../src/screen/index'
import { loadCrisisSet } from '../src/screen/measure'
import { MEASURED_SETS, MIN_KNOWN, pkg, ROUND5 } from './crisis-training'

const [modelPath = '', set = ''] = process.argv.slice(2)
if (!MEASURED_SETS.includes(set)) throw new Error('a measured set only')
const m = loadModel(JSON.parse(readFileSync(modelPath, 'utf8')) as StoredModel)
const t = { ...ROUND5, minKnown: MIN_KNOWN }
const off = (process.env['FOLD_OFF'] ?? 'phrase-alone,pair-alone').split(',') as StandDown[]
for (const item of loadCrisisSet(resolve(pkg, set))) {
  const lex = lexicon(item.locale)
  const phrase = screenCrisis(item.text, tokenize(item.text, lex.normaliser), lex.crisis).result
  const parts = screenParts(item.text, m)
  const on = combine(item.text, phrase, parts, t).detected
  for (const s of off) standDownsOff.add(s)
  const without = combine(item.text, phrase, parts, t).detected
  standDownsOff.clear()
  if (on !== without) console.log(`${item.crisis === null ? (on ? 'NEW FALSE' : 'quiet now') : on ? 'FOUND now' : 'LOST'} ${item.id} p ${parts.probability.toFixed(4)} pair ${parts.pair.crisis.toFixed(3)} sentence ${parts.sentence.crisis.toFixed(3)} [${item.crisis ?? '-'}] ${item.text.slice(0, 300)}`)
}
