// Round 20: the shipped classifier's thresholds judged on writers the rules had not seen yet. Each
// development set is screened with the rules as they stood before it became a development set
// (data/crisis/rules.json of the commit given), so its misses are a new writer's misses again, and
// the check-in, pair and sentence thresholds are tried on it (as grid-probes.ts does).
//   node --import tsx packages/language/scripts/grid-before-crisis.ts 21:8ccda68 20:7e40106 19:7e40106 18:b03ab62
// GRID_CHECK_IN, GRID_PAIR, GRID_SENTENCE, GRID_BARE: comma-separated values to try; GRID_SHORT_KNOWN and
// GRID_SHORT_CHECK_IN: the short-text net (round 17) switched on. Development sets only.
// GRID_ADD_SINCE=<commit>: the rules added to data/crisis/rules.json since that commit (and the
// patterns added to its concepts, and structure keys it did not have) are put beside the old rules, so that a round's new rules are
// measured on writers whose misses were still open when they were written:
//   GRID_ADD_SINCE=fd489e3 node --import tsx packages/language/scripts/grid-before-crisis.ts 20:7e40106
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { lexicon } from '../src/lexicon'
import { tokenize } from '../src/tokenize'
import { screenCrisis } from '../src/crisis'
import { combine, crisisModel, screenParts, useComposedRules } from '../src/screen/index'
import { loadCrisisSet } from '../src/screen/measure'
import type { ComposedData } from '../src/screen/compose'
import type { Thresholds } from '../src/screen/classifier'
import { DEVELOPMENT_SETS, pkg } from './crisis-training'

const show = (commit: string): ComposedData => JSON.parse(execFileSync('git', ['show', `${commit}:packages/language/data/crisis/rules.json`], { cwd: pkg, encoding: 'utf8' })) as ComposedData
type Patterns = Record<string, unknown>
/** The old rules with the rules and patterns added since `since` (as they are in the working tree). */
function withAdded(old: ComposedData, since: string): ComposedData {
  const now = JSON.parse(readFileSync(resolve(pkg, 'data/crisis/rules.json'), 'utf8')) as ComposedData
  const base = show(since)
  const oc = { ...(old.concepts as Patterns) }
  const bc = base.concepts as Patterns
  for (const [k, v] of Object.entries(now.concepts as Patterns)) {
    if (!(k in oc)) oc[k] = v
    else if (Array.isArray(v) && Array.isArray(bc[k]) && Array.isArray(oc[k])) {
      const added = v.filter((x) => !(bc[k] as unknown[]).includes(x))
      oc[k] = [...(oc[k] as unknown[]), ...added]
    }
  }
  const baseIds = new Set(base.rules.map((r) => r.id))
  // Round 22: structure keys added since (the coping plan's concepts) come along too.
  const structures = { ...now.structures, ...old.structures }
  return { ...old, structures, concepts: oc as ComposedData['concepts'], rules: [...old.rules, ...now.rules.filter((r) => !baseIds.has(r.id))] }
}
const list = (name: string, fallback: string): number[] => (process.env[name] ?? fallback).split(',').map(Number)
const base = crisisModel().thresholds
const rows: string[] = []
for (const arg of process.argv.slice(2)) {
  const [set, commit] = arg.split(':')
  const file = `eval/crisis-heldout-${set}.jsonl`
  if (!DEVELOPMENT_SETS.includes(file)) throw new Error(`${file}: development sets only`)
  const since = process.env['GRID_ADD_SINCE']
  const old = commit === 'now' ? undefined : show(commit ?? '')
  const rules = old && since ? withAdded(old, since) : old
  useComposedRules(rules)
  const items = loadCrisisSet(resolve(pkg, file)).map((item) => {
    const lex = lexicon(item.locale)
    return { item, phrase: screenCrisis(item.text, tokenize(item.text, lex.normaliser), lex.crisis).result, parts: screenParts(item.text) }
  })
  for (const checkIn of list('GRID_CHECK_IN', String(base.checkIn)))
    for (const pair of list('GRID_PAIR', String(base.pair ?? 2)))
      for (const sentence of list('GRID_SENTENCE', String(base.sentence ?? 2)))
      for (const bare of list('GRID_BARE', String(base.bare ?? 0))) {
        const short = process.env['GRID_SHORT_KNOWN'] ? { shortKnown: Number(process.env['GRID_SHORT_KNOWN']), shortCheckIn: Number(process.env['GRID_SHORT_CHECK_IN'] ?? 0.7) } : {}
        const t: Thresholds = { ...base, checkIn, pair, sentence, bare, ...short }
        let found = 0
        let fa = 0
        for (const s of items) {
          const hit = combine(s.item.text, s.phrase, s.parts, t).detected
          if (s.item.crisis === null) fa += hit ? 1 : 0
          else found += hit ? 1 : 0
        }
        rows.push(`set ${set} rules of ${commit}${process.env['GRID_ADD_SINCE'] ? ` + added since ${process.env['GRID_ADD_SINCE']}` : ''} checkIn ${checkIn} pair ${pair} sentence ${sentence} bare ${bare}${process.env['GRID_SHORT_KNOWN'] ? ` short ${process.env['GRID_SHORT_KNOWN']}@${process.env['GRID_SHORT_CHECK_IN'] ?? 0.7}` : ''}: found ${found} fa ${fa}`)
      }
  useComposedRules()
}
console.log(rows.join('\n'))
