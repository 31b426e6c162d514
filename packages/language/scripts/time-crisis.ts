// CPU time of the whole analyser (analyze(), the crisis screen included) on texts of 2,000
// characters: 30 built from set 3's items (dense with risk words, many sentences) and 30 of
// random words and dots (the property test's kind). Best of five passes, CPU time, not wall clock:
// on a shared machine the wall clock says more about the neighbours than about the screen.
//   nice -n 19 node --import tsx packages/language/scripts/time-crisis.ts

import { resolve } from 'node:path'
import { analyze } from '../src/analyze'
import { loadCrisisSet } from '../src/screen/measure'
import { pkg, rng } from './crisis-training'

const items = loadCrisisSet(resolve(pkg, 'eval/crisis-heldout-3.jsonl'))
const r = rng(42)
const dense: string[] = []
for (let n = 0; n < 30; n++) {
  let s = ''
  while (s.length < 2000) s += `${items[Math.floor(r() * items.length)]?.text ?? ''} `
  dense.push(s.slice(0, 2000))
}
// The property test's hardest kind: a dot every few letters, so a few hundred "sentences".
const letters = ['a', 'b', ' ', 'e', 'k', "'", '-', '.', 'i']
const random: string[] = []
for (let n = 0; n < 30; n++) {
  let s = ''
  while (s.length < 2000) s += letters[Math.floor(r() * letters.length)] ?? ''
  random.push(s.slice(0, 2000))
}
analyze('warm up', { locale: 'nl' })
for (const [name, texts] of [['set 3, 2,000 characters', dense], ['random, 2,000 characters', random]] as const) {
  let best = Infinity
  let worst = 0
  for (let pass = 0; pass < 5; pass++) {
    const t0 = process.cpuUsage()
    for (const [i, t] of texts.entries()) {
      const one = process.cpuUsage()
      analyze(t, { locale: i % 2 === 0 ? 'nl' : 'en' })
      const c = process.cpuUsage(one)
      worst = Math.max(worst, (c.user + c.system) / 1000)
    }
    const c = process.cpuUsage(t0)
    best = Math.min(best, (c.user + c.system) / 1000 / texts.length)
  }
  console.log(`${name}: best pass ${best.toFixed(1)} ms CPU a text, slowest single text ${worst.toFixed(1)} ms`)
}
