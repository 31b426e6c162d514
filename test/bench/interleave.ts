// Two builds of the server side by side, interleaved, so both see the same machine: on a shared
// machine a burst of other work then weighs on both alike. `--base=<folder>` is another worktree
// with its own `npm ci` and `npm run build` (e.g. `git worktree add ../base main`); this worktree is
// the other side. Each side runs its own server (its own test/bench/server-process.ts and serve.mjs,
// its own build) on its own database, seeded alike; then cases (a), (c) and (d) of server.bench.ts:
// one request at a time, alternating base / this one (and their order each round), then under load
// (10 connections) in bursts of BENCH_SECONDS (3) taking turns over BENCH_ROUNDS (4) rounds, then
// (c) paced at 200 requests a second, BENCH_PACED_SECONDS (8) each, taking turns over the rounds.
//
//   node --import tsx test/bench/interleave.ts --base=/work/base [--pg] [--cases=a,c,d]
import autocannon from 'autocannon'
import { writeResult } from './measure'
import { loadSides, startSide, stopSides, type Side } from './sides'

const args = process.argv.slice(2)
const baseRoot = args.find((arg) => arg.startsWith('--base='))?.slice('--base='.length)
if (!baseRoot) throw new Error('Give the other build: --base=<worktree folder>')
const pgUrl = args.includes('--pg') ? (process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres') : undefined
const caseKeys = args.find((arg) => arg.startsWith('--cases='))?.slice('--cases='.length).split(',') ?? ['a', 'c', 'd']
const seconds = Number(process.env['BENCH_SECONDS'] ?? 3)
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 4)
const runs = Number(process.env['BENCH_RUNS'] ?? 300)
const pacedSeconds = Number(process.env['BENCH_PACED_SECONDS'] ?? 8)
const connections = 10

const sides: Side[] = await loadSides(baseRoot)

const engine = pgUrl ? 'postgres' : 'embedded'
try {
  for (const side of sides) await startSide(side, 'ilv', pgUrl)

  const once = async (side: Side, key: string) => {
    const { path, cookie } = side.paths[key]!
    const started = performance.now()
    const response = await fetch(`${side.server!.url}${path}`, { headers: { cookie } })
    if (response.status !== 200) throw new Error(`${side.label} ${path}: ${response.status}`)
    await response.text()
    return performance.now() - started
  }
  const order = (i: number) => (i % 2 === 0 ? sides : [...sides].reverse())

  // One request at a time.
  const samples = new Map<string, number[]>()
  for (let i = 0; i < 20; i++) for (const key of caseKeys) for (const side of sides) await once(side, key)
  for (let i = 0; i < runs; i++) {
    for (const key of caseKeys) {
      for (const side of order(i)) {
        const list = samples.get(`${side.label}:${key}`) ?? []
        list.push(await once(side, key))
        samples.set(`${side.label}:${key}`, list)
      }
    }
  }
  const at = (values: number[], q: number) => {
    const sorted = [...values].sort((x, y) => x - y)
    return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 100) / 100
  }

  // Under load, bursts taking turns.
  const load = new Map<string, { requests: number; seconds: number; p99: number[] }>()
  const burst = async (side: Side, key: string, duration: number, overallRate?: number) => {
    const { path, cookie } = side.paths[key]!
    return autocannon({
      url: side.server!.url,
      connections,
      duration,
      requests: [{ method: 'GET', path, headers: { cookie } }],
      ...(overallRate ? { overallRate } : {}),
    })
  }
  for (const key of caseKeys) for (const side of sides) await burst(side, key, 1)
  for (let round = 0; round < rounds; round++) {
    for (const key of caseKeys) {
      for (const side of order(round)) {
        const result = await burst(side, key, seconds)
        const entry = load.get(`${side.label}:${key}`) ?? { requests: 0, seconds: 0, p99: [] }
        entry.requests += result.requests.total
        entry.seconds += result.duration
        entry.p99.push(result.latency.p99)
        load.set(`${side.label}:${key}`, entry)
      }
    }
  }

  // (c) paced.
  const paced = new Map<string, { achieved: number[]; p99: number[] }>()
  if (caseKeys.includes('c')) {
    for (let round = 0; round < Math.min(rounds, 3); round++) {
      for (const side of order(round)) {
        const result = await burst(side, 'c', pacedSeconds, 200)
        const entry = paced.get(side.label) ?? { achieved: [], p99: [] }
        entry.achieved.push(Math.round(result.requests.total / result.duration))
        entry.p99.push(result.latency.p99)
        paced.set(side.label, entry)
      }
    }
  }

  const rows: Record<string, Record<string, number | string>> = {}
  for (const side of sides) {
    const row: Record<string, number | string> = {}
    for (const key of caseKeys) {
      const values = samples.get(`${side.label}:${key}`) ?? []
      row[`${key} p50`] = at(values, 0.5)
      row[`${key} p95`] = at(values, 0.95)
    }
    for (const key of caseKeys) {
      const entry = load.get(`${side.label}:${key}`)
      row[`${key} req/s`] = entry ? Math.round(entry.requests / entry.seconds) : 0
    }
    const rate = (key: string) => Number(row[`${key} req/s`] ?? 0)
    if (rate('a') && rate('c')) row['c/a'] = `${Math.round((rate('c') / rate('a')) * 100)} %`
    if (rate('c') && rate('d')) row['d/c'] = `${Math.round((rate('d') / rate('c')) * 100)} %`
    const steady = paced.get(side.label)
    if (steady) row['paced c'] = `${steady.achieved.join('/')} of 200, p99 ${steady.p99.join('/')} ms`
    rows[side.label] = row
  }
  console.log(`\nInterleaved, ${engine}: single = one request at a time (${runs} each, ms); req/s at ${connections} connections (${rounds} × ${seconds} s each)`)
  console.table(rows)
  writeResult(`interleave-${engine}`, { base: baseRoot, engine, seconds, rounds, runs, rows })
} finally {
  await stopSides(sides)
}
