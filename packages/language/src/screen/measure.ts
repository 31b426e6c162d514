// Measures the crisis screen on a labelled set: recall per kind and false alarms, for the rules
// alone, the classifier alone and the two combined. Used by the regression test
// (crisis.regression.test.ts) and by `npm run bench:crisis`. Not part of the package's exports.

import { readFileSync } from 'node:fs'
import { crisisKinds, type CrisisKind, type Locale } from '../types'
import { lexicon } from '../lexicon'
import { tokenize } from '../tokenize'
import { screenCrisis } from '../crisis'
import { combine, crisisModel, keptPhrase, screenParts } from '.'

export interface CrisisItem {
  id: string
  text: string
  locale: Locale
  crisis: CrisisKind | null
  kind?: string
  /** Round 3's own set: `train` (rules and classifier may learn from it) or `dev` (measured only). */
  split?: 'train' | 'dev'
}

/** Reads a JSON-lines file; the older sets use the same `crisis` field (or null). */
export function loadCrisisSet(path: string): CrisisItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const o = JSON.parse(l) as Partial<CrisisItem>
      if (typeof o.id !== 'string' || typeof o.text !== 'string') throw new Error(`${path}: a line without id or text`)
      const crisis = o.crisis ?? null
      if (crisis !== null && !(crisisKinds as readonly string[]).includes(crisis)) throw new Error(`${path}: ${o.id} has unknown crisis "${String(crisis)}"`)
      const item: CrisisItem = { id: o.id, text: o.text, locale: o.locale === 'en' ? 'en' : 'nl', crisis, kind: o.kind }
      if (o.split === 'train' || o.split === 'dev') item.split = o.split
      return item
    })
}

export type Reader = 'rules' | 'classifier' | 'combined'
export const readers: Reader[] = ['rules', 'classifier', 'combined']

export interface Verdict {
  item: CrisisItem
  detected: Record<Reader, boolean>
  /** Level and kind of the combined screen. */
  level: 'alarm' | 'check_in' | null
  kind: CrisisKind | null
}

export function judge(item: CrisisItem): Verdict {
  const lex = lexicon(item.locale)
  const phrase = screenCrisis(item.text, tokenize(item.text, lex.normaliser), lex.crisis).result
  const parts = screenParts(item.text)
  const all = combine(item.text, phrase, parts)
  return {
    item,
    detected: { rules: keptPhrase(phrase, parts).detected || parts.hits.length > 0, classifier: parts.probability >= crisisModel().thresholds.checkIn && parts.known >= crisisModel().thresholds.minKnown, combined: all.detected },
    level: all.level,
    kind: all.kind,
  }
}

export interface KindRow {
  n: number
  found: Record<Reader, number>
}

export interface Report {
  positives: Record<CrisisKind, KindRow>
  negatives: { n: number; falseAlarms: Record<Reader, number>; checkIns: number }
  /** Combined screen: positives whose first kind is the labelled one. */
  kindRight: number
  alarms: number
  misses: Verdict[]
  falseAlarms: Verdict[]
}

function emptyReport(): Report {
  const zero = (): Record<Reader, number> => ({ rules: 0, classifier: 0, combined: 0 })
  const positives = Object.fromEntries(crisisKinds.map((k) => [k, { n: 0, found: zero() }])) as Record<CrisisKind, KindRow>
  return { positives, negatives: { n: 0, falseAlarms: zero(), checkIns: 0 }, kindRight: 0, alarms: 0, misses: [], falseAlarms: [] }
}

function count(report: Report, item: CrisisItem, v: Verdict): void {
  if (item.crisis === null) {
    const negatives = report.negatives
    negatives.n++
    for (const r of readers) if (v.detected[r]) negatives.falseAlarms[r]++
    if (v.level === 'check_in') negatives.checkIns++
    if (v.detected.combined) report.falseAlarms.push(v)
    return
  }
  const row = report.positives[item.crisis]
  row.n++
  for (const r of readers) if (v.detected[r]) row.found[r]++
  if (v.kind === item.crisis) report.kindRight++
  if (v.level === 'alarm') report.alarms++
  if (!v.detected.combined) report.misses.push(v)
}

export function measure(items: CrisisItem[]): Report {
  const report = emptyReport()
  for (const item of items) count(report, item, judge(item))
  return report
}

/**
 * The same as `measure`, giving the event loop a turn every few items. The regression test screens
 * thousands of texts; done in one synchronous stretch, a busy machine can hold a Vitest worker for
 * over a minute, and Vitest then fails the run with "Timeout calling onTaskUpdate" (its 60 s RPC
 * limit), although every test passed.
 */
export async function measureInSteps(items: CrisisItem[], step = 16): Promise<Report> {
  const report = emptyReport()
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    count(report, item, judge(item))
    if (i % step === step - 1) await new Promise((resolve) => setImmediate(resolve))
  }
  return report
}

export function recall(r: Report, reader: Reader): number {
  let n = 0
  let found = 0
  for (const k of crisisKinds) {
    n += r.positives[k].n
    found += r.positives[k].found[reader]
  }
  return n === 0 ? 1 : found / n
}

export function falseAlarmRate(r: Report, reader: Reader): number {
  return r.negatives.n === 0 ? 0 : r.negatives.falseAlarms[reader] / r.negatives.n
}
