import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { dropPostgresTemplates } from '@kracht/db/testing'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this run's template database, which each test server copies (server.ts). */
    serverDataTemplate: string
  }
}

const portal = fileURLToPath(new URL('../../apps/portal/', import.meta.url))

function newestChange(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Browser tests run against the built portal: build it once, and only when a source changed. */
function buildPortal(): void {
  const entry = join(portal, 'build/server/index.js')
  // The build plugins (texts/, vite.config.ts) decide what each page ships: a change there is a change too.
  const sources = Math.max(
    newestChange(join(portal, 'app')),
    newestChange(join(portal, 'texts')),
    statSync(join(portal, 'vite.config.ts')).mtimeMs,
    newestChange(join(portal, '../../packages/i18n/src')),
  )
  if (existsSync(entry) && statSync(entry).mtimeMs > sources) return
  // A production build, as users get it (the tests run with NODE_ENV=test, which would make a development build).
  execFileSync('npx', ['remix', 'vite:build'], { cwd: portal, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
}

/**
 * The server as `npm start` runs it (apps/server/build.mjs: one bundle, plain Node), for the tests
 * that start it as a process of its own (test/faults): about half the CPU of a start through tsx.
 * A second or two with esbuild, so always made anew.
 */
function buildServerBundle(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../apps/server/build.mjs', import.meta.url))], { stdio: 'inherit' })
}

export default function setup(project: TestProject): () => Promise<void> {
  buildPortal()
  buildServerBundle()
  // Where the first test server builds the database the others copy (server.ts); built there, on
  // demand, so a run without a test server does not pay for it.
  const template = mkdtempSync(join(tmpdir(), 'kracht-test-template-'))
  project.provide('serverDataTemplate', template)
  return async () => {
    rmSync(template, { recursive: true, force: true })
    // The database tests on a PostgreSQL server copy a migrated template there (db/src/testing.ts).
    const serverUrl = process.env['DATABASE_URL']
    if (serverUrl) await dropPostgresTemplates(serverUrl)
  }
}
