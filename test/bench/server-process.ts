// The server as `npm start` runs it, for the benchmarks: started in a child process on a free port
// (Node's memory flags from package.json's start script, the portal's production build), with the
// embedded database's queries counted (serve.mjs), and the benchmark's client seeded through the API.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { resultsDir } from './measure'

const root = fileURLToPath(new URL('../../', import.meta.url))

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface Server {
  url: string
  child: ChildProcess
  queries(): Promise<{ queries: number; texts: string[]; ms: number[] } | null>
  resetQueries(): void
  /** The server's own view of its memory in MiB: Node's heap and buffers, and PGlite's WebAssembly memory. */
  memory(): Promise<Record<string, number | null>>
  stop(): Promise<void>
}

export async function startServer(engine: 'embedded' | 'postgres', env: Record<string, string>, options: { profile?: boolean } = {}): Promise<Server> {
  const port = await freePort()
  // Node's flags as `npm start` passes them (package.json), so the memory measured is the start's.
  const start = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts['start'] ?? ''
  // BENCH_NODE_FLAGS adds flags to try (e.g. `--heap-growing-percent=30`), for comparing runs.
  const startFlags = /\bnode ((?:--\S+ )*)/.exec(start)?.[1]?.trim().split(' ').filter(Boolean) ?? []
  const node = [...startFlags, ...(process.env['BENCH_NODE_FLAGS']?.split(' ').filter(Boolean) ?? [])]
  // The bundle `npm start` runs (`npm run build` makes it); BENCH_SERVER_ENTRY=src: the TypeScript
  // entry through tsx, as before the bundle (serve.mjs).
  if (process.env['BENCH_SERVER_ENTRY'] === 'src') node.push('--import', 'tsx')
  else if (!existsSync(`${root}apps/server/build/main.mjs`)) throw new Error('The server is not built yet: run `npm run build` first.')
  // One folder per engine: tsx's loader thread writes a profile of its own next to the server's (the
  // larger file); read either with test/bench/profile.ts.
  if (options.profile) node.push('--cpu-prof', `--cpu-prof-dir=${resultsDir}profile-${engine}`)
  const child = spawn(process.execPath, [...node, 'test/bench/serve.mjs'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      // The engine is chosen here, never by the shell's DATABASE_URL.
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'DATABASE_URL' && key !== 'MIGRATION_DATABASE_URL')),
      ...env,
      PORT: String(port),
      // Demo mode (the README's start): demo users, no required settings. The limits would refuse
      // a benchmark's load (that is their job), so they are off; backups would only add noise.
      KRACHT_MODE: 'demo',
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      RATE_LIMIT_ASSISTANT_PER_MINUTE: '0',
      BACKUP_EVERY_HOURS: '0',
      // main.ts sets this itself; KRACHT_MODE above is the app's mode.
      NODE_ENV: 'production',
    },
  })
  let log = ''
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      // The line after the address says which React build runs.
      const found = /Kracht runs on (\S+)[^]*React: \w+ build/.exec(log)
      if (found?.[1]) resolve(found[1].replace('localhost', '127.0.0.1'))
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`The server stopped (${code}) before it ran:\n${log}`)))
  })
  const react = /React: (\w+) build/.exec(log)?.[1]
  if (react !== 'production') throw new Error(`The server runs React's ${react ?? 'unknown'} build, not production:\n${log}`)
  return {
    url,
    child,
    resetQueries: () => child.send('reset'),
    memory: () =>
      new Promise((resolve) => {
        child.once('message', (message) =>
          resolve(Object.fromEntries(Object.entries(message as Record<string, number | null>).map(([key, bytes]) => [key, bytes === null ? null : Math.round(bytes / 1048576)]))),
        )
        child.send('memory')
      }),
    queries: () =>
      new Promise((resolve) => {
        // Only the embedded database is counted (serve.mjs wraps PGlite).
        if (engine !== 'embedded') return resolve(null)
        child.once('message', (message) => resolve(message as { queries: number; texts: string[]; ms: number[] }))
        child.send('count')
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}


export async function seed(base: string) {
  const api = `${base}/api/v1`
  const call = async (method: string, path: string, cookie: string, body?: unknown) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    return { body: (await response.json()) as Record<string, unknown>, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' }
  }
  const login = async (username: string, password: string) => (await call('POST', '/auth/login', '', { username, password })).cookie
  const noor = await login('noor', 'kracht-demo')
  const noorId = (await call('GET', '/me', noor)).body['id'] as string
  // A new client, invited by Noor, with 60 statements over the ten life domains and three times.
  const { code } = (await call('POST', '/invitations', noor, { role: 'client', displayName: 'Bench' })).body as { code: string }
  const password = 'zonnige dagen aan zee'
  const clientId = (await call('POST', '/invitations/accept', '', { code, username: 'bench', password })).body['id'] as string
  const client = await login('bench', password)
  const domains = ['safety', 'housing', 'finances', 'children', 'partner', 'relationships', 'work', 'leisure', 'health', 'meaning']
  const times = ['past', 'present', 'future']
  for (let i = 0; i < 60; i++) {
    await call('POST', `/clients/${clientId}/statements`, client, {
      domain: domains[i % 10],
      time: times[i % 3],
      form: 'i_can',
      text: `Ik kan ${i} dingen goed doen, zoals koken voor mijn buren en fietsen naar mijn werk.`,
    })
  }
  // The client shares the inventory with Noor: her reads pass the consent gate and are logged.
  await call('POST', `/clients/${clientId}/consents`, client, { granteeId: noorId, scopes: ['inventory'] })
  return { clientId, client, noor }
}

export type Engine = 'embedded' | 'postgres'
export interface BenchEngine {
  engine: Engine
  env: () => Promise<Record<string, string>>
  done?: () => Promise<void>
}

/**
 * The engines a benchmark runs on, side by side: the embedded database in a fresh temporary folder
 * (unless left out), and with `pgUrl` a fresh PostgreSQL database, dropped when done. `dataDir` is
 * the folder to remove afterwards.
 */
export function benchEngines(prefix: string, pgUrl: string | undefined, options: { embedded?: boolean } = {}): { engines: BenchEngine[]; dataDir: string } {
  const engines: BenchEngine[] = []
  const dataDir = mkdtempSync(join(tmpdir(), `kracht-${prefix}-`))
  if (options.embedded !== false) engines.push({ engine: 'embedded', env: async () => ({ DATA_DIR: dataDir }) })
  if (pgUrl) {
    const name = `kracht_${prefix}_${Date.now()}`
    const admin = postgres(pgUrl, { max: 1, onnotice: () => {} })
    engines.push({
      engine: 'postgres',
      env: async () => {
        await admin.unsafe(`create database ${name}`)
        const url = new URL(pgUrl)
        url.pathname = `/${name}`
        return { DATABASE_URL: url.toString(), DATA_DIR: dataDir }
      },
      done: async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`)
        await admin.end()
      },
    })
  }
  return { engines, dataDir }
}
