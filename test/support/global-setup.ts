import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

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
export default function setup() {
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
