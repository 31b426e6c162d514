// The crisis regression: every labelled crisis item in the repository must be found (recall 100 %),
// and the look-alikes must stay quiet (false alarms at most 5 %). A change to a word list, a rule,
// the normaliser, the classifier or its thresholds that misses one item fails here, inside
// `npm test`. The frozen blind set (eval/crisis-heldout.jsonl, see eval/HELDOUT.md) is never tuned
// on: until its misses are closed by general rules in a later round, it only holds a floor, so the
// screen can never get worse on text nobody tuned on.

import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { crisisKinds } from './types'
import { judge, loadCrisisSet, measure, recall, falseAlarmRate, type CrisisItem } from './screen/measure'

const evalDir = resolve(dirname(fileURLToPath(import.meta.url)), '../eval')
const MAX_FALSE_ALARMS = 0.05

const SETS = ['crisis-train.jsonl', 'crisis-validation.jsonl', 'crisis-probe2.jsonl', 'statements.jsonl', 'dev.jsonl'].filter((f) => existsSync(resolve(evalDir, f)))

/**
 * The frozen blind sets and their last blind measurement (eval/HELDOUT.md), held as floors: the
 * screen may only get better on them. Never tune on them; a new round is measured on a new blind set.
 */
const HELDOUT_FLOORS = [
  { file: 'crisis-heldout.jsonl', recall: 185 / 264, falseAlarms: 28 / 240 },
  { file: 'crisis-heldout-2.jsonl', recall: 179 / 304, falseAlarms: 43 / 285 },
  { file: 'crisis-heldout-3.jsonl', recall: 192 / 278, falseAlarms: 29 / 250 },
  { file: 'crisis-heldout-4.jsonl', recall: 193 / 285, falseAlarms: 28 / 262 },
]

/** Items the older sets mark as built to look like a crisis ("crisis trap: …"). */
function traps(file: string): Set<string> {
  const ids = new Set<string>()
  for (const line of readFileSync(resolve(evalDir, file), 'utf8').split('\n')) {
    if (!line.trim()) continue
    const o = JSON.parse(line) as { id: string; note?: string }
    if (o.note?.startsWith('crisis trap')) ids.add(o.id)
  }
  return ids
}

describe.each(SETS)('crisis regression on eval/%s', (file) => {
  const items = loadCrisisSet(resolve(evalDir, file))
  const report = measure(items)

  it('finds every crisis item (alarm or check-in)', () => {
    expect(report.misses.map((v) => `${v.item.id} [${v.item.crisis}] ${v.item.text}`)).toEqual([])
    expect(recall(report, 'combined')).toBe(1)
  })

  it('keeps false alarms on harmless items at most 5 %', () => {
    expect(falseAlarmRate(report, 'combined'), report.falseAlarms.map((v) => v.item.text).join('\n')).toBeLessThanOrEqual(MAX_FALSE_ALARMS)
  })

  it('keeps false alarms on the look-alike items at most 5 %', () => {
    const trapIds = traps(file)
    const lookalikes: CrisisItem[] = items.filter((i) => i.crisis === null && (file.startsWith('crisis-') || trapIds.has(i.id)))
    const loud = lookalikes.filter((i) => judge(i).detected.combined)
    expect(lookalikes.length).toBeGreaterThan(0)
    expect(loud.length / lookalikes.length, loud.map((i) => i.text).join('\n')).toBeLessThanOrEqual(MAX_FALSE_ALARMS)
  })
})

describe('crisis regression, the new development set', () => {
  it('has at least 600 crisis items over every kind and 600 look-alikes', () => {
    const all = [...loadCrisisSet(resolve(evalDir, 'crisis-train.jsonl')), ...loadCrisisSet(resolve(evalDir, 'crisis-validation.jsonl'))]
    expect(all.filter((i) => i.crisis !== null).length).toBeGreaterThanOrEqual(600)
    expect(all.filter((i) => i.crisis === null).length).toBeGreaterThanOrEqual(600)
    for (const k of crisisKinds) expect(all.filter((i) => i.crisis === k).length, k).toBeGreaterThanOrEqual(30)
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length)
  })
})

/**
 * Round 2's fresh probes (eval/README.md): each was written, measured once blind, and only then
 * used. Their misses are the wording nobody has a rule for yet; they hold a floor (counts found
 * and false alarms now), so a change can only close misses, never open new ones.
 */
const PROBE_FLOORS = [
  { file: 'crisis-probe3.jsonl', found: 40, positives: 42, falseAlarms: 0 },
  { file: 'crisis-probe4.jsonl', found: 29, positives: 34, falseAlarms: 0 },
  { file: 'crisis-probe5.jsonl', found: 31, positives: 31, falseAlarms: 0 },
  { file: 'crisis-probe6.jsonl', found: 29, positives: 30, falseAlarms: 0 },
  { file: 'crisis-probe7.jsonl', found: 27, positives: 27, falseAlarms: 0 },
  { file: 'crisis-probe8.jsonl', found: 25, positives: 27, falseAlarms: 2 },
]

describe.each(PROBE_FLOORS)('crisis regression on the fresh probe eval/$file', ({ file, found, positives, falseAlarms }) => {
  const items = loadCrisisSet(resolve(evalDir, file))
  const report = measure(items)
  const n = items.filter((i) => i.crisis !== null).length

  it('finds at least as many crisis items as now', () => {
    expect(n).toBe(positives)
    expect(Math.round(recall(report, 'combined') * n)).toBeGreaterThanOrEqual(found)
  })

  it('raises no more false alarms than now', () => {
    expect(report.falseAlarms.map((v) => v.item.text)).toHaveLength(falseAlarms)
  })
})

describe.each(HELDOUT_FLOORS)('crisis regression on the frozen blind set $file', (floor) => {
  const items = loadCrisisSet(resolve(evalDir, floor.file))
  const report = measure(items)

  it('finds at least as many crisis items as at its blind measurement', () => {
    expect(recall(report, 'combined')).toBeGreaterThanOrEqual(floor.recall)
  })

  it('raises no more false alarms than at its blind measurement', () => {
    expect(falseAlarmRate(report, 'combined')).toBeLessThanOrEqual(floor.falseAlarms)
  })
})
