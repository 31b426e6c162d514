// Round 13: the screen on every open labelled set (training, development, probes), item by item,
// against a saved run: which crisis texts are found or lost, which look-alikes ask or are quiet now.
//   node --import tsx packages/language/scripts/diff-crisis.ts --save /tmp/before.json
//   node --import tsx packages/language/scripts/diff-crisis.ts --against /tmp/before.json
// Never a blind set: only sets that openSet (crisis-training.ts) accepts, and the probes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadCrisisSet, measure } from '../src/screen/measure'
import { DEVELOPMENT_SETS, MEASURED_SETS, pkg } from './crisis-training'

const PROBES = ['eval/crisis-probe2.jsonl', 'eval/crisis-probe3.jsonl', 'eval/crisis-probe4.jsonl', 'eval/crisis-probe5.jsonl', 'eval/crisis-probe6.jsonl', 'eval/crisis-probe7.jsonl', 'eval/crisis-probe8.jsonl', 'eval/crisis-probe9.jsonl', 'eval/crisis-probe10.jsonl', 'eval/crisis-probe11.jsonl', 'eval/crisis-probe12.jsonl', 'eval/crisis-probe13.jsonl', 'eval/crisis-probe14.jsonl', 'eval/crisis-probe15.jsonl', 'eval/crisis-probe17.jsonl', 'eval/crisis-round3.jsonl', 'eval/crisis-train.jsonl', 'eval/crisis-validation.jsonl', 'eval/crisis-battery.jsonl', 'eval/statements.jsonl', 'eval/dev.jsonl', 'eval/everyday-long.jsonl', 'eval/everyday-short.jsonl']
const files = [...MEASURED_SETS, ...DEVELOPMENT_SETS, ...PROBES].filter((f) => existsSync(resolve(pkg, f)))
const out: Record<string, { t: string; c: string | null; hit: boolean; level: string }> = {}
const summary: string[] = []
for (const f of files) {
  const items = loadCrisisSet(resolve(pkg, f))
  const r = measure(items)
  const missed = new Set(r.misses.map((v) => v.item))
  const fa = new Map(r.falseAlarms.map((v) => [v.item, v.level ?? '']))
  const pos = items.filter((i) => i.crisis !== null).length
  summary.push(`${f.replace('eval/', '')}: ${pos - r.misses.length}/${pos}, fa ${r.falseAlarms.length}/${r.negatives.n} (check-ins ${r.negatives.checkIns})`)
  for (const it of items) out[`${f}#${it.id}`] = { t: it.text, c: it.crisis, hit: it.crisis === null ? fa.has(it) : !missed.has(it), level: fa.get(it) ?? '' }
}
const i = process.argv.indexOf('--save')
if (i > 0) writeFileSync(process.argv[i + 1] ?? '/tmp/crisis-run.json', JSON.stringify(out))
console.log(summary.join('\n'))
const j = process.argv.indexOf('--against')
if (j > 0) {
  const before = JSON.parse(readFileSync(process.argv[j + 1] ?? '', 'utf8')) as typeof out
  for (const [k, v] of Object.entries(out)) {
    const b = before[k]
    if (!b || b.hit === v.hit) continue
    const what = v.c === null ? (v.hit ? `NEW FALSE ${v.level}` : 'quiet now') : v.hit ? 'FOUND now' : 'LOST'
    console.log(`  ${what.padEnd(16)} ${k.replace('eval/', '')} [${v.c ?? '-'}] ${v.t.slice(0, 220)}`)
  }
}
