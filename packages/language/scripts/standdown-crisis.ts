// Round 11 (eval/HELDOUT.md): what each stand-down of the crisis screen silences. A stand-down is
// a structure or a threshold that keeps a rule, the phrase lists or the classifier from speaking
// (an idiom, a film or a lesson, a past marker, someone else, a harmless purpose, a name, the calm
// veto). For each one, the screen is run with it switched off; a crisis text that is found only
// then is one the stand-down silences, a look-alike that raises a signal only then is what it is for.
//
//   LOSO_CACHE=/tmp/loso node --import tsx packages/language/scripts/standdown-crisis.ts
//       mechanisms (`standDownsOff` in src/screen/index.ts) and every pattern of every look-alike
//       concept (the structures and each rule's `unless` and `demote`), one at a time
//   ... standdown-crisis.ts --round10   only the patterns round 10 added (rules.json at 14487b0)
//   ... --mechanisms-only, --patterns-only; --quiet-too lists the look-alikes each one keeps quiet
//
// Sets 7-9 are read with their leave-one-set-out classifier (trained without them, from
// LOSO_CACHE, as scripts/loso-crisis.ts keeps them), every other set with the shipped one. Only
// sets 1-9, probes 2-14 and round 3's dev split: never a blind set.

import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { execFileSync } from 'node:child_process'
import { lexicon } from '../src/lexicon'
import { tokenize } from '../src/tokenize'
import { screenCrisis } from '../src/crisis'
import { PatternSet, parsePattern } from '../src/pattern'
import { loadModel, type Model, type StoredModel } from '../src/screen/classifier'
import { crisisTokens } from '../src/screen/normalise'
import type { ComposedData } from '../src/screen/compose'
import { combine, crisisModel, screenParts, standDownsOff, useComposedRules, type PhraseResult, type StandDown } from '../src/screen/index'
import { loadCrisisSet, type CrisisItem } from '../src/screen/measure'
import { COMPOSITES, WINDOW_NEGATIVES, EPOCHS, KEEP, L2, MEASURED_COPIES, MEASURED_SETS, OPTIONS, pkg, PRIOR, trainingItems } from './crisis-training'

const PROBES = Array.from({ length: 13 }, (_, i) => `eval/crisis-probe${i + 2}.jsonl`)
const FILES = [...MEASURED_SETS, ...PROBES, 'eval/crisis-round3.jsonl']
if (FILES.some((f) => /heldout-(1\d|[2-9]\d)/.test(f))) throw new Error('a blind set is never measured here')
const LOSO = new Set(['eval/crisis-heldout-7.jsonl', 'eval/crisis-heldout-8.jsonl', 'eval/crisis-heldout-9.jsonl'])

/** The fold model scripts/loso-crisis.ts keeps for a set (same file name), or undefined. */
function foldModel(set: string): Model | undefined {
  const dir = process.env['LOSO_CACHE']
  if (!dir) return undefined
  const items = trainingItems([set])
  const hash = createHash('sha256').update(JSON.stringify([OPTIONS, EPOCHS, L2, KEEP, PRIOR, MEASURED_COPIES, COMPOSITES, WINDOW_NEGATIVES, items.map((it) => [it.text, it.crisis])])).digest('hex').slice(0, 16)
  const path = resolve(dir, `${basename(set, '.jsonl')}-${hash}.json`)
  return existsSync(path) ? loadModel(JSON.parse(readFileSync(path, 'utf8')) as StoredModel) : undefined
}

interface Case {
  file: string
  item: CrisisItem
  model: Model
  phrase: PhraseResult
  base: boolean
}

function detected(c: Case): boolean {
  return combine(c.item.text, c.phrase, screenParts(c.item.text, c.model), c.model.thresholds).detected
}

