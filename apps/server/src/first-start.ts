import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { appMode, hashPassphrase, seedDemoContent, type Config, type Deps } from '@kracht/api'
import { DatabaseStartError, seedDemo, type DatabaseHandle } from '@kracht/db'

// The first start of the embedded database (initdb, every migration, the demo data) runs in a
// short-lived child process (issue 19, memory). It touches far more memory than serving does (Node's
// and the C allocator's heaps, PGlite's WebAssembly memory), and none of that is given back: done in
// the server's own process, it started at 380–410 MiB RSS instead of about 310. The server holds the
// data folder's lock the whole time and opens nothing until the child has ended (the child checks
// that the lock names its parent), so the folder is never open in two processes at once.

const child = fileURLToPath(new URL('./first-start-main.ts', import.meta.url))

/**
 * Builds the embedded database in a child process and waits for it: its lines go to `log`; when it
 * fails, its message becomes this process's DatabaseStartError. If this process dies, the child
 * stops too (it exits when its IPC channel closes).
 */
export function firstStartInChild(env: Record<string, string | undefined>, log: (line: string) => void): Promise<void> {
  // Node's memory flags as this process got them (npm start's), and TypeScript through tsx.
  const flags = process.execArgv.filter((arg) => arg.startsWith('--max-'))
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  // The settings this server was given (tests pass their own) over this process's, and its app mode
  // as this server decided it (main.ts moved it to KRACHT_MODE).
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, KRACHT_MODE: appMode(env) }
  return new Promise((resolve, reject) => {
    const setup = spawn(process.execPath, [...flags, '--import', tsx, child], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
    log(`First start: the database is built in a separate process (${setup.pid}), which gives its memory back when done.`)
    let pending = ''
    setup.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) log(line)
    })
    let errors = ''
    setup.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    setup.once('error', (error) => reject(new DatabaseStartError(`Cannot start the first start's process (${error.message}).`)))
    setup.once('exit', (code, signal) => {
      if (pending) log(pending)
      if (code === 0) resolve()
      else reject(new DatabaseStartError(errors.trim() || `The first start of the embedded database stopped (${signal ?? `exit code ${code}`}). Start again.`))
    })
  })
}

/** Demo mode: the demo users and the demo client's content, once, on an empty database. */
export async function seedDemoData(handle: DatabaseHandle, config: Config, log: (line: string) => void): Promise<void> {
  if (config.production) return
  const deps: Deps = { db: handle.db, config, now: () => new Date(), model: null }
  // The users and the demo client's content in one transaction: a kill half-way leaves an empty
  // database, which the next start fills again, never users without their content.
  const seeded = await handle.db.transaction(async (tx) => {
    const result = await seedDemo(tx, { passwordHash: () => hashPassphrase(config.DEMO_PASSWORD) })
    if (result.seeded) await seedDemoContent({ ...deps, db: tx }, result)
    return result
  })
  if (seeded.seeded) log('Demo data added to the empty database (Stichting De Brug).')
}
