// `npm run bench`: every benchmark in its own process (so one cannot warm or slow another), one after
// the other; each prints its table and writes test/bench/results/<name>.json.
//   npm run bench -- inventory        only the benchmarks whose file name holds a word
//   npm run bench -- server --pg      flags (--pg, --profile) go to every benchmark that runs
//   npm run bench -- --check          the release check: only the server benchmark, exit 1 when a
//                                     target of issue 19 is missed (never part of `npm test`)
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const benches = [
  ...readdirSync(fileURLToPath(new URL('.', import.meta.url)))
    .filter((file) => file.endsWith('.bench.ts'))
    .map((file) => `test/bench/${file}`),
  'packages/language/bench/accuracy.ts',
]
const args = process.argv.slice(2)
const flags = args.filter((arg) => arg.startsWith('--'))
const check = flags.includes('--check')
const only = check ? ['server.bench'] : args.filter((arg) => !arg.startsWith('--'))
let failed = 0
for (const bench of benches.filter((file) => only.length === 0 || only.some((name) => file.includes(name)))) {
  console.log(`\n=== ${bench}`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', bench, ...flags], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) failed++
}
console.log(`\nResults in test/bench/results/. ${failed === 0 ? (check ? 'Check passed.' : 'All benchmarks ran.') : check ? 'Check failed.' : `${failed} benchmark(s) failed.`}`)
process.exit(failed === 0 ? 0 : 1)