const shipped = JSON.parse(readFileSync(resolve(pkg, 'data/crisis/rules.json'), 'utf8')) as ComposedData
const cases: Case[] = []
for (const file of FILES) {
  const fold = LOSO.has(file) ? foldModel(file) : undefined
  if (LOSO.has(file) && !fold) process.stderr.write(`${file}: no fold model in LOSO_CACHE, read with the shipped classifier (in-sample)\n`)
  const model = fold ? { ...fold, thresholds: crisisModel().thresholds } : crisisModel()
  const items = loadCrisisSet(resolve(pkg, file)).filter((i) => !file.endsWith('round3.jsonl') || i.split === 'dev')
  for (const item of items) {
    const lex = lexicon(item.locale)
    const phrase = screenCrisis(item.text, tokenize(item.text, lex.normaliser), lex.crisis).result
    const c: Case = { file: basename(file, '.jsonl').replace('crisis-', ''), item, model, phrase, base: false }
    c.base = detected(c)
    cases.push(c)
  }
}
const pos = cases.filter((c) => c.item.crisis !== null)
console.log(`baseline: ${pos.filter((c) => c.base).length} / ${pos.length} found, ${cases.filter((c) => c.item.crisis === null && c.base).length} / ${cases.length - pos.length} false alarms`)

function report(name: string, subset: Case[]): void {
  const silenced: Case[] = []
  const quieted: Case[] = []
  for (const c of subset) {
    const off = detected(c)
    if (off === c.base) continue
    if (c.item.crisis !== null && off) silenced.push(c)
    else if (c.item.crisis === null && off) quieted.push(c)
    else if (c.item.crisis !== null) console.log(`  (${name}: switched off, a crisis text is lost: ${c.file} ${c.item.id})`)
    else console.log(`  (${name}: switched off, a false alarm goes: ${c.file} ${c.item.id} ${c.item.text.slice(0, 120)})`)
  }
  if (silenced.length === 0 && quieted.length === 0) return
  console.log(`${silenced.length > 0 ? 'SILENCES' : 'safe    '} ${name}: silences ${silenced.length} crisis, quiets ${quieted.length} look-alikes`)
  for (const c of silenced) console.log(`    MISS ${c.file} ${c.item.id} [${c.item.crisis}] ${c.item.text.slice(0, 220)}`)
  if (process.argv.includes('--quiet-too')) for (const c of quieted) console.log(`    kept quiet ${c.file} ${c.item.id} ${c.item.text.slice(0, 160)}`)
}

const MECHANISMS: StandDown[] = ['guard', 'guard-veto', 'guard-calm', 'own-words', 'tonight', 'idiom-text', 'named-only', 'calm', 'clearly-calm', 'veto', 'phrase-lookalike']
if (!process.argv.includes('--patterns-only')) {
  for (const m of MECHANISMS) {
    standDownsOff.add(m)
    report(`mechanism ${m}`, cases)
    standDownsOff.delete(m)
  }
}

if (process.argv.includes('--mechanisms-only')) process.exit(0)
// The look-alike concepts: the structures, and every rule's `unless` and `demote`.
const st = shipped.structures
const lookalike = new Set<string>([st.idiom, st.media, st.past, st.resolved, st.otherSubject, ...shipped.rules.flatMap((r) => [...(r.unless ?? []), ...(r.demote ?? [])])])
let before: ComposedData | undefined
if (process.argv.includes('--round10')) before = JSON.parse(execFileSync('git', ['show', '14487b0:packages/language/data/crisis/rules.json'], { encoding: 'utf8' })) as ComposedData
const tokens = new Map(cases.map((c) => [c, crisisTokens(c.item.text)]))
for (const concept of [...lookalike].sort()) {
  const list = shipped.concepts[concept] ?? []
  for (const p of list) {
    if (before && (before.concepts[concept] ?? []).includes(p)) continue
    const one = new PatternSet([parsePattern(p, concept)])
    const subset = cases.filter((c) => one.matchAll(tokens.get(c) ?? []).length > 0)
    if (subset.length === 0) continue
    useComposedRules({ ...shipped, concepts: { ...shipped.concepts, [concept]: list.filter((x) => x !== p) } })
    report(`${concept}: "${p}" (${subset.length} texts)`, subset)
    useComposedRules()
  }
}
