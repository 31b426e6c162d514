// Page weight (issue 19, item 6): the JavaScript a browser loads for each page of the production portal
// build, gzipped, on a first visit straight to that page. From the build's own manifest (the one the
// server renders its <script> tags from): the client entry and its imports, Remix's route manifest
// file when the page loads it (not with lazy route discovery: then the page inlines the few routes it
// needs), then for every route from the root down to the page, its module and imports, and its texts
// chunk (apps/portal/texts: each route's keys, per language; the larger language is counted); each
// file counted once. Target: every page ≤ 100 kB.
//
//   npm run bench -- weight            builds the portal first when there is no build
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { writeResult } from './measure'

const portal = fileURLToPath(new URL('../../apps/portal/', import.meta.url))
const serverBuild = `${portal}build/server/index.js`
const clientDir = `${portal}build/client`
const limitKb = 100

if (!existsSync(serverBuild)) {
  console.log('No portal build yet: building it (about a minute).')
  const built = spawnSync('npx', ['remix', 'vite:build'], { cwd: portal, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (built.status !== 0) process.exit(1)
}

interface ManifestRoute {
  id: string
  parentId?: string | null
  path?: string | null
  index?: boolean | null
  module: string
  imports?: string[]
}
interface Manifest {
  entry: { module: string; imports: string[] }
  routes: Record<string, ManifestRoute>
  url: string
}

/** The server build inlines the manifest as an object literal; `void 0` is its only non-JSON part. */
function readManifest(): Manifest {
  const source = readFileSync(serverBuild, 'utf8')
  const found = /const serverManifest = (\{.*\});\s*$/m.exec(source)
  if (!found?.[1]) throw new Error(`No serverManifest in ${serverBuild}`)
  const parsed: Manifest = JSON.parse(found[1].replace(/\bvoid 0\b/g, 'null'))
  return parsed
}

const gzipped = new Map<string, number>()
function gzipKb(file: string): number {
  let size = gzipped.get(file)
  if (size === undefined) {
    size = gzipSync(readFileSync(`${clientDir}${file}`), { level: 9 }).length
    gzipped.set(file, size)
  }
  return size
}

/** Per route id, its texts chunk per language (`routeTextChunks` in the server build, from apps/portal/texts). */
function readTextChunks(): Record<string, Record<string, string>> {
  const found = /const routeTextChunks = (\{.*\});\s*$/m.exec(readFileSync(serverBuild, 'utf8'))
  if (!found?.[1]) throw new Error(`No routeTextChunks in ${serverBuild}`)
  const parsed: Record<string, Record<string, string>> = JSON.parse(found[1])
  return parsed
}

/** With lazy route discovery the page inlines a partial route manifest and never loads the file. */
const lazyDiscovery = /const future = \{[^\n]*"v3_lazyRouteDiscovery": true/.test(readFileSync(serverBuild, 'utf8'))

const manifest = readManifest()
const textChunks = readTextChunks()
const pathOf = (route: ManifestRoute): string => {
  const parent = route.parentId ? manifest.routes[route.parentId] : undefined
  const own = route.path ?? ''
  const base = parent ? pathOf(parent) : ''
  return `${base.replace(/\/$/, '')}/${own}`.replace(/\/+/g, '/')
}

interface Row {
  page: string
  route: string
  files: number
  'JS kB gzip': number
  'texts kB gzip': number
  'within 100 kB': boolean
}
const rows: Row[] = []
const leaves = Object.values(manifest.routes).filter(
  (route) => route.id !== 'root' && !Object.values(manifest.routes).some((other) => other.parentId === route.id),
)
for (const route of leaves) {
  // Resource routes (downloads, redirects) ship no module code of their own: not pages.
  if ((route.imports ?? []).length === 0 && gzipKb(route.module) < 100) continue
  const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports, ...(lazyDiscovery ? [] : [manifest.url])])
  const texts = { nl: 0, en: 0 }
  for (let at: ManifestRoute | undefined = route; at; at = at.parentId ? manifest.routes[at.parentId] : undefined) {
    files.add(at.module)
    for (const file of at.imports ?? []) files.add(file)
    for (const locale of ['nl', 'en'] as const) {
      const chunk = textChunks[at.id]?.[locale]
      if (chunk) texts[locale] += gzipKb(chunk)
    }
  }
  const textBytes = Math.max(texts.nl, texts.en)
  const bytes = [...files].reduce((sum, file) => sum + gzipKb(file), 0) + textBytes
  const kb = Math.round((bytes / 1024) * 10) / 10
  rows.push({
    page: pathOf(route),
    route: route.id,
    files: files.size + 1,
    'JS kB gzip': kb,
    'texts kB gzip': Math.round((textBytes / 1024) * 10) / 10,
    'within 100 kB': kb <= limitKb,
  })
}
rows.sort((a, b) => b['JS kB gzip'] - a['JS kB gzip'])

console.log(`\nGzipped JavaScript per page, first visit (production portal build; the page's texts included${lazyDiscovery ? '' : ', and the route manifest'})`)
console.table(rows)
const over = rows.filter((row) => !row['within 100 kB'])
const heaviest = rows[0]
console.log(heaviest ? `Heaviest: ${heaviest.page} ${heaviest['JS kB gzip']} kB. ${over.length === 0 ? `Every page within ${limitKb} kB.` : `${over.length} page(s) over ${limitKb} kB.`}` : 'No pages found.')
writeResult('page-weight', { limitKb, routeManifestLoaded: !lazyDiscovery, pages: rows })
if (over.length > 0) process.exit(1)
