// Measures the crisis screen on labelled sets the round may look at (probes, training sets):
// found / false alarms for the rules alone, the classifier alone and combined, per kind.
//   node --import tsx packages/language/scripts/measure-crisis.ts eval/crisis-probe12.jsonl [--misses]
// Refuses a blind set that is neither training nor development data (crisis-training.ts, MEASURED_SETS, DEVELOPMENT_SETS).

import { resolve } from 'node:path'
import { crisisKinds } from '../src/types'
import { loadCrisisSet, measure, recall, falseAlarmRate } from '../src/screen/measure'
import { openSet, pkg } from './crisis-training'

const args = process.argv.slice(2)
for (const file of args.filter((a) => !a.startsWith('--'))) {
  if (/heldout/.test(file) && !openSet(file)) throw new Error(`${file}: a blind set is never measured here`)
  const items = loadCrisisSet(resolve(pkg, file))
  const started = process.cpuUsage()
  const r = measure(items)
  const cpu = process.cpuUsage(started)
  const pos = items.filter((i) => i.crisis !== null).length
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`
  console.log(`${file}: found ${pos - r.misses.length} / ${pos}, false alarms ${r.falseAlarms.length} / ${r.negatives.n} (${pct(r.falseAlarms.length / Math.max(1, r.negatives.n))}); rules alone ${pct(recall(r, 'rules'))} / ${pct(falseAlarmRate(r, 'rules'))}, classifier alone ${pct(recall(r, 'classifier'))} / ${pct(falseAlarmRate(r, 'classifier'))}; ${((cpu.user + cpu.system) / 1000 / items.length).toFixed(2)} ms CPU a text`)
  console.log(`  ${crisisKinds.map((k) => `${k} ${r.positives[k].found.combined}/${r.positives[k].n}`).join(', ')}`)
  if (args.includes('--misses')) {
    for (const v of r.misses) console.log(`    MISS [${v.item.crisis ?? ''}] ${v.item.id} ${v.item.text}`)
    for (const v of r.falseAlarms) console.log(`    FALSE ${v.level ?? ''} [${v.kind ?? ''}] ${v.item.id} ${v.item.text}`)
  }
}
