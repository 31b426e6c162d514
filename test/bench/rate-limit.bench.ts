// What the rate limiter costs a write: 200 statements through the API with the limiter on and 200
// with it off (RATE_LIMIT_WRITES_PER_MINUTE=0), alternating, in one process on one database.
import { createApi, hashPassphrase, loadConfig, seedDemoContent, type Deps } from '@kracht/api'
import { createDatabase, runMigrations, seedDemo } from '@kracht/db'
import { consumeRateLimit } from '@kracht/api/rate-limit'
import { printTable, writeResult, type Timing } from './measure'

const runs = Number(process.env['BENCH_RUNS'] ?? 200)
const handle = await createDatabase({ memory: true })
await runMigrations(handle)
const depsWith = (limit: string): Deps => ({
  db: handle.db,
  config: loadConfig({ NODE_ENV: 'test', RATE_LIMIT_WRITES_PER_MINUTE: limit }),
  now: () => new Date(),
})
const seeded = await seedDemo(handle.db, { passwordHash: await hashPassphrase('kracht-demo') })
await seedDemoContent(depsWith('0'), seeded)
// A limit no run reaches, so every write pays for the counter and none is refused.
const limited = createApi(depsWith('1000000'))
const unlimited = createApi(depsWith('0'))

const login = await limited.request('/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'sam', password: 'kracht-demo' }),
})
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? ''
const path = `/clients/${seeded.userIds['sam']}/statements`
let n = 0
const write = (api: typeof limited) => async () => {
  const response = await api.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ domain: 'work', time: 'present', text: `Ik kan goed samenwerken (${n++})` }),
  })
  if (response.status !== 201) throw new Error(`write: ${response.status}`)
  await response.text()
}

// Alternating write by write, so a busy moment on the machine hits both sides alike.
const samples = { on: [] as number[], off: [] as number[], upsert: [] as number[] }
const timed = async (into: number[], fn: () => Promise<unknown>) => {
  const started = performance.now()
  await fn()
  into.push(performance.now() - started)
}
// Warm-up.
for (let i = 0; i < 20; i++) {
  await write(limited)()
  await write(unlimited)()
}
for (let i = 0; i < runs; i++) {
  await timed(samples.on, write(limited))
  await timed(samples.off, write(unlimited))
  // The added statement alone: one upsert on the counter.
  await timed(samples.upsert, () => consumeRateLimit(depsWith('1000000'), 'writes:bench', 1_000_000))
}
const summary = (name: string, values: number[]): Timing => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 100) / 100
  return { name, runs: values.length, p50: at(0.5), p95: at(0.95), max: at(1) }
}
const rows = [summary('write with the limiter', samples.on), summary('write without the limiter', samples.off), summary('the counter upsert alone', samples.upsert)]
printTable('Statement writes through the API (in-process, embedded PGlite), alternating', rows)
const [on, off, upsert] = rows
const extra = Math.round(((on?.p50 ?? 0) - (off?.p50 ?? 0)) * 100) / 100
console.log(`p50 with ${on?.p50} ms, without ${off?.p50} ms (difference ${extra} ms); the upsert alone p50 ${upsert?.p50} ms`)
writeResult('rate-limit', { runs, rows, extraMs: extra })
await handle.close()
