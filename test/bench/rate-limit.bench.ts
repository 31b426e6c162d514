// What the rate limiter costs a write: 200 statements through the API with the limiter on and 200
// with it off (RATE_LIMIT_WRITES_PER_MINUTE=0), alternating, in one process on one database.
import { createApi, hashPassphrase, loadConfig, seedDemoContent, type Deps } from '@kracht/api'
import { createDatabase, runMigrations, seedDemo } from '@kracht/db'
import { printTable, time, writeResult } from './measure'

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

// Alternating halves, so neither side gets a warmer database or a quieter machine.
const half = Math.max(1, Math.floor(runs / 2))
const on: number[] = []
const off: number[] = []
for (let i = 0; i < 2; i++) {
  const a = await time('writes with the limiter', half, write(limited))
  const b = await time('writes without the limiter', half, write(unlimited))
  on.push(a.p50)
  off.push(b.p50)
  printTable(`Statement writes, round ${i + 1} (in-process, embedded PGlite)`, [a, b])
}
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length
const extra = Math.round((mean(on) - mean(off)) * 100) / 100
console.log(`p50 with ${mean(on).toFixed(2)} ms, without ${mean(off).toFixed(2)} ms: the limiter adds ~${extra} ms per write`)
writeResult('rate-limit', { runs, p50With: mean(on), p50Without: mean(off), extraMs: extra })
await handle.close()
