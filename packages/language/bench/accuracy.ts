// Benchmark of @kracht/language: accuracy per label on the labelled evaluation set, confusion
// tables, the misses, throughput on one core and the bundled size. Prints a report for people
// and writes test/bench/results/language.json.
//
//   npm run bench:language                       the full report
//   npm run bench:language -- --misses 100       show more misses
//   npm run bench:language -- --only form        misses of one label (person|negative|form|domain|crisis)
//   npm run bench:language -- --set path.jsonl   another labelled set in the same format

import { readFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { analyze } from '../src/index'
import type { Analysis, CrisisKind, DomainId, Locale, Person, StrengthForm } from '../src/types'

const here = dirname(fileURLToPath(import.meta.url))
const pkgRoot = resolve(here, '..')
const repoRoot = resolve(pkgRoot, '../..')

interface Item {
  id: string
  text: string
  locale: Locale
  person: Person
  negative: boolean
  form: StrengthForm | null
  domain: DomainId | null
  alsoDomains: DomainId[]
  crisis: CrisisKind | null
  note?: string
}

const TARGETS = { person: 0.97, negative: 0.97, form: 0.93, domainTop1: 0.85, domainTop3: 0.95, crisisRecall: 1, crisisFalseAlarmMax: 0.03 }
const MIN_THROUGHPUT = 5000
const MAX_BUNDLE_BYTES = 150 * 1024

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

function loadSet(path: string): Item[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Item)
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`
const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b)

interface Counts {
  n: number
  person: number
  negative: number
  form: number
  domainN: number
  top1: number
  top3: number
  crisisPos: number
  crisisHit: number
  crisisKindHit: number
  crisisNeg: number
  falseAlarms: number
}

function emptyCounts(): Counts {
  return { n: 0, person: 0, negative: 0, form: 0, domainN: 0, top1: 0, top3: 0, crisisPos: 0, crisisHit: 0, crisisKindHit: 0, crisisNeg: 0, falseAlarms: 0 }
}

function summarise(c: Counts) {
  return {
    n: c.n,
    person: ratio(c.person, c.n),
    negative: ratio(c.negative, c.n),
    form: ratio(c.form, c.n),
    domainTop1: ratio(c.top1, c.domainN),
    domainTop3: ratio(c.top3, c.domainN),
    crisisRecall: ratio(c.crisisHit, c.crisisPos),
    crisisKindAccuracy: ratio(c.crisisKindHit, c.crisisPos),
    crisisFalseAlarmRate: c.crisisNeg === 0 ? 0 : c.falseAlarms / c.crisisNeg,
    crisisPositives: c.crisisPos,
    crisisDetected: c.crisisHit,
    crisisNegatives: c.crisisNeg,
    falseAlarms: c.falseAlarms,
  }
}

type Confusion = Record<string, Record<string, number>>

function confusionAdd(m: Confusion, expected: string, got: string): void {
  const row = (m[expected] ??= {})
  row[got] = (row[got] ?? 0) + 1
}

function printConfusion(title: string, m: Confusion, labels: string[]): void {
  const w = Math.max(9, ...labels.map((l) => l.length)) + 1
  console.log(`\n${title} (rows: expected, columns: predicted)`)
  console.log(''.padEnd(w) + labels.map((l) => l.padStart(w)).join(''))
  for (const r of labels) {
    const row = m[r] ?? {}
    console.log(r.padEnd(w) + labels.map((c) => String(row[c] ?? 0).padStart(w)).join(''))
  }
}

async function bundleSize(): Promise<{ bytes: number; gzipBytes: number }> {
  const result = await build({
    entryPoints: [resolve(pkgRoot, 'src/index.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  })
  const out = result.outputFiles[0]
  if (!out) return { bytes: 0, gzipBytes: 0 }
  return { bytes: out.contents.byteLength, gzipBytes: gzipSync(out.contents).byteLength }
}

/**
 * Statements per second on one core. The analyser is single-threaded, so we count the CPU time
 * this process spends (user + system): other work on a shared machine does not distort it.
 * Wall-clock throughput is reported beside it.
 */
function throughput(items: Item[]): { statementsPerSecond: number; wallStatementsPerSecond: number; statements: number; seconds: number; cpuSeconds: number } {
  // Warm up so that the first-use compilation of the word lists is not measured.
  for (const it of items) analyze(it.text, { locale: it.locale })
  const start = process.hrtime.bigint()
  const cpu = process.cpuUsage()
  let count = 0
  let elapsed = 0
  while (elapsed < 2) {
    for (const it of items) analyze(it.text, { locale: it.locale })
    count += items.length
    elapsed = Number(process.hrtime.bigint() - start) / 1e9
  }
  const used = process.cpuUsage(cpu)
  const cpuSeconds = (used.user + used.system) / 1e6
  return {
    statementsPerSecond: Math.round(count / cpuSeconds),
    wallStatementsPerSecond: Math.round(count / elapsed),
    statements: count,
    seconds: Math.round(elapsed * 100) / 100,
    cpuSeconds: Math.round(cpuSeconds * 100) / 100,
  }
}

interface Miss {
  id: string
  label: string
  expected: string
  got: string
  text: string
}

async function main(): Promise<void> {
  const setPath = resolve(pkgRoot, arg('set') ?? 'eval/statements.jsonl')
  const maxMisses = Number(arg('misses') ?? 30)
  const only = arg('only')
  const items = loadSet(setPath)

  const all = emptyCounts()
  const byLocale: Record<string, Counts> = {}
  const personM: Confusion = {}
  const formM: Confusion = {}
  const crisisM: Confusion = {}
  const domainM: Confusion = {}
  const crisisByKind: Record<string, { n: number; detected: number }> = {}
  const misses: Miss[] = []

  for (const it of items) {
    const a: Analysis = analyze(it.text, { locale: it.locale })
    const loc = (byLocale[it.locale] ??= emptyCounts())
    const add = (k: keyof Counts, v = 1): void => {
      all[k] += v
      loc[k] += v
    }
    add('n')
    const miss = (label: string, expected: unknown, got: unknown): void => {
      misses.push({ id: it.id, label, expected: String(expected), got: String(got), text: it.text })
    }
    if (a.person === it.person) add('person')
    else miss('person', it.person, a.person)
    confusionAdd(personM, it.person, a.person)
    if (a.negative === it.negative) add('negative')
    else miss('negative', it.negative, `${a.negative} [${a.negations.map((n) => n.word).join(', ')}]`)
    if (a.form === it.form) add('form')
    else miss('form', it.form, a.form)
    confusionAdd(formM, String(it.form), String(a.form))
    if (it.domain !== null) {
      add('domainN')
      const ranked = a.domains.map((d) => d.id)
      if (ranked[0] === it.domain) add('top1')
      else miss('domain', `${it.domain}${it.alsoDomains.length ? ` (also ${it.alsoDomains.join(',')})` : ''}`, ranked.slice(0, 3).join(',') || '-')
      if (ranked.slice(0, 3).includes(it.domain)) add('top3')
      confusionAdd(domainM, it.domain, ranked[0] ?? '-')
    }
    const got = a.crisis.detected ? (a.crisis.kind ?? 'unknown') : 'null'
    confusionAdd(crisisM, String(it.crisis), got)
    if (it.crisis !== null) {
      add('crisisPos')
      const k = (crisisByKind[it.crisis] ??= { n: 0, detected: 0 })
      k.n++
      if (a.crisis.detected) {
        add('crisisHit')
        k.detected++
      } else miss('crisis', it.crisis, 'null')
      if (a.crisis.kind === it.crisis) add('crisisKindHit')
    } else {
      add('crisisNeg')
      if (a.crisis.detected) {
        add('falseAlarms')
        miss('crisis', 'null', `${got} (${a.crisis.evidence?.text ?? ''})`)
      }
    }
  }

  const [speed, size] = [throughput(items), await bundleSize()]
  const total = summarise(all)
  const locales = Object.fromEntries(Object.entries(byLocale).map(([k, v]) => [k, summarise(v)]))

  console.log(`@kracht/language benchmark on ${items.length} statements (${setPath.replace(repoRoot + '/', '')})\n`)
  const rows: [string, number, string, boolean][] = [
    ['person', total.person, `>= ${pct(TARGETS.person)}`, total.person >= TARGETS.person],
    ['negative', total.negative, `>= ${pct(TARGETS.negative)}`, total.negative >= TARGETS.negative],
    ['form', total.form, `>= ${pct(TARGETS.form)}`, total.form >= TARGETS.form],
    ['domain top-1', total.domainTop1, `>= ${pct(TARGETS.domainTop1)}`, total.domainTop1 >= TARGETS.domainTop1],
    ['domain top-3', total.domainTop3, `>= ${pct(TARGETS.domainTop3)}`, total.domainTop3 >= TARGETS.domainTop3],
    ['crisis recall', total.crisisRecall, `>= ${pct(TARGETS.crisisRecall)}`, total.crisisRecall >= TARGETS.crisisRecall],
    ['crisis false alarms', total.crisisFalseAlarmRate, `<= ${pct(TARGETS.crisisFalseAlarmMax)}`, total.crisisFalseAlarmRate <= TARGETS.crisisFalseAlarmMax],
  ]
  const locNames = Object.keys(locales)
  console.log('label'.padEnd(22) + 'all'.padStart(9) + locNames.map((l) => l.padStart(9)).join('') + '   target')
  const key: Record<string, keyof ReturnType<typeof summarise>> = {
    person: 'person',
    negative: 'negative',
    form: 'form',
    'domain top-1': 'domainTop1',
    'domain top-3': 'domainTop3',
    'crisis recall': 'crisisRecall',
    'crisis false alarms': 'crisisFalseAlarmRate',
  }
  for (const [name, value, target, ok] of rows) {
    const k = key[name]
    const perLoc = locNames.map((l) => pct(Number(k ? locales[l]?.[k] : 0)).padStart(9)).join('')
    console.log(name.padEnd(22) + pct(value).padStart(9) + perLoc + `   ${target} ${ok ? 'ok' : 'MISSED'}`)
  }
  console.log(
    `\ncrisis: ${total.crisisDetected}/${total.crisisPositives} detected, kind right ${pct(total.crisisKindAccuracy)}, ` +
      `${total.falseAlarms}/${total.crisisNegatives} false alarms; per kind: ` +
      Object.entries(crisisByKind)
        .map(([k, v]) => `${k} ${v.detected}/${v.n}`)
        .join(', '),
  )

  printConfusion('person', personM, ['first', 'other', 'none'])
  printConfusion('form', formM, ['i_am', 'i_can', 'i_have', 'i_want', 'i_know', 'null'])
  printConfusion('crisis', crisisM, ['suicide', 'self_harm', 'violence', 'null'])
  printConfusion('domain top-1', domainM, ['safety', 'housing', 'finances', 'children', 'partner', 'relationships', 'work', 'leisure', 'health', 'meaning', '-'])

  const shown = misses.filter((m) => !only || m.label === only)
  console.log(`\nmisses: ${misses.length}${only ? ` (${shown.length} of label ${only})` : ''}; first ${Math.min(maxMisses, shown.length)}:`)
  for (const m of shown.slice(0, maxMisses)) {
    console.log(`  ${m.id.padEnd(7)} ${m.label.padEnd(8)} expected ${m.expected}, got ${m.got}: ${JSON.stringify(m.text)}`)
  }

  console.log(
    `\nthroughput: ${speed.statementsPerSecond.toLocaleString('en')} statements/s on one core ` +
      `(${speed.statements} statements in ${speed.cpuSeconds} s of CPU time; wall clock ${speed.wallStatementsPerSecond.toLocaleString('en')}/s ` +
      `over ${speed.seconds} s; target >= ${MIN_THROUGHPUT.toLocaleString('en')}) ${speed.statementsPerSecond >= MIN_THROUGHPUT ? 'ok' : 'MISSED'}`,
  )
  console.log(
    `bundle: ${(size.bytes / 1024).toFixed(1)} kB minified, ${(size.gzipBytes / 1024).toFixed(1)} kB gzipped ` +
      `(target < ${MAX_BUNDLE_BYTES / 1024} kB) ${size.bytes < MAX_BUNDLE_BYTES ? 'ok' : 'MISSED'}`,
  )

  const outDir = resolve(repoRoot, 'test/bench/results')
  mkdirSync(outDir, { recursive: true })
  const report = {
    generatedAt: new Date().toISOString(),
    set: setPath.replace(repoRoot + '/', ''),
    statements: items.length,
    targets: TARGETS,
    accuracy: total,
    byLocale: locales,
    crisisByKind,
    confusion: { person: personM, form: formM, crisis: crisisM, domainTop1: domainM },
    misses,
    throughput: speed,
    bundle: size,
    node: process.version,
  }
  writeFileSync(resolve(outDir, 'language.json'), JSON.stringify(report, null, 2) + '\n')
  console.log(`\nwrote test/bench/results/language.json`)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
