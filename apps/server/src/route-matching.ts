// Remix matches a page's path against its routes five times per request (issue 19: ~5 % of the
// server's CPU under the worker's page): the server runtime to pick the handler, the static handler
// to run the loaders, React Router to render, and the lazy route discovery twice more (the page's
// parent paths, for the routes the browser is handed). Each time React Router's `matchRoutes`
// flattens all 65 routes, ranks them and compiles a regular expression per route it tries, and three
// of those calls get route objects made anew for the request, so nothing is kept between them.
//
// `matchRoutes` is a pure function of the routes' shape (id, path, index, case-sensitivity and
// children) and the path. So the answer for a shape and a path is kept as route ids with their
// params and pathnames, and given back with the route objects of the tree asked about. A tree whose
// routes lack an id or repeat one is matched as before. The answers are few (one per page and
// path, at most `maxAnswers`, the oldest dropped first) and hold no one's data: the same in every
// server process, so no state a second process would not see (ARCHITECTURE.md, Scale-out).
import { createRequire } from 'node:module'

interface RouteLike {
  id?: unknown
  path?: unknown
  index?: unknown
  caseSensitive?: unknown
  children?: unknown
}
interface Match {
  params: Record<string, string | undefined>
  pathname: string
  pathnameBase: string
  route: RouteLike
}
type MatchRoutes = (routes: RouteLike[], location: string | { pathname?: string }, basename?: string) => Match[] | null

interface Shape {
  id: number
  routes: Map<string, RouteLike>
}
interface Answer {
  ids: string[]
  params: Record<string, string | undefined>
  pathnames: [string, string][]
}

const maxAnswers = 2000

/** `matchRoutes` with its answers kept per routes' shape and path (see above). */
export function cachedMatchRoutes(original: MatchRoutes): MatchRoutes {
  const shapeIds = new Map<string, number>()
  const shapes = new WeakMap<object, Shape | null>()
  const answers = new Map<string, Answer | null>()

  const shapeOf = (routes: RouteLike[]): Shape | null => {
    const known = shapes.get(routes)
    if (known !== undefined) return known
    const byId = new Map<string, RouteLike>()
    let key = ''
    let usable = true
    const walk = (list: unknown): void => {
      if (!Array.isArray(list)) {
        usable = false
        return
      }
      key += '['
      for (const route of list as RouteLike[]) {
        if (typeof route?.id !== 'string' || byId.has(route.id)) {
          usable = false
          return
        }
        byId.set(route.id, route)
        key += JSON.stringify([route.id, route.path ?? null, route.index === true, route.caseSensitive === true])
        if (route.children !== undefined) walk(route.children)
        if (!usable) return
      }
      key += ']'
    }
    walk(routes)
    let shape: Shape | null = null
    if (usable) {
      let id = shapeIds.get(key)
      if (id === undefined) shapeIds.set(key, (id = shapeIds.size))
      shape = { id, routes: byId }
    }
    shapes.set(routes, shape)
    return shape
  }

  return function matchRoutes(routes, location, basename = '/') {
    const path = typeof location === 'string' ? location : location?.pathname
    const shape = Array.isArray(routes) && typeof path === 'string' ? shapeOf(routes) : null
    if (!shape) return original(routes, location, basename)
    // A string is read as a URL (its ?query and #hash dropped); an object's pathname as it is.
    const key = `${shape.id}\u0000${typeof location === 'string' ? 's' : 'o'}\u0000${basename}\u0000${path}`
    const answer = answers.get(key)
    if (answer === undefined) {
      const matches = original(routes, location, basename)
      // Only an answer made of this tree's own routes can be given back for another tree of its shape.
      if (matches === null || matches.every((match) => typeof match.route.id === 'string' && shape.routes.get(match.route.id) === match.route)) {
        if (answers.size >= maxAnswers) answers.delete(answers.keys().next().value as string)
        answers.set(
          key,
          matches && {
            ids: matches.map((match) => match.route.id as string),
            params: { ...matches[0]?.params },
            pathnames: matches.map((match) => [match.pathname, match.pathnameBase]),
          },
        )
      }
      return matches
    }
    if (answer === null) return null
    // One params object shared by all matches, as React Router does.
    const params = { ...answer.params }
    return answer.ids.map((id, i) => {
      const [pathname, pathnameBase] = answer.pathnames[i] as [string, string]
      return { params, pathname, pathnameBase, route: shape.routes.get(id) as RouteLike }
    })
  }
}

/**
 * Puts the kept answers in place of React Router's `matchRoutes` for everyone who calls it through
 * the module (Remix's server runtime, Remix React, React Router read it from there at each call).
 * Once per process; the static handler's own call inside the module stays as it is.
 */
export function installRouteMatchCache(): void {
  // The copy Remix itself loads: through @remix-run/node and its server runtime.
  const runtime = createRequire(createRequire(import.meta.url).resolve('@remix-run/node')).resolve('@remix-run/server-runtime')
  const router = createRequire(runtime)('@remix-run/router') as { matchRoutes: MatchRoutes & { cached?: true } }
  if (router.matchRoutes.cached) return
  const cached = Object.assign(cachedMatchRoutes(router.matchRoutes), { cached: true as const })
  router.matchRoutes = cached
}
