// `npm run bench`: every benchmark in its own process (so one cannot warm or slow another), one after
// the other; each prints its table and writes bench-results/<name>.json.
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
const only = process.argv.slice(2)
let failed = 0
for (const bench of benches.filter((file) => only.length === 0 || only.some((name) => file.includes(name)))) {
  console.log(`\n=== ${bench}`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', bench], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) failed++
}
console.log(`\nResults in bench-results/. ${failed === 0 ? 'All benchmarks ran.' : `${failed} benchmark(s) failed.`}`)
process.exit(failed === 0 ? 0 : 1)
