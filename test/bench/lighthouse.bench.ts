// Lighthouse 12, mobile (its default: a mid-range phone, slow 4G, simulated), on the server as
// `npm start` runs it (demo mode, a fresh embedded database), with the Chromium the browser tests use
// (CHROMIUM_PATH, else /usr/bin/chromium): the sign-in page signed out, the client's home and the
// inventory signed in as the demo client Sam (the session cookie goes with every request).
// Targets (issue 19, item 6): performance ≥ 95, accessibility 100. Exits 1 when a page misses one.
//
//   npm run bench -- lighthouse
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { writeResult } from './measure'

const root = fileURLToPath(new URL('../../', import.meta.url))
const targets = { performance: 95, accessibility: 100 }

async function freePort(): Promise<number> {
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

const dataDir = mkdtempSync(join(tmpdir(), 'kracht-lighthouse-'))
const port = await freePort()
const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  // The embedded database always, never the shell's DATABASE_URL.
  env: {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'DATABASE_URL' && key !== 'MIGRATION_DATABASE_URL')),
    PORT: String(port), DATA_DIR: dataDir, KRACHT_MODE: 'demo',
    BACKUP_EVERY_HOURS: '0',
  },
})
const base = await new Promise<string>((resolve, reject) => {
  let log = ''
  const onData = (chunk: Buffer) => {
    log += chunk.toString()
    if (/React: \w+ build/.test(log)) resolve(`http://127.0.0.1:${port}`)
  }
  server.stdout.on('data', onData)
  server.stderr.on('data', onData)
  server.once('exit', (code) => reject(new Error(`The server stopped (${code}) before it ran:\n${log}`)))
})

const chrome = await launch({
  chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
})

interface Row {
  page: string
  performance: number
  accessibility: number
  'FCP ms': number
  'LCP ms': number
  'TBT ms': number
  CLS: number
  findings: string
}
const rows: Row[] = []
try {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'sam', password: 'kracht-demo' }),
  })
  const cookie = login.headers.get('set-cookie')?.split(';')[0]
  if (!login.ok || !cookie) throw new Error(`Sign-in as sam failed: ${login.status}`)
  const pages: { path: string; cookie?: string }[] = [{ path: '/inloggen' }, { path: '/', cookie }, { path: '/inventaris', cookie }]
  for (const page of pages) {
    const result = await lighthouse(`${base}${page.path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
    })
    if (!result) throw new Error(`Lighthouse gave no result for ${page.path}`)
    const { categories, audits, finalDisplayedUrl } = result.lhr
    if (new URL(finalDisplayedUrl).pathname !== page.path) throw new Error(`${page.path} ended on ${finalDisplayedUrl}`)
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100)
    const metric = (id: string) => Math.round((audits[id]?.numericValue ?? 0) * (id === 'cumulative-layout-shift' ? 1000 : 1)) / (id === 'cumulative-layout-shift' ? 1000 : 1)
    // What costs points: failed accessibility audits and performance audits below 0.9 that weigh.
    const failing = Object.values(categories)
      .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => audits[ref.id]))
      .filter((audit) => audit && audit.score !== null && audit.score < 0.9)
      .map((audit) => `${audit?.id} (${audit?.displayValue ?? audit?.score})`)
    rows.push({
      page: page.path,
      performance: score('performance'),
      accessibility: score('accessibility'),
      'FCP ms': metric('first-contentful-paint'),
      'LCP ms': metric('largest-contentful-paint'),
      'TBT ms': metric('total-blocking-time'),
      CLS: metric('cumulative-layout-shift'),
      findings: failing.join(', ') || '–',
    })
  }
} finally {
  await chrome.kill()
  server.kill('SIGTERM')
  await new Promise((resolve) => server.once('exit', resolve))
  rmSync(dataDir, { recursive: true, force: true })
}

console.log('\nLighthouse 12, mobile (simulated slow 4G and a mid-range phone)')
console.table(rows)
const missed = rows.filter((row) => row.performance < targets.performance || row.accessibility < targets.accessibility)
for (const row of missed) console.log(`  ${row.page}: performance ${row.performance} (≥ ${targets.performance}), accessibility ${row.accessibility} (= ${targets.accessibility})`)
writeResult('lighthouse', { targets, pages: rows })
if (missed.length > 0) process.exit(1)
