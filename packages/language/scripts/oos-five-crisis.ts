// Round 23: the five structures round 22 wrote from set 23's misses (`4acbd0d`, reverted in
// `09a1957`) measured out of sample on a development set, each alone and all together, beside the
// rules of a given commit (for set 24, round 22's screen: main at `5956156`). Prints the texts each
// finds more and the false alarms each raises.
//   node --import tsx packages/language/scripts/oos-five-crisis.ts 24:5956156
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { lexicon } from '../src/lexicon'
import { tokenize } from '../src/tokenize'
import { screenCrisis } from '../src/crisis'
import { combine, screenParts, useComposedRules } from '../src/screen/index'
import { loadCrisisSet } from '../src/screen/measure'
import type { ComposedData } from '../src/screen/compose'
import { DEVELOPMENT_SETS, pkg } from './crisis-training'

const show = (commit: string): ComposedData => JSON.parse(execFileSync('git', ['show', `${commit}:packages/language/data/crisis/rules.json`], { cwd: pkg, encoding: 'utf8' })) as ComposedData
type Patterns = Record<string, unknown>
const five = show('4acbd0d')
const before = show('4acbd0d^')
export const GROUPS: Record<string, { concepts: string[]; rules: string[] }> = {
  'cut-habit': { concepts: ['cut_habit', 'cut_ok'], rules: ['cut-habit'] },
  'cut-bare-again': { concepts: ['cut_bare', 'again_bare', 'cut_ok'], rules: ['cut-bare-again'] },
  'rid-of-me': { concepts: ['rid_of_me', 'rid_ok'], rules: ['rid-of-me'] },
  'revenge-weapon': { concepts: ['weapon_have'], rules: ['revenge-weapon'] },
  'reasons-struck-out': { concepts: ['no_reasons', 'none_answer'], rules: [] },
  'parent-away-child': { concepts: ['parent_away_days', 'child'], rules: [] },
}
/** `old` with the group's concepts (new ones whole, old ones with the patterns 4acbd0d added) and rules. */
export function withGroup(old: ComposedData, names: string[]): ComposedData {
  const oc = { ...(old.concepts as Patterns) }
  const fc = five.concepts as Patterns
  const bc = before.concepts as Patterns
  const rules = [...old.rules]
  for (const n of names) {
    const g = GROUPS[n]
    if (!g) throw new Error(n)
    for (const k of g.concepts) {
      const v = fc[k] as unknown[]
      if (!(k in bc)) oc[k] = v
      else oc[k] = [...(oc[k] as unknown[]), ...v.filter((x) => !(bc[k] as unknown[]).includes(x) && !(oc[k] as unknown[]).includes(x))]
    }
    for (const id of g.rules) rules.unshift(five.rules.find((r) => r.id === id)!)
  }
  return { ...old, concepts: oc as ComposedData['concepts'], rules }
}
function run(set: string, rules: ComposedData): Map<string, boolean> {
  useComposedRules(rules)
  const out = new Map<string, boolean>()
  for (const item of loadCrisisSet(resolve(pkg, set))) {
    const lex = lexicon(item.locale)
    const phrase = screenCrisis(item.text, tokenize(item.text, lex.normaliser), lex.crisis).result
    out.set(item.id, combine(item.text, phrase, screenParts(item.text)).detected)
  }
  useComposedRules()
  return out
}
for (const arg of process.argv.slice(2)) {
  const [n, commit] = arg.split(':')
  const file = `eval/crisis-heldout-${n}.jsonl`
  if (!DEVELOPMENT_SETS.includes(file)) throw new Error(`${file}: development sets only`)
  const old = show(commit ?? 'HEAD')
  const items = new Map(loadCrisisSet(resolve(pkg, file)).map((i) => [i.id, i]))
  const base = run(file, old)
  const count = (m: Map<string, boolean>) => {
    let f = 0, fa = 0
    for (const [id, hit] of m) if (hit) (items.get(id)!.crisis === null ? fa++ : f++)
    return { f, fa }
  }
  const b = count(base)
  console.log(`set ${n} rules of ${commit}: found ${b.f} fa ${b.fa}`)
  for (const names of [...Object.keys(GROUPS).map((g) => [g]), Object.keys(GROUPS)]) {
    const m = run(file, withGroup(old, names))
    const c = count(m)
    console.log(`  + ${names.join(' + ')}: found ${c.f - b.f >= 0 ? '+' : ''}${c.f - b.f}, fa ${c.fa - b.fa >= 0 ? '+' : ''}${c.fa - b.fa}`)
    for (const [id, hit] of m) if (hit !== base.get(id)) { const it = items.get(id)!; console.log(`     ${hit ? 'now' : 'lost'} ${it.crisis ?? 'FA'} ${id}: ${it.text.slice(0, 160).replace(/\n/g, ' ')}`) }
  }
}
