// The integrator's count of a blind set, for its two measurements (before and after a round,
// eval/HELDOUT.md): found and false alarms per kind, focus, voice and language, for the combined
// screen, the rules alone and the classifier alone. Counts only: no text, id or verdict of any item
// is printed, so nobody learns a blind set's items from it. A round's engineer never runs it (nor
// anything else) on the blind set: that set is hidden in the round's worktree.
//   node --import tsx packages/language/scripts/count-crisis.ts eval/crisis-heldout-22.jsonl
// (`npm run bench:crisis -- eval/… --show 0` gives the per-kind table beside it.)
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { judge, loadCrisisSet, type Verdict } from '../src/screen/measure'
import { pkg } from './crisis-training'

const file = process.argv[2]
if (!file) throw new Error('Name a set: eval/crisis-heldout-N.jsonl')
const path = resolve(pkg, file)
// The focus and voice fields of the newer blind sets (loadCrisisSet keeps only what the screen needs).
const fields = new Map<string, { focus?: string; voice?: string }>()
for (const line of readFileSync(path, 'utf8').split('\n')) {
  if (line.trim() === '') continue
  const item = JSON.parse(line) as { id: string; focus?: string; voice?: string }
  fields.set(item.id, item)
}

interface Row { crisis: number; found: number; lookAlikes: number; falseAlarms: number; checkIns: number; rules: number; rulesFalse: number; classifier: number; classifierFalse: number }
const rows = new Map<string, Row>()
function count(key: string, isCrisis: boolean, verdict: Verdict): void {
  const row = rows.get(key) ?? { crisis: 0, found: 0, lookAlikes: 0, falseAlarms: 0, checkIns: 0, rules: 0, rulesFalse: 0, classifier: 0, classifierFalse: 0 }
  const { combined, rules, classifier } = verdict.detected
  if (isCrisis) {
    row.crisis++
    row.found += Number(combined)
    row.rules += Number(rules)
    row.classifier += Number(classifier)
  } else {
    row.lookAlikes++
    row.falseAlarms += Number(combined)
    row.checkIns += Number(combined && verdict.level === 'check_in')
    row.rulesFalse += Number(rules)
    row.classifierFalse += Number(classifier)
  }
  rows.set(key, row)
}

for (const item of loadCrisisSet(path)) {
  const verdict = judge(item)
  const isCrisis = item.crisis !== null
  const extra = fields.get(item.id)
  const keys = ['all', `locale ${item.locale}`, ...(isCrisis ? [`kind ${item.crisis}`] : [])]
  if (extra?.focus) keys.push(`focus ${extra.focus}`)
  if (extra?.voice) keys.push(`voice ${extra.voice}`)
  for (const key of keys) count(key, isCrisis, verdict)
}

console.table(
  [...rows].sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b))).map(([group, r]) => ({
    group,
    found: `${r.found} / ${r.crisis}`,
    'false alarms': r.lookAlikes > 0 ? `${r.falseAlarms} / ${r.lookAlikes} (${r.checkIns} check-ins)` : '',
    'rules alone': `${r.rules}${r.lookAlikes > 0 ? `, ${r.rulesFalse} false` : ''}`,
    'classifier alone': `${r.classifier}${r.lookAlikes > 0 ? `, ${r.classifierFalse} false` : ''}`,
  })),
)
