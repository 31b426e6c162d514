// Helpers for the fault tests: the real server process (`npm start`'s entry) started, killed and
// restarted, and a small API client that says whether a write was acknowledged.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { fileURLToPath } from 'node:url'

// What `npm start` runs, made anew by test/support/global-setup.ts.
const main = fileURLToPath(new URL('../../apps/server/build/main.mjs', import.meta.url))

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams
  /** Resolves with the address once the server listens; rejects when it stops before that. */
  ready: Promise<string>
  exited: Promise<Exit>
  /** Everything it wrote so far, stdout and stderr together. */
  output(): string
  /** Milliseconds from spawn to listening (once ready). */
  startMs(): number | null
  kill(signal: NodeJS.Signals): Promise<Exit>
}

/**
 * Spawns the server as `npm start` does (`node apps/server/build/main.mjs`) with the given settings on top of a quiet test
 * environment: rate limits and scheduled backups off, the embedded database unless DATABASE_URL is
 * passed.
 */
export function spawnServer(env: Record<string, string | undefined>): ServerProcess {
  const base: NodeJS.ProcessEnv = { ...process.env }
  delete base['DATABASE_URL']
  delete base['MIGRATION_DATABASE_URL']
  delete base['KRACHT_MODE']
  const child = spawn(process.execPath, [main], {
    env: {
      ...base,
      NODE_ENV: 'test',
      PORT: '0',
      BACKUP_EVERY_HOURS: '0',
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      RATE_LIMIT_ASSISTANT_PER_MINUTE: '0',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const started = performance.now()
  let startMs: number | null = null
  let output = ''
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /Kracht runs on (http:\/\/localhost:\d+)/.exec(output)?.[1]
      if (url && startMs === null) {
        startMs = performance.now() - started
        resolve(url)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    void exited.then((exit) => reject(new Error(`the server stopped before it listened (${exit.code ?? exit.signal}):\n${output}`)))
  })
  // Callers that kill a server while it starts do not wait for it to be ready.
  ready.catch(() => {})
  return {
    child,
    ready,
    exited,
    output: () => output,
    startMs: () => startMs,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}

/** The answer to one request, or `lost` when the connection broke before an answer (the kill). */
export type Outcome<T> = { ok: true; status: number; body: T } | { ok: false; status: number; body: unknown } | { ok: false; lost: true }

export class Api {
  constructor(
    public url: string,
    public cookie = '',
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<Outcome<T>> {
    let response: Response
    try {
      response = await fetch(`${this.url}/api/v1${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.cookie ? { cookie: this.cookie } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      })
    } catch {
      return { ok: false, lost: true }
    }
    let parsed: unknown = null
    try {
      const text = await response.text()
      parsed = text ? JSON.parse(text) : null
    } catch {
      // The connection broke while the answer came in: the status says it was done.
      if (response.ok) return { ok: true, status: response.status, body: null as T }
      return { ok: false, lost: true }
    }
    return response.ok ? { ok: true, status: response.status, body: parsed as T } : { ok: false, status: response.status, body: parsed }
  }

  /** A call that must succeed (set-up and checks, not the writes under test). */
  async must<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const outcome = await this.call<T>(method, path, body)
    if (!outcome.ok) throw new Error(`${method} ${path} failed: ${'lost' in outcome ? 'connection lost' : `${outcome.status} ${JSON.stringify(outcome.body)}`}`)
    return outcome.body
  }

  async signIn(username: string, password = 'kracht-demo'): Promise<string> {
    const response = await fetch(`${this.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
    if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`)
    this.cookie = response.headers.get('set-cookie')?.split(';')[0] ?? ''
    const me = (await this.must<{ id: string }>('GET', '/me'))
    return me.id
  }

  /** The same session against another address (the server restarted on another port, or a second server). */
  at(url: string): Api {
    return new Api(url, this.cookie)
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
