// The assistant: server time of an offline turn (POST …/answers through the API, in-process, on
// embedded PGlite), p50/p95 over hundreds of turns; and the gzip size of the chat page's JavaScript
// from the built portal (route chunk + everything it shares with the rest of the app).
import { gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { createApi, hashPassphrase, loadConfig, seedDemoContent, type Deps } from '@kracht/api'
import { createDatabase, runMigrations, seedDemo } from '@kracht/db'
import { loadPortalBuild } from '@kracht/server'
import { printTable, writeResult, type Timing } from './measure'

const runs = Math.max(200, Number(process.env['BENCH_RUNS'] ?? 300))
const handle = await createDatabase({ memory: true })
await runMigrations(handle)
const deps: Deps = { db: handle.db, config: loadConfig({ NODE_ENV: 'test' }), now: () => new Date() }
const seeded = await seedDemo(handle.db, { passwordHash: await hashPassphrase('kracht-demo') })
await seedDemoContent(deps, seeded)
const api = createApi(deps)
const clientId = seeded.userIds.sam ?? ''

const login = await api.request('/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'sam', password: 'kracht-demo' }),
})
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? ''

interface Turn {
  conversation: { id: string; version: number }
  step: { id: string } | null
}

async function call(method: string, path: string, body?: unknown): Promise<Turn> {
  const response = await api.request(path, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as Turn
}

const base = `/clients/${clientId}/conversations`
const answers: Record<string, string[]> = {
  strengths: [
    'eerlijk en geduldig, ook als het druk is',
    'goed koken voor mijn kinderen en mijn buren',
    'een fiets, een hond en een zus die elke week belt',
    'weer werken in een bakkerij, eerst een paar ochtenden',
    'hoe ik hulp regel bij de gemeente',
  ],
  miracle: [
    'Ik word wakker in mijn eigen huis. Mijn kinderen zijn bij mij en de zon schijnt.',
    'rust in mijn hoofd en geen brieven meer die ik niet durf open te maken',
    'mijn zus ziet dat ik lach',
    'vroeg opstaan, koken en naar mijn werk fietsen',
  ],
}

function summarise(name: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  const round = (value: number) => Math.round(value * 100) / 100
  return { name, runs: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? 0) }
}

/** Answers `count` turns of a flow, starting new conversations as they finish; times only the answers. */
async function turns(flow: 'strengths' | 'miracle', count: number, warmUp: number): Promise<number[]> {
  const samples: number[] = []
  const start = () =>
    call('POST', base, flow === 'strengths' ? { flow, context: { domains: ['safety', 'housing', 'finances', 'children', 'partner', 'relationships', 'work', 'leisure', 'health', 'meaning'] } } : { flow })
  let turn = await start()
  let n = 0
  while (samples.length < count) {
    if (!turn.step) turn = await start()
    const texts = answers[flow] ?? []
    const body = { stepId: turn.step?.id, version: turn.conversation.version, text: texts[n % texts.length] }
    const began = performance.now()
    turn = await call('POST', `${base}/${turn.conversation.id}/answers`, body)
    const took = performance.now() - began
    if (n >= warmUp) samples.push(took)
    n++
  }
  return samples
}

const strengths = await turns('strengths', runs, 20)
const miracle = await turns('miracle', runs, 8)
const resumed = await call('POST', base, { flow: 'miracle' })
const gets: number[] = []
for (let i = 0; i < runs + 20; i++) {
  const began = performance.now()
  await call('GET', `${base}/${resumed.conversation.id}`)
  if (i >= 20) gets.push(performance.now() - began)
}
const rows = [
  summarise('answer turn, forms of strength (offline)', strengths),
  summarise('answer turn, miracle question (offline)', miracle),
  summarise('all offline turns', [...strengths, ...miracle]),
  summarise('GET conversation (resume)', gets),
]
printTable('Assistant turn, server time (in-process API, embedded PGlite)', rows)
const all = rows[2]
const target = 30
console.log(`p95 of an offline turn: ${all?.p95} ms (target < ${target} ms): ${all && all.p95 < target ? 'met' : 'NOT met'}`)

// The chat page's JavaScript: what a browser loads for /assistent/:id, gzipped (the server
// compresses pages and assets). Read from the built portal's own manifest.
let javaScript: { files: { file: string; bytes: number; gzip: number }[]; totalBytes: number; totalGzip: number; routeGzip: number } | null = null
try {
  const { build, clientDir } = await loadPortalBuild()
  const route = build.assets.routes['routes/assistent.$conversationId']
  const root = build.assets.routes['root']
  if (route && root) {
    const urls = new Set<string>([build.assets.entry.module, ...build.assets.entry.imports, root.module, ...(root.imports ?? []), route.module, ...(route.imports ?? []), build.assets.url])
    const files = [...urls].map((url) => {
      const content = readFileSync(`${clientDir}${url}`)
      return { file: url, bytes: content.length, gzip: gzipSync(content).length }
    })
    const routeFile = files.find((f) => f.file === route.module)
    javaScript = {
      files,
      totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
      totalGzip: files.reduce((sum, f) => sum + f.gzip, 0),
      routeGzip: routeFile?.gzip ?? 0,
    }
    console.log('\nChat page JavaScript (gzip):')
    console.table(files.map((f) => ({ file: f.file, 'kB': (f.bytes / 1024).toFixed(1), 'gzip kB': (f.gzip / 1024).toFixed(1) })))
    console.log(`total ${(javaScript.totalGzip / 1024).toFixed(1)} kB gzip, of which the chat route ${(javaScript.routeGzip / 1024).toFixed(1)} kB`)
  }
} catch (error) {
  console.log(`(No portal build to measure: ${error instanceof Error ? error.message : String(error)}. Run npx turbo run build first.)`)
}

writeResult('assistant', { runs, rows, targetP95Ms: target, met: Boolean(all && all.p95 < target), javaScript })
await handle.close()
