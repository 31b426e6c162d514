import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface Timing {
  name: string
  runs: number
  p50: number
  p95: number
  max: number
}

/** Runs `fn` after a warm-up and returns percentiles in milliseconds. */
export async function time(name: string, runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0
  return { name, runs, p50: round(at(0.5)), p95: round(at(0.95)), max: round(samples.at(-1) ?? 0) }
}

const round = (value: number) => Math.round(value * 100) / 100

export function printTable(title: string, rows: Timing[]) {
  console.log(`\n${title}`)
  console.table(rows.map((row) => ({ case: row.name, runs: row.runs, 'p50 ms': row.p50, 'p95 ms': row.p95, 'max ms': row.max })))
}

/** Where every benchmark writes its JSON (and `--profile` its CPU profiles). */
export const resultsDir = fileURLToPath(new URL('./results/', import.meta.url))

/** Writes test/bench/results/<name>.json. */
export function writeResult(name: string, result: unknown) {
  mkdirSync(resultsDir, { recursive: true })
  writeFileSync(`${resultsDir}${name}.json`, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, ...(result as object) }, null, 2)}\n`)
}

/** The resident memory of a process in MiB (Linux: VmRSS in /proc), null elsewhere. */
export function rssMiB(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Math.round(Number(kb) / 1024) : null
  } catch {
    return null
  }
}

/** The highest RSS while `work` runs, sampled every 200 ms. */
export async function peakRss<T>(pid: number | undefined, work: Promise<T>): Promise<{ result: T; peak: number | null }> {
  let peak = rssMiB(pid)
  const timer = setInterval(() => {
    const now = rssMiB(pid)
    if (now !== null) peak = Math.max(peak ?? 0, now)
  }, 200)
  try {
    return { result: await work, peak }
  } finally {
    clearInterval(timer)
  }
}
