// Growth (issue 19, item 4): does a read cost the same on a large database as on a small one? The
// server as `npm start` runs it, seeded like the server benchmark (a client with 60 statements shared
// with Noor), measured one request at a time (p50/p95 over BENCH_RUNS, 100) on the small database;
// then stopped, the growth data set added straight into the database (growth-data.ts: 10,000 clients,
// 500,000 statements, 100,000 access-log rows), started again and measured again, in the same run.
// Target: each case's p50 on the large database within 1.5× of the small one. Then EXPLAIN ANALYZE of
// the queries behind the cases, on the large database, into test/bench/results/growth-plans-<engine>.txt.
//
//   npm run bench -- growth --pg         PostgreSQL (postgres://postgres@127.0.0.1:5432/, or DATABASE_URL)
//   npm run bench -- growth --embedded   the embedded database too: adding the data set there took over
//                                        10 minutes on a busy 2-core machine (PGlite runs one statement
//                                        at a time in WebAssembly), so it is not run unless asked
import { rmSync, writeFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'
import { growth, growthSql } from './growth-data'
import { resultsDir, time, writeResult } from './measure'
import { benchEngines, seed, startServer } from './server-process'

const args = process.argv.slice(2)
const runs = Number(process.env['BENCH_RUNS'] ?? 100)
const embedded = args.includes('--embedded')
const pgUrl = process.env['DATABASE_URL'] ?? (args.includes('--pg') || !embedded ? 'postgres://postgres@127.0.0.1:5432/postgres' : null)
const limit = 1.5

/** Runs SQL as the database's owner while no server holds it. */
interface Owner {
  run(sql: string): Promise<Record<string, unknown>[]>
  close(): Promise<void>
}

async function ownerOf(engine: 'embedded' | 'postgres', env: Record<string, string>): Promise<Owner> {
  if (engine === 'postgres') {
    const client = postgres(env['DATABASE_URL'] ?? '', { max: 1, onnotice: () => {} })
    return { run: async (sql) => [...(await client.unsafe(sql))], close: () => client.end() }
  }
  // The server's own settings (db/src/client.ts); the server is stopped, so the folder is free.
  const pg = new PGlite(`${env['DATA_DIR']}/pgdata`, { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'] })
  await pg.waitReady
  return { run: async (sql) => (await pg.query<Record<string, unknown>>(sql)).rows, close: () => pg.close() }
}

type Cases = { key: string; name: string; path: string; cookie: string }[]

async function measure(base: string, cases: Cases) {
  const out: Record<string, { p50: number; p95: number }> = {}
  for (const c of cases) {
    const timing = await time(c.name, runs, async () => {
      const response = await fetch(`${base}${c.path}`, { headers: { cookie: c.cookie } })
      if (response.status !== 200) throw new Error(`${c.path}: ${response.status}`)
      await response.text()
    })
    out[c.key] = { p50: timing.p50, p95: timing.p95 }
  }
  return out
}

/** The queries behind the cases, as the services write them, with the run's ids. */
function planQueries(clientId: string, noorId: string): Record<string, string> {
  return {
    '(b)/(c) the inventory: the client\'s statements': `select * from statements where client_id = '${clientId}' and deleted_at is null order by created_at`,
    '(c) the gate: the client\'s consents': `select * from consents where client_id = '${clientId}'`,
    '(c) the gate: linked workers': `select worker_id from client_workers where client_id = '${clientId}'`,
    '(c) the log row: the chain head': 'select * from access_log_chain where id = 1',
    'caseload: linked clients': `select client_id from client_workers where worker_id = '${noorId}'`,
    'caseload: shared with me': `select client_id from consents where grantee_id = '${noorId}' and revoked_at is null`,
    'caseload: since you last looked': `select at from access_log where actor_id = '${noorId}' and client_id = '${clientId}' and resource = 'inventory' and outcome = 'allowed' order by at desc limit 1`,
    'access-log page: newest entries': `select * from access_log where client_id = '${clientId}' order by at desc limit 50`,
  }
}

async function measureEngine(engine: 'embedded' | 'postgres', env: Record<string, string>) {
  const first = await startServer(engine, env)
  let seeded: Awaited<ReturnType<typeof seed>>
  let noorId = ''
  let small: Awaited<ReturnType<typeof measure>>
  const casesFor = (s: Awaited<ReturnType<typeof seed>>): Cases => [
    { key: 'b', name: '(b) client reads own inventory', path: `/api/v1/clients/${s.clientId}/inventory`, cookie: s.client },
    { key: 'c', name: '(c) worker reads it (consent + log)', path: `/api/v1/clients/${s.clientId}/inventory`, cookie: s.noor },
    { key: 'caseload', name: "worker's caseload", path: '/api/v1/caseload', cookie: s.noor },
    { key: 'log', name: 'access-log page (client)', path: `/api/v1/clients/${s.clientId}/access-log`, cookie: s.client },
  ]
  try {
    seeded = await seed(first.url)
    noorId = ((await (await fetch(`${first.url}/api/v1/me`, { headers: { cookie: seeded.noor } })).json()) as { id: string }).id
    small = await measure(first.url, casesFor(seeded))
  } finally {
    await first.stop()
  }
  const owner = await ownerOf(engine, env)
  const started = performance.now()
  try {
    for (const sql of growthSql()) await owner.run(sql)
  } finally {
    await owner.close()
  }
  const generatedSeconds = Math.round((performance.now() - started) / 100) / 10
  console.log(`  ${engine}: growth data added in ${generatedSeconds} s`)
  const second = await startServer(engine, env)
  let large: Awaited<ReturnType<typeof measure>>
  try {
    large = await measure(second.url, casesFor(seeded))
  } finally {
    await second.stop()
  }
  // The plans, on the large database, with the server stopped (EXPLAIN ANALYZE runs the query).
  const planner = await ownerOf(engine, env)
  const plans: string[] = []
  try {
    for (const [name, sql] of Object.entries(planQueries(seeded.clientId, noorId))) {
      const rows = await planner.run(`explain (analyze, costs off, timing on) ${sql}`)
      plans.push(`-- ${name}\n${sql}\n${rows.map((row) => String(Object.values(row)[0])).join('\n')}\n`)
    }
  } finally {
    await planner.close()
  }
  writeFileSync(`${resultsDir}growth-plans-${engine}.txt`, plans.join('\n'))
  const rows = casesFor(seeded).map((c) => {
    const s = small[c.key] ?? { p50: 0, p95: 0 }
    const l = large[c.key] ?? { p50: 0, p95: 0 }
    const ratio = s.p50 > 0 ? Math.round((l.p50 / s.p50) * 100) / 100 : 0
    return { case: c.name, 'small p50 ms': s.p50, 'small p95 ms': s.p95, 'large p50 ms': l.p50, 'large p95 ms': l.p95, 'large/small p50': ratio, within: ratio <= limit }
  })
  return { rows, generatedSeconds }
}

const { engines, dataDir } = benchEngines('growth', pgUrl ?? undefined, { embedded })

const results: Record<string, Awaited<ReturnType<typeof measureEngine>>> = {}
try {
  for (const { engine, env, done } of engines) {
    try {
      results[engine] = await measureEngine(engine, await env())
    } finally {
      await done?.()
    }
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}

const missed: string[] = []
for (const [engine, { rows, generatedSeconds }] of Object.entries(results)) {
  console.log(`\nGrowth, ${engine}: small (demo + 1 client of 60) vs large (+${growth.clients} clients, ${growth.clients * growth.statementsPerClient} statements; added in ${generatedSeconds} s); one request at a time (${runs})`)
  console.table(rows)
  for (const row of rows.filter((r) => !r.within)) missed.push(`${engine}: ${row.case} ${row['large/small p50']}× (target ≤ ${limit}×)`)
  console.log(`  plans: test/bench/results/growth-plans-${engine}.txt`)
}
writeResult('growth', { runs, limit, growth, results, missed })
if (missed.length > 0) {
  console.log(`\nGrowth not flat:\n${missed.map((line) => `  - ${line}`).join('\n')}`)
  process.exit(1)
}
