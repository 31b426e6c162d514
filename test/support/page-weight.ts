// Page weight (issue 19, item 6): the JavaScript a browser loads for each page of the production
// portal build, gzipped, on a first visit straight to that page. From the build's own manifest (the
// one the server renders its <script> tags from): the client entry and its imports, Remix's route
// manifest file when the page loads it (not with lazy route discovery: then the page inlines the few
// routes it needs), then for every route from the root down to the page, its module and imports, and
// its texts chunk (apps/portal/texts: each route's keys, per language; the larger language is
// counted); each file counted once. Target: every page ≤ 100 kB.
// Read by `npm run bench -- weight` (a table and JSON) and by test/page-weight.test.ts: sizes, unlike
// timings, are the same on every machine, so a page that grows over the limit fails `npm test`.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

export const portal = fileURLToPath(new URL('../../apps/portal/', import.meta.url))
export const serverBuild = `${portal}build/server/index.js`
export const limitKb = 100

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

export interface PageWeight {
  page: string
  route: string
  files: number
  'JS kB gzip': number
  'texts kB gzip': number
  'within 100 kB': boolean
}

export interface PageWeights {
  /** Heaviest first. */
  pages: PageWeight[]
  routeManifestLoaded: boolean
}

/** The server build inlines an object literal as `const <name> = {...};` on one line; `void 0` is its only non-JSON part. */
function inlined<T>(source: string, name: string): T {
  const found = new RegExp(`const ${name} = (\\{.*\\});\\s*$`, 'm').exec(source)
  if (!found?.[1]) throw new Error(`No ${name} in ${serverBuild}`)
  const parsed: T = JSON.parse(found[1].replace(/\bvoid 0\b/g, 'null'))
  return parsed
}

/** Every page of the portal build (it must exist: `npm run build`, or the tests' global set-up). */
export function measurePageWeights(): PageWeights {
  const source = readFileSync(serverBuild, 'utf8')
  const manifest = inlined<Manifest>(source, 'serverManifest')
  const textChunks = inlined<Record<string, Record<string, string>>>(source, 'routeTextChunks')
  // With lazy route discovery the page inlines a partial route manifest and never loads the file.
  const lazyDiscovery = /const future = \{[^\n]*"v3_lazyRouteDiscovery": true/.test(source)

  const gzipped = new Map<string, number>()
  const gzipBytes = (file: string): number => {
    let size = gzipped.get(file)
    if (size === undefined) {
      size = gzipSync(readFileSync(`${portal}build/client${file}`), { level: 9 }).length
      gzipped.set(file, size)
    }
    return size
  }
  const pathOf = (route: ManifestRoute): string => {
    const parent = route.parentId ? manifest.routes[route.parentId] : undefined
    const base = parent ? pathOf(parent) : ''
    return `${base.replace(/\/$/, '')}/${route.path ?? ''}`.replace(/\/+/g, '/')
  }
  const routes = Object.values(manifest.routes)
  const leaves = routes.filter((route) => route.id !== 'root' && !routes.some((other) => other.parentId === route.id))

  const pages: PageWeight[] = []
  for (const route of leaves) {
    // Resource routes (downloads, redirects) ship no module code of their own: not pages.
    if ((route.imports ?? []).length === 0 && gzipBytes(route.module) < 100) continue
    const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports, ...(lazyDiscovery ? [] : [manifest.url])])
    const texts = { nl: 0, en: 0 }
    for (let at: ManifestRoute | undefined = route; at; at = at.parentId ? manifest.routes[at.parentId] : undefined) {
      files.add(at.module)
      for (const file of at.imports ?? []) files.add(file)
      for (const locale of ['nl', 'en'] as const) {
        const chunk = textChunks[at.id]?.[locale]
        if (chunk) texts[locale] += gzipBytes(chunk)
      }
    }
    const textBytes = Math.max(texts.nl, texts.en)
    const bytes = [...files].reduce((sum, file) => sum + gzipBytes(file), 0) + textBytes
    const kb = Math.round((bytes / 1024) * 10) / 10
    pages.push({
      page: pathOf(route),
      route: route.id,
      files: files.size + 1,
      'JS kB gzip': kb,
      'texts kB gzip': Math.round((textBytes / 1024) * 10) / 10,
      'within 100 kB': kb <= limitKb,
    })
  }
  pages.sort((a, b) => b['JS kB gzip'] - a['JS kB gzip'])
  return { pages, routeManifestLoaded: !lazyDiscovery }
}
