// Remix builds React Router's route tree anew for every page it renders (issue 19): `RemixServer`
// calls `createServerRoutes` for all 65 routes of the build (a route object and React elements for
// each), and React Router's `createStaticRouter` turns that tree into data routes
// (`convertRoutesToDataRoutes`, another 65 objects). A new tree per render also meant that route
// matching (route-matching.ts) met a tree it had not seen and walked its shape again. Both trees are
// pure functions of the build: the routes' manifest, each route's module, the build's future flags
// and SPA mode. So each is built once per build and given to every render; the render's own state
// (its location, its data, its matches) is never part of them, and nothing in a static render
// changes them (their routes have no `lazy` to resolve). The same in every server process: no state a
// second process would not see (ARCHITECTURE.md, Scale-out). A call with anything else (another
// module for a route, other flags, a subtree) is built as before.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

type RouteTree = object[]
type CreateServerRoutes = (manifest: unknown, routeModules: unknown, future: unknown, isSpaMode: unknown, ...rest: unknown[]) => RouteTree
type ConvertRoutes = (routes: RouteTree, mapRouteProperties: unknown, parentPath?: unknown, manifest?: Record<string, unknown>) => RouteTree

interface KeptServerRoutes {
  modules: Map<string, unknown>
  future: unknown
  isSpaMode: unknown
  routes: RouteTree
}
interface KeptDataRoutes {
  mapRouteProperties: unknown
  routes: RouteTree
  byId: [string, unknown][]
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** Whether a route module map is the one a kept tree was built from (the same module for every route). */
function sameModules(kept: Map<string, unknown>, routeModules: Record<string, unknown>): boolean {
  let count = 0
  for (const id in routeModules) {
    if (kept.get(id) !== routeModules[id]) return false
    count++
  }
  return count === kept.size
}

/** The kept server trees and data trees (see above); `createServerRoutes` and `convertRoutesToDataRoutes` in their place. */
export function cachedRouteTrees(original: { createServerRoutes: CreateServerRoutes; convertRoutesToDataRoutes: ConvertRoutes }) {
  const serverTrees = new WeakMap<object, KeptServerRoutes>()
  const keptTrees = new WeakSet<object>()
  const dataTrees = new WeakMap<object, KeptDataRoutes>()

  const createServerRoutes: CreateServerRoutes = (manifest, routeModules, future, isSpaMode, ...rest) => {
    // Only the whole tree, as RemixServer asks for it (a subtree or other arguments as before).
    if (rest.length > 0 || !isObject(manifest) || !isObject(routeModules)) return original.createServerRoutes(manifest, routeModules, future, isSpaMode, ...rest)
    const known = serverTrees.get(manifest)
    if (known && known.future === future && known.isSpaMode === isSpaMode && sameModules(known.modules, routeModules)) return known.routes
    const routes = original.createServerRoutes(manifest, routeModules, future, isSpaMode)
    serverTrees.set(manifest, { modules: new Map(Object.entries(routeModules)), future, isSpaMode, routes })
    keptTrees.add(routes)
    return routes
  }

  const convertRoutesToDataRoutes: ConvertRoutes = (routes, mapRouteProperties, parentPath, manifest) => {
    // Only a kept server tree, converted whole into an empty manifest (as createStaticRouter does).
    if (!keptTrees.has(routes) || parentPath !== undefined || !isObject(manifest) || Object.keys(manifest).length > 0) {
      return original.convertRoutesToDataRoutes(routes, mapRouteProperties, parentPath, manifest)
    }
    let known = dataTrees.get(routes)
    if (!known || known.mapRouteProperties !== mapRouteProperties) {
      const own: Record<string, unknown> = {}
      known = { mapRouteProperties, routes: original.convertRoutesToDataRoutes(routes, mapRouteProperties, undefined, own), byId: Object.entries(own) }
      dataTrees.set(routes, known)
    }
    for (const [id, route] of known.byId) manifest[id] = route
    return known.routes
  }

  return { createServerRoutes, convertRoutesToDataRoutes }
}

/**
 * Puts the kept trees in place for the copy of Remix React the portal's build renders with (its
 * `RemixServer` reads `createServerRoutes` from its routes module at each render) and for React
 * Router's `createStaticRouter` (which reads `UNSAFE_convertRoutesToDataRoutes` from the router's
 * exports at each call). Once per process.
 */
export function installRouteTreeCache(portalServerBuild: string): void {
  const fromPortal = createRequire(portalServerBuild)
  const remixReact = fromPortal.resolve('@remix-run/react')
  const routesModule = createRequire(remixReact)(join(dirname(remixReact), 'routes.js')) as { createServerRoutes: CreateServerRoutes & { kept?: true } }
  // The React Router that Remix React's RemixServer itself loads.
  const reactRouterDomServer = createRequire(remixReact).resolve('react-router-dom/server')
  const router = createRequire(reactRouterDomServer)('@remix-run/router') as { UNSAFE_convertRoutesToDataRoutes: ConvertRoutes & { kept?: true } }
  if (routesModule.createServerRoutes.kept) return
  const kept = cachedRouteTrees({ createServerRoutes: routesModule.createServerRoutes, convertRoutesToDataRoutes: router.UNSAFE_convertRoutesToDataRoutes })
  // The originals stay reachable (a test in the same process compares against them).
  routesModule.createServerRoutes = Object.assign(kept.createServerRoutes, { kept: true as const, original: routesModule.createServerRoutes })
  router.UNSAFE_convertRoutesToDataRoutes = Object.assign(kept.convertRoutesToDataRoutes, { kept: true as const, original: router.UNSAFE_convertRoutesToDataRoutes })
}
