// CPU time per request of two builds side by side (issue 19): on a shared machine wall-clock figures
// move with everyone else's work, but the CPU the server process itself spends per request does
// much less. Each side runs its own server (its own build, its own database, seeded alike, as
// interleave.ts); then, over BENCH_ROUNDS (6) rounds, each case in turn on each side (the order
// alternating) gets a fixed number of requests at 10 connections, and the server process's user +
// system time (/proc/<pid>/stat, all its threads: the compression's thread pool too) is read before
// and after. Printed: the median CPU milliseconds per request, and the ratios as requests a second
// would have them on one core ((c)/(a) = cpu(a) / cpu(c)).
//
//   node --import tsx test/bench/cpu-interleave.ts --base=/work/base [--pg] [--cases=a,c,d]
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { writeResult } from './measure'
import { loadSides, startSide, stopSides, type Side } from './sides'

const args = process.argv.slice(2)
const baseRoot = args.find((arg) => arg.startsWith('--base='))?.slice('--base='.length)
if (!baseRoot) throw new Error('Give the other build: --base=<worktree folder>')
const pgUrl = args.includes('--pg') ? (process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres') : undefined
const caseKeys = args.find((arg) => arg.startsWith('--cases='))?.slice('--cases='.length).split(',') ?? ['a', 'c', 'd']
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 6)
/** Requests per case and round: about the same CPU time for each case. */
const amounts: Record<string, number> = { a: 1200, c: 500, d: 200 }
const ticksPerSecond = 100

const sides: Side[] = await loadSides(baseRoot)
const engine = pgUrl ? 'postgres' : 'embedded'

/** The process's user + system time in milliseconds (Linux). */
const cpuMs = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond
}

try {
  for (const side of sides) await startSide(side, 'cpu', pgUrl)
  const load = async (side: Side, key: string, amount: number) => {
    const { path, cookie } = side.paths[key]!
    const result = await autocannon({ url: `${side.server!.url}${path}`, connections: 10, amount, timeout: 60, headers: { cookie, 'accept-encoding': 'gzip' } })
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${side.label} ${key}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  }
  // A warm-up of each.
  for (const key of caseKeys) for (const side of sides) await load(side, key, Math.round(amounts[key]! / 2))
  const samples = new Map<string, number[]>()
  for (let round = 0; round < rounds; round++) {
    for (const key of caseKeys) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        const pid = side.server!.child.pid!
        const before = cpuMs(pid)
        await load(side, key, amounts[key]!)
        const spent = (cpuMs(pid) - before) / amounts[key]!
        const name = `${side.label} ${key}`
        samples.set(name, [...(samples.get(name) ?? []), spent])
      }
    }
    console.log(`  round ${round + 1} of ${rounds} done`)
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y)
    const mid = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  }
  const rows: Record<string, Record<string, number | string>> = {}
  for (const side of sides) {
    const row: Record<string, number | string> = {}
    for (const key of caseKeys) row[`${key} cpu ms/req`] = Math.round(median(samples.get(`${side.label} ${key}`)!) * 100) / 100
    const cpu = (key: string) => row[`${key} cpu ms/req`] as number
    if (caseKeys.includes('a') && caseKeys.includes('c')) row['c/a'] = `${Math.round((cpu('a') / cpu('c')) * 100)} %`
    if (caseKeys.includes('c') && caseKeys.includes('d')) row['d/c'] = `${Math.round((cpu('c') / cpu('d')) * 100)} %`
    rows[side.label] = row
  }
  console.log(`\nCPU per request of the server process, ${engine}, 10 connections (median of ${rounds} rounds; ${caseKeys.map((key) => `${key}: ${amounts[key]}`).join(', ')} requests each)`)
  console.table(rows)
  writeResult(`cpu-interleave-${engine}`, { at: new Date().toISOString(), node: process.version, base: baseRoot, engine, rounds, amounts, rows, samples: Object.fromEntries(samples) })
} finally {
  await stopSides(sides)
}
