import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { matchRoutes as routerMatchRoutes, type AgnosticRouteObject } from '@remix-run/router'
import { describe, expect, it } from 'vitest'
import { cachedMatchRoutes } from './route-matching'

interface Route {
  id: string
  path?: string
  index?: boolean
  caseSensitive?: boolean
  children?: Route[]
}
type ManifestRoute = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean }

/** A tree as Remix builds one from its manifest (new objects each time, as per request). */
function treeOf(manifest: Record<string, ManifestRoute>, parentId?: string): Route[] {
  return Object.values(manifest)
    .filter((route) => route.parentId === parentId)
    .map((route) => {
      const children = treeOf(manifest, route.id)
      return {
        id: route.id,
        ...(route.path !== undefined ? { path: route.path } : {}),
        ...(route.index ? { index: true } : {}),
        ...(route.caseSensitive ? { caseSensitive: true } : {}),
        ...(children.length > 0 ? { children } : {}),
      }
    })
}

/** React Router's own, taking the test's plain trees. */
const matchRoutes = (routes: unknown, location: string | { pathname: string }, basename?: string) =>
  routerMatchRoutes(routes as AgnosticRouteObject[], location, basename)

const plain = (matches: ReturnType<typeof matchRoutes>) =>
  matches?.map((match) => ({ id: match.route.id, params: match.params, pathname: match.pathname, pathnameBase: match.pathnameBase })) ?? null

const buildFile = fileURLToPath(new URL('../../portal/build/server/index.js', import.meta.url))
const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e'

async function portalManifest(): Promise<Record<string, ManifestRoute>> {
  if (existsSync(buildFile)) return ((await import(pathToFileURL(buildFile).href)) as { routes: Record<string, ManifestRoute> }).routes
  // Without a build: a small tree of the same kinds (layout, index, params, splat, optional).
  return {
    root: { id: 'root', path: '' },
    'routes/_index': { id: 'routes/_index', parentId: 'root', index: true },
    'routes/clienten.$clientId': { id: 'routes/clienten.$clientId', parentId: 'root', path: 'clienten/:clientId' },
    'routes/clienten._index': { id: 'routes/clienten._index', parentId: 'root', path: 'clienten', index: true },
    'routes/hulp.($onderwerp)': { id: 'routes/hulp.($onderwerp)', parentId: 'root', path: 'hulp/:onderwerp?' },
    'routes/$': { id: 'routes/$', parentId: 'root', path: '*' },
  }
}

describe('cachedMatchRoutes', () => {
  it('answers as React Router does for every page of the portal, with the routes of the tree asked about', async () => {
    const manifest = await portalManifest()
    const cached = cachedMatchRoutes(matchRoutes as never)
    const paths = new Set(['/', '', '/nergens', '/clienten', '/clienten/', '/CLIENTEN', '/clienten/x/y/z', '/%C3%A9', `/clienten/${uuid}?tab=1#zin`])
    for (const route of Object.values(manifest)) {
      if (route.path === undefined) continue
      const filled = `/${route.path.replace(/:(\w+)\?/g, '$1').replace(/:\w+/g, uuid).replace(/\*$/, 'a/b')}`
      paths.add(filled)
      paths.add(`${filled}/`)
      paths.add(filled.toUpperCase())
    }
    for (let round = 0; round < 3; round++) {
      for (const path of paths) {
        // A new tree each time (as each request makes), of the same shape.
        const tree = treeOf(manifest)
        const expected = matchRoutes(tree, path)
        const got = (cached as unknown as typeof matchRoutes)(tree, path)
        expect(plain(got), path).toEqual(plain(expected))
        got?.forEach((match, i) => expect(match.route).toBe(expected?.[i]?.route))
        // One params object for all matches, as React Router hands them.
        if (got && got.length > 1) expect(got[0]?.params).toBe(got[1]?.params)
        expect((cached as unknown as typeof matchRoutes)(tree, { pathname: path })).toEqual(matchRoutes(tree, { pathname: path }))
        expect(plain((cached as unknown as typeof matchRoutes)(tree, path, '/basis'))).toEqual(plain(matchRoutes(tree, path, '/basis')))
      }
    }
  })

  it('keeps trees of another shape apart, and leaves trees without ids to React Router', () => {
    const cached = cachedMatchRoutes(matchRoutes as never) as unknown as typeof matchRoutes
    const a = [{ id: 'root', path: '', children: [{ id: 'x', path: 'een/:a' }] }]
    const b = [{ id: 'root', path: '', children: [{ id: 'x', path: 'twee/:a' }] }]
    expect(plain(cached(a, '/een/1'))).toEqual(plain(matchRoutes(a, '/een/1')))
    expect(cached(b, '/een/1')).toBeNull()
    expect(plain(cached(b, '/twee/1'))).toEqual(plain(matchRoutes(b, '/twee/1')))
    const noIds = [{ path: '/', children: [{ path: 'een' }] }]
    expect(cached(noIds, '/een')).toEqual(matchRoutes(noIds, '/een'))
    // A params object handed out once is not the one handed out next.
    const first = cached(a, '/een/1')
    if (first?.[0]) (first[0].params as Record<string, string>)['a'] = 'changed'
    expect(cached(a, '/een/1')?.[0]?.params['a']).toBe('1')
  })
})
