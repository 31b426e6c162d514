/**
 * Recall of the pseudonymiser on a labelled set: `npm run bench:pseudonymise -- --set <file>`
 * (default: the development set). A detail counts as masked when no part of it of three or more
 * letters or digits reaches the model as typed, i.e. no stretch of the detail that the masks leave
 * uncovered holds 3+ letters or digits. Prints recall per kind and over all details, and how many
 * words outside any detail were masked too (over-masking). `--misses` lists the missed details
 * (use it on the development set only: the held-out set must stay unseen).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import { detectPii } from '../src/pseudonymise'

const rowSchema = z.object({
  id: z.string(),
  text: z.string(),
  locale: z.enum(['nl', 'en']),
  details: z.array(z.object({ kind: z.string(), text: z.string() })),
})

const args = process.argv.slice(2)
const setArg = args.indexOf('--set')
const file = setArg >= 0 && args[setArg + 1] ? resolve(process.cwd(), args[setArg + 1] ?? '') : new URL('../eval/pii-dev.jsonl', import.meta.url).pathname
const showMisses = args.includes('--misses')

const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    const parsed = rowSchema.safeParse(JSON.parse(l))
    if (!parsed.success) throw new Error(`line ${i + 1}: ${parsed.error.issues[0]?.message ?? 'bad row'}`)
    return parsed.data
  })

/** True when every uncovered stretch of [start, end) has fewer than 3 letters or digits. */
function masked(covered: boolean[], text: string, start: number, end: number): boolean {
  let run = 0
  for (let i = start; i < end; i++) {
    if (covered[i]) {
      run = 0
      continue
    }
    if (/[\p{L}\p{N}]/u.test(text[i] ?? '')) run++
    if (run >= 3) return false
  }
  return true
}

const perKind = new Map<string, { total: number; hit: number }>()
const misses: string[] = []
let extraWords = 0
let words = 0
const started = performance.now()
for (const row of rows) {
  const covered: boolean[] = Array.from({ length: row.text.length }, () => false)
  for (const s of detectPii(row.text)) for (let i = s.start; i < s.end; i++) covered[i] = true
  const inDetail: boolean[] = Array.from({ length: row.text.length }, () => false)
  for (const d of row.details) {
    const stat = perKind.get(d.kind) ?? { total: 0, hit: 0 }
    stat.total++
    let from = 0
    let ok = true
    let found = false
    for (;;) {
      const at = row.text.indexOf(d.text, from)
      if (at < 0) break
      found = true
      for (let i = at; i < at + d.text.length; i++) inDetail[i] = true
      if (!masked(covered, row.text, at, at + d.text.length)) ok = false
      from = at + 1
    }
    if (!found) throw new Error(`${row.id}: detail "${d.kind}" is not in the text`)
    if (ok) stat.hit++
    else misses.push(`${row.id} ${d.kind}: ${d.text}  ⟵  ${row.text}`)
    perKind.set(d.kind, stat)
  }
  for (const m of row.text.matchAll(/[\p{L}\p{N}]{3,}/gu)) {
    const at = m.index ?? 0
    if (inDetail[at]) continue
    words++
    if (covered[at]) extraWords++
  }
}
const ms = performance.now() - started

const pct = (hit: number, total: number) => (total === 0 ? '–' : `${((100 * hit) / total).toFixed(1)} %`)
let total = 0
let hit = 0
console.log(`set: ${file} (${rows.length} sentences)`)
console.log('kind'.padEnd(16) + 'details'.padStart(8) + 'masked'.padStart(8) + 'recall'.padStart(10))
for (const [kind, s] of [...perKind.entries()].sort((a, b) => b[1].total - a[1].total)) {
  total += s.total
  hit += s.hit
  console.log(kind.padEnd(16) + String(s.total).padStart(8) + String(s.hit).padStart(8) + pct(s.hit, s.total).padStart(10))
}
console.log('all'.padEnd(16) + String(total).padStart(8) + String(hit).padStart(8) + pct(hit, total).padStart(10))
console.log(`other words (3+ characters) masked too: ${extraWords} of ${words} (${pct(extraWords, words)}); ${(ms / rows.length).toFixed(2)} ms a sentence`)
if (showMisses) for (const m of misses) console.log(`MISS ${m}`)
