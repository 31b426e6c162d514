// The shipped classifier on the probes (and other sets the round may read) under other
// thresholds, without retraining: for choosing thresholds beside the leave-one-set-out.
//   node --import tsx packages/language/scripts/grid-probes.ts eval/crisis-probe11.jsonl eval/crisis-probe12.jsonl
// GRID_VETO, GRID_SENTENCE, GRID_PAIR, GRID_CHECK_IN: comma-separated values to try.

import { resolve } from 'node:path'
import { lexicon } from '../src/lexicon'
import { tokenize } from '../src/tokenize'
import { screenCrisis } from '../src/crisis'
import { combine, crisisModel, screenParts } from '../src/screen/index'
import { loadCrisisSet } from '../src/screen/measure'
import type { Thresholds } from '../src/screen/classifier'
import { openSet, pkg } from './crisis-training'

const list = (name: string, fallback: string): number[] => (process.env[name] ?? fallback).split(',').map(Number)
const files = process.argv.slice(2)
const sets = files.map((file) => {
  if (/heldout/.test(file) && !openSet(file)) throw new Error(`${file}: a blind set is never measured here`)
  return loadCrisisSet(resolve(pkg, file)).map((item) => {
    const lex = lexicon(item.locale)
    return { item, phrase: screenCrisis(item.text, tokenize(item.text, lex.normaliser), lex.crisis).result, parts: screenParts(item.text) }
  })
})
const base = crisisModel().thresholds
for (const checkIn of list('GRID_CHECK_IN', String(base.checkIn)))
  for (const veto of list('GRID_VETO', String(base.veto ?? 0)))
    for (const sentence of list('GRID_SENTENCE', String(base.sentence ?? 2)))
      for (const pair of list('GRID_PAIR', String(base.pair ?? 2))) {
        const t: Thresholds = { ...base, checkIn, veto, sentence, pair }
        const cells = sets.map((set) => {
          let found = 0
          let pos = 0
          let fa = 0
          let neg = 0
          for (const s of set) {
            const hit = combine(s.item.text, s.phrase, s.parts, t).detected
            if (s.item.crisis === null) {
              neg++
              if (hit) fa++
            } else {
              pos++
              if (hit) found++
            }
          }
          return `${found}/${pos} fa ${fa}/${neg}`
        })
        console.log(`checkIn ${checkIn} veto ${veto} sentence ${sentence} pair ${pair}: ${cells.join(' | ')}`)
      }
