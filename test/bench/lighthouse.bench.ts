// Lighthouse 12, mobile (its default: a mid-range phone, slow 4G, simulated), on the server as
// `npm start` runs it (demo mode, a fresh embedded database), with the Chromium the browser tests use
// (CHROMIUM_PATH, else /usr/bin/chromium): the sign-in page signed out, the client's home and the
// inventory signed in as the demo client Sam (the session cookie goes with every request).
// Targets (issue 19, item 6): performance ≥ 95, accessibility 100. Exits 1 when a page misses one.
//
//   npm run bench -- lighthouse
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { writeResult } from './measure'
import { startServer } from './server-process'

const targets = { performance: 95, accessibility: 100 }

const dataDir = mkdtempSync(join(tmpdir(), 'kracht-lighthouse-'))
const server = await startServer('embedded', { DATA_DIR: dataDir })
const base = server.url

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
  await server.stop()
  rmSync(dataDir, { recursive: true, force: true })
}

console.log('\nLighthouse 12, mobile (simulated slow 4G and a mid-range phone)')
console.table(rows)
const missed = rows.filter((row) => row.performance < targets.performance || row.accessibility < targets.accessibility)
for (const row of missed) console.log(`  ${row.page}: performance ${row.performance} (≥ ${targets.performance}), accessibility ${row.accessibility} (= ${targets.accessibility})`)
writeResult('lighthouse', { targets, pages: rows })
if (missed.length > 0) process.exit(1)
