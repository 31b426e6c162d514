// Round 20: the shipped classifier's thresholds judged on writers the rules had not seen yet. Each
// development set is screened with the rules as they stood before it became a development set
// (data/crisis/rules.json of the commit given), so its misses are a new writer's misses again, and
// the check-in, pair and sentence thresholds are tried on it (as grid-probes.ts does).
//   node --import tsx packages/language/scripts/grid-before-crisis.ts 21:8ccda68 20:7e40106 19:7e40106 18:b03ab62
// GRID_CHECK_IN, GRID_PAIR, GRID_SENTENCE: comma-separated values to try. Development sets only.
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { lexicon } from '../src/lexicon'
import { tokenize } from '../src/tokenize'
import { screenCrisis } from '../src/crisis'
import { combine, crisisModel, screenParts, useComposedRules } from '../src/screen/index'
import { loadCrisisSet } from '../src/screen/measure'
import type { ComposedData } from '../src/screen/compose'
import type { Thresholds } from '../src/screen/classifier'
import { DEVELOPMENT_SETS, pkg } from './crisis-training'

const list = (name: string, fallback: string): number[] => (process.env[name] ?? fallback).split(',').map(Number)
const base = crisisModel().thresholds
const rows: string[] = []
for (const arg of process.argv.slice(2)) {
  const [set, commit] = arg.split(':')
  const file = `eval/crisis-heldout-${set}.jsonl`
  if (!DEVELOPMENT_SETS.includes(file)) throw new Error(`${file}: development sets only`)
  const rules = commit === 'now' ? undefined : (JSON.parse(execFileSync('git', ['show', `${commit}:packages/language/data/crisis/rules.json`], { cwd: pkg, encoding: 'utf8' })) as ComposedData)
  useComposedRules(rules)
  const items = loadCrisisSet(resolve(pkg, file)).map((item) => {
    const lex = lexicon(item.locale)
    return { item, phrase: screenCrisis(item.text, tokenize(item.text, lex.normaliser), lex.crisis).result, parts: screenParts(item.text) }
  })
  for (const checkIn of list('GRID_CHECK_IN', String(base.checkIn)))
    for (const pair of list('GRID_PAIR', String(base.pair ?? 2)))
      for (const sentence of list('GRID_SENTENCE', String(base.sentence ?? 2))) {
        const t: Thresholds = { ...base, checkIn, pair, sentence }
        let found = 0
        let fa = 0
        for (const s of items) {
          const hit = combine(s.item.text, s.phrase, s.parts, t).detected
          if (s.item.crisis === null) fa += hit ? 1 : 0
          else found += hit ? 1 : 0
        }
        rows.push(`set ${set} rules of ${commit} checkIn ${checkIn} pair ${pair} sentence ${sentence}: found ${found} fa ${fa}`)
      }
  useComposedRules()
}
console.log(rows.join('\n'))
