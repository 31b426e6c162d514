// The crisis screen on every labelled set: recall per kind and false alarms for the rules alone,
// the classifier alone and both combined, the misses and the false alarms of the combined screen.
//
//   npm run bench:crisis                      the labelled sets in eval/ (sets 1-15 included, never a blind set)
//   npm run bench:crisis -- eval/dev.jsonl    one set
//   npm run bench:crisis -- --show 40         list more misses and false alarms
//   npm run bench:crisis -- --split dev eval/crisis-round3.jsonl   one split of a set that has one
//   npm run bench:crisis -- --time eval/crisis-heldout.jsonl   also the screen's time per text (phrase lists and screen, as analyze runs them)

import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crisisKinds } from '../src/types'
import { falseAlarmRate, loadCrisisSet, measure, readers, recall, type CrisisItem, type Report } from '../src/screen/measure'
import { lexicon } from '../src/lexicon'
import { tokenize } from '../src/tokenize'
import { screenCrisis } from '../src/crisis'
import { screenCrisisText } from '../src/screen'
import { openSet } from '../scripts/crisis-training'

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SETS = ['eval/crisis-heldout-2.jsonl', 'eval/crisis-heldout-3.jsonl', 'eval/crisis-heldout-4.jsonl', 'eval/crisis-heldout-5.jsonl', 'eval/crisis-heldout-6.jsonl', 'eval/crisis-heldout-7.jsonl', 'eval/crisis-heldout-8.jsonl', 'eval/crisis-heldout-9.jsonl', 'eval/crisis-heldout-10.jsonl', 'eval/crisis-heldout-11.jsonl', 'eval/crisis-heldout-12.jsonl', 'eval/crisis-heldout-13.jsonl', 'eval/crisis-heldout-14.jsonl', 'eval/crisis-heldout-15.jsonl', 'eval/crisis-heldout-16.jsonl', 'eval/crisis-heldout-17.jsonl', 'eval/crisis-round3.jsonl', 'eval/crisis-validation.jsonl', 'eval/crisis-train.jsonl', 'eval/crisis-probe2.jsonl', 'eval/crisis-probe3.jsonl', 'eval/crisis-probe4.jsonl', 'eval/crisis-probe5.jsonl', 'eval/crisis-probe6.jsonl', 'eval/crisis-probe7.jsonl', 'eval/crisis-probe8.jsonl', 'eval/crisis-probe9.jsonl', 'eval/crisis-probe10.jsonl', 'eval/crisis-probe11.jsonl', 'eval/crisis-probe12.jsonl', 'eval/crisis-probe13.jsonl', 'eval/crisis-probe14.jsonl', 'eval/crisis-probe15.jsonl', 'eval/crisis-probe17.jsonl', 'eval/statements.jsonl', 'eval/dev.jsonl', 'eval/crisis-heldout.jsonl']

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`.padStart(8)

function print(name: string, r: Report, show: number): void {
  console.log(`\n## ${name}`)
  console.log(`${'kind'.padEnd(16)}${'n'.padStart(5)}${readers.map((x) => x.padStart(12)).join('')}`)
  for (const k of crisisKinds) {
    const row = r.positives[k]
    if (row.n === 0) continue
    console.log(`${k.padEnd(16)}${String(row.n).padStart(5)}${readers.map((x) => `${row.found[x]} ${pct(row.found[x] / row.n)}`.padStart(12)).join('')}`)
  }
  const n = crisisKinds.reduce((a, k) => a + r.positives[k].n, 0)
  console.log(`${'recall'.padEnd(16)}${String(n).padStart(5)}${readers.map((x) => pct(recall(r, x)).padStart(12)).join('')}`)
  console.log(`${'false alarms'.padEnd(16)}${String(r.negatives.n).padStart(5)}${readers.map((x) => `${r.negatives.falseAlarms[x]} ${pct(falseAlarmRate(r, x))}`.padStart(12)).join('')}`)
  console.log(`combined: ${r.alarms}/${n} positives as alarm, ${r.kindRight}/${n} with the labelled kind first; ${r.negatives.checkIns} false alarms are check-ins`)
  for (const v of r.misses.slice(0, show)) console.log(`  MISS ${v.item.id} [${v.item.crisis}/${v.item.kind ?? ''}] ${v.item.text}`)
  for (const v of r.falseAlarms.slice(0, show)) console.log(`  FALSE ${v.item.id} [${v.level} ${v.kind}] ${v.item.text}`)
}

const showAt = process.argv.indexOf('--show')
const show = showAt >= 0 ? Number(process.argv[showAt + 1]) : 15
const splitAt = process.argv.indexOf('--split')
const split = splitAt >= 0 ? process.argv[splitAt + 1] : undefined
const explicit = process.argv.slice(2).filter((a, i, all) => !['--show', '--split', '--time'].includes(a) && !['--show', '--split'].includes(all[i - 1] ?? ''))
const t0 = performance.now()
for (const set of explicit.length > 0 ? explicit : SETS) {
  const path = resolve(pkg, set)
  if (!existsSync(path)) continue
  const items = loadCrisisSet(path).filter((i) => split === undefined || i.split === split)
  // A blind set (the integrator's, once after a round) is measured as a whole, never read item by
  // item: its misses are never printed. Sets 1-8 are training data since rounds 5-9
  // (scripts/crisis-training.ts, MEASURED_SETS), sets 9-12 development data since round 12
  // (DEVELOPMENT_SETS), so theirs are.
  const blind = /heldout/.test(set) && !openSet(set)
  print(split ? `${set} (${split})` : set, measure(items), blind ? 0 : show)
}
console.log(`\n${((performance.now() - t0) / 1000).toFixed(1)} s`)

/** The screen alone (as analyze runs it), five passes after a warm one: the best pass, per text. */
function timePerText(items: CrisisItem[]): number {
  const once = (): number => {
    const start = performance.now()
    for (const item of items) {
      const lex = lexicon(item.locale)
      screenCrisisText(item.text, screenCrisis(item.text, tokenize(item.text, lex.normaliser), lex.crisis).result)
    }
    return (performance.now() - start) / items.length
  }
  once()
  return Math.min(...Array.from({ length: 5 }, once))
}

if (process.argv.includes('--time')) {
  const items = (explicit.length > 0 ? explicit : SETS).filter((set) => existsSync(resolve(pkg, set))).flatMap((set) => loadCrisisSet(resolve(pkg, set)))
  console.log(`time per text: ${(timePerText(items) * 1000).toFixed(0)} µs over ${items.length} texts`)
}
