import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cachedRouteTrees } from './server-routes'

// Remix React's own createServerRoutes (the module RemixServer reads it from).
const remixReact = createRequire(import.meta.url).resolve('@remix-run/react')
type Create = (manifest: unknown, modules: unknown, future: unknown, isSpaMode: boolean, ...rest: unknown[]) => object[]
type Convert = (routes: unknown, map: unknown, parentPath?: unknown, manifest?: unknown) => object[]
const loaded = createRequire(remixReact)(join(dirname(remixReact), 'routes.js')) as { createServerRoutes: Create & { original?: Create } }
const router = createRequire(createRequire(remixReact).resolve('react-router-dom/server'))('@remix-run/router') as {
  UNSAFE_convertRoutesToDataRoutes: Convert & { original?: Convert }
}
// The originals, also when another test in this process installed the kept trees (host.ts does).
const createServerRoutes = loaded.createServerRoutes.original ?? loaded.createServerRoutes
const convertRoutesToDataRoutes = router.UNSAFE_convertRoutesToDataRoutes.original ?? router.UNSAFE_convertRoutesToDataRoutes

type Manifest = Record<string, { id: string; parentId?: string; path?: string; index?: boolean; hasLoader: boolean; hasClientLoader: boolean }>
const manifest: Manifest = {
  root: { id: 'root', path: '', hasLoader: true, hasClientLoader: false },
  'routes/_index': { id: 'routes/_index', parentId: 'root', index: true, hasLoader: true, hasClientLoader: false },
  'routes/clienten.$clientId': { id: 'routes/clienten.$clientId', parentId: 'root', path: 'clienten/:clientId', hasLoader: true, hasClientLoader: false },
  'routes/hulp': { id: 'routes/hulp', parentId: 'root', path: 'hulp', hasLoader: false, hasClientLoader: false },
}
const component = (name: string) => Object.assign(() => null, { displayName: name })
const modulesOf = () => ({
  root: { default: component('Root'), Layout: component('Layout'), ErrorBoundary: component('Error') },
  'routes/_index': { default: component('Index') },
  'routes/clienten.$clientId': { default: component('Client'), handle: { page: 'client' } },
  'routes/hulp': { default: component('Help') },
})
const future = { v3_singleFetch: true }
const mapRouteProperties = (route: { ErrorBoundary?: unknown; errorElement?: unknown }) => ({ hasErrorBoundary: route.ErrorBoundary != null || route.errorElement != null })
/** A tree's shape with each function as its source (a new `loader: () => null` per build is the same function). */
const shape = (value: unknown): unknown =>
  typeof value === 'function'
    ? `fn ${(value as { displayName?: string }).displayName ?? String(value)}`
    : Array.isArray(value)
      ? value.map(shape)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, field]) => [key, shape(field)]))
        : value
const originals = { createServerRoutes: createServerRoutes as never, convertRoutesToDataRoutes: convertRoutesToDataRoutes as never }

describe('route trees built once per build', () => {
  it('are the trees Remix and React Router build, and the same ones for every render of a build', () => {
    const kept = cachedRouteTrees(originals)
    const modules = modulesOf()
    // Remix makes a new map of the build's modules for every request (createEntryRouteModules).
    const first = kept.createServerRoutes(manifest, { ...modules }, future, false)
    expect(shape(first)).toEqual(shape(createServerRoutes(manifest, modules, future, false)))
    expect(kept.createServerRoutes(manifest, { ...modules }, future, false)).toBe(first)

    const into: Record<string, unknown> = {}
    const data = kept.convertRoutesToDataRoutes(first, mapRouteProperties, undefined, into)
    const expected: Record<string, unknown> = {}
    expect(shape(data)).toEqual(shape(convertRoutesToDataRoutes(first as never, mapRouteProperties as never, undefined, expected as never)))
    expect(Object.keys(into)).toEqual(Object.keys(expected))
    // The next render: the same data routes, its own manifest filled with them.
    const again: Record<string, unknown> = {}
    expect(kept.convertRoutesToDataRoutes(first, mapRouteProperties, undefined, again)).toBe(data)
    expect(again).toEqual(into)
    expect(again['routes/clienten.$clientId']).toBe(into['routes/clienten.$clientId'])
  })

  it('builds anew for another module, other flags or another manifest, and leaves other calls alone', () => {
    const kept = cachedRouteTrees(originals)
    const modules = modulesOf()
    const first = kept.createServerRoutes(manifest, modules, future, false)
    const otherModule = kept.createServerRoutes(manifest, { ...modules, 'routes/hulp': { default: component('Help2') } }, future, false)
    expect(otherModule).not.toBe(first)
    expect(kept.createServerRoutes(manifest, { ...modules, extra: {} }, future, false)).not.toBe(otherModule)
    expect(kept.createServerRoutes(manifest, modules, { ...future }, false)).not.toBe(first)
    expect(kept.createServerRoutes({ ...manifest }, modules, future, false)).not.toBe(first)
    // A subtree (a parent id given) as Remix builds it.
    expect(shape(kept.createServerRoutes(manifest, modules, future, false, 'root'))).toEqual(shape(createServerRoutes(manifest, modules, future, false, 'root')))
    // A tree not kept here, another mapping, or a manifest already filled: converted as before.
    const plain = createServerRoutes(manifest, modules, future, false)
    expect(kept.convertRoutesToDataRoutes(plain, mapRouteProperties, undefined, {})).not.toBe(kept.convertRoutesToDataRoutes(plain, mapRouteProperties, undefined, {}))
    const tree = kept.createServerRoutes(manifest, modules, future, false)
    const data = kept.convertRoutesToDataRoutes(tree, mapRouteProperties, undefined, {})
    expect(kept.convertRoutesToDataRoutes(tree, () => ({}), undefined, {})).not.toBe(data)
    expect(kept.convertRoutesToDataRoutes(tree, mapRouteProperties, undefined, { x: {} })).not.toBe(data)
  })
})
