// The two sides of a side-by-side benchmark (interleave.ts, cpu-interleave.ts): this worktree and
// another build (`--base=<worktree>`, with its own `npm ci` and `npm run build`). Each side runs its
// own test/bench/server-process.ts, its own build and its own database, seeded alike; only this
// file's code is shared, so a base from before it was written still works.
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'

export type ProcessModule = typeof import('./server-process')

export interface Side {
  label: string
  module: ProcessModule
  server?: Awaited<ReturnType<ProcessModule['startServer']>>
  /** The benchmark's cases: (a) the floor, (c) a consented read, (d) the worker's page. */
  paths: Record<string, { path: string; cookie: string }>
  dataDir?: string
  done?: () => Promise<void>
}

export async function loadSides(baseRoot: string): Promise<Side[]> {
  return [
    { label: 'base', module: (await import(resolve(baseRoot, 'test/bench/server-process.ts'))) as ProcessModule, paths: {} },
    { label: 'this', module: await import('./server-process'), paths: {} },
  ]
}

/** As server.bench.ts: the first start creates and seeds; measured from a second start. */
export async function startSide(side: Side, databasePrefix: string, pgUrl: string | undefined): Promise<void> {
  const engine = pgUrl ? 'postgres' : 'embedded'
  const { engines, dataDir } = side.module.benchEngines(`${databasePrefix}_${side.label}`, pgUrl, { embedded: !pgUrl })
  const chosen = engines[0]!
  side.dataDir = dataDir
  if (chosen.done) side.done = chosen.done
  const env = await chosen.env()
  const first = await side.module.startServer(engine, env)
  let seeded: Awaited<ReturnType<ProcessModule['seed']>>
  try {
    seeded = await side.module.seed(first.url)
  } finally {
    await first.stop()
  }
  side.server = await side.module.startServer(engine, env)
  side.paths = {
    a: { path: '/api/v1/health', cookie: seeded.client },
    c: { path: `/api/v1/clients/${seeded.clientId}/inventory`, cookie: seeded.noor },
    d: { path: `/clienten/${seeded.clientId}`, cookie: seeded.noor },
  }
}

export async function stopSides(sides: Side[]): Promise<void> {
  for (const side of sides) {
    await side.server?.stop()
    await side.done?.()
    if (side.dataDir) rmSync(side.dataDir, { recursive: true, force: true })
  }
}
