import { randomBytes } from 'node:crypto'
import { relative } from 'node:path'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { secureHeaders, NONCE } from 'hono/secure-headers'
import { serveStatic } from '@hono/node-server/serve-static'
import { createRequestHandler, type AppLoadContext, type ServerBuild } from '@remix-run/node'
import { hc } from 'hono/client'
import { accessLogBatch, inProcessAnswer, resolveClientAddress, type Api, type InternalCall } from '@kracht/api'
import '@kracht/portal/context'
import { portalBodyLimit, portalCrossSiteCheck, portalFormBody } from './request-guards'
import { withErrorLog } from './portal-errors'
import { compressPages } from './compress'
import { installRouteMatchCache } from './route-matching'
import { installRouteTreeCache } from './server-routes'

interface HostOptions {
  api: Api
  /**
   * The portal's server build and the folder with its browser assets; with the build's file, its
   * route trees are built once (server-routes.ts).
   */
  portal: { build: ServerBuild; clientDir: string; serverEntry?: string }
  production: boolean
  /** The address people use (PUBLIC_URL): form posts must come from there. */
  publicUrl: string
  /** Proxies of our own in front (config.trustedProxies): the portal's calls count addresses as the API's do. */
  trustedProxies: number
  /** PUBLIC_URL is https (config.secureCookies): the portal's own cookies are Secure too. */
  secureCookies?: boolean
}

interface HostEnv {
  Bindings: { incoming?: { socket?: { remoteAddress?: string } } }
  Variables: { secureHeadersNonce?: string }
}

/**
 * One Hono app serves everything. Order matters: security headers first (every answer gets them),
 * then the API (JSON, never compressed: that halved small-JSON throughput), then static assets, then
 * the portal, which catches every other path.
 */
/** A portal page about one client (`/clienten/{id}/…`): its reads start with the consent gate's facts. */
const clientPage = /^\/clienten\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i

export function createHost({ api, portal, production, publicUrl, trustedProxies, secureCookies = false }: HostOptions) {
  installRouteMatchCache()
  if (portal.serverEntry) installRouteTreeCache(portal.serverEntry)
  const host = new Hono<HostEnv>()
  const pages = compressPages()

  host.use(
    '*',
    secureHeaders({
      // Invitation links carry a secret in the path: never leak it to another site in a Referer header.
      // (Not no-referrer: then browsers send Origin: null on form posts, which the CSRF check refuses.)
      referrerPolicy: 'same-origin',
      xFrameOptions: 'DENY',
      strictTransportSecurity: production ? 'max-age=31536000; includeSubDomains' : false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", NONCE],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
  )

  // The portal's form posts: from our own site only, never larger than a form can be, and forms. Before the
  // API and Remix, so a refused request reaches neither. (The API has the same checks of its own.)
  host.use('*', portalCrossSiteCheck(publicUrl))
  host.use('*', portalBodyLimit())
  host.use('*', portalFormBody())

  host.route('/api/v1', api)
  host.get('/api/docs', (c) => c.redirect('/api/v1/docs', 302))
  host.all('/api/*', (c) => c.json({ code: 'not_found', message: 'No such route.' }, 404))

  // Built assets (large, cached for a year) as before; pages and other text in one call (compress.ts).
  host.use('/assets/*', compress())
  host.use('*', (c, next) => (c.req.path.startsWith('/assets/') ? next() : pages(c, next)))
  const root = relative(process.cwd(), portal.clientDir) || '.'
  host.use(
    '/assets/*',
    serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }),
  )
  const files = serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=3600') })
  // Outside /assets only a path naming a file (a dot in its last part: /favicon.svg) can be one, so
  // a page (/clienten/{id}) skips the look-up in the file system it would never find (issue 19).
  host.use('*', (c, next) => (/\.[^/]*$/.test(c.req.path) ? files(c, next) : next()))

  // Always Remix's production mode: the development mode sends error details to the browser.
  const handleRemix = createRequestHandler(withErrorLog(portal.build), 'production')
  host.all('*', async (c) => {
    // The same rule as direct API calls (rightmost untrusted X-Forwarded-For hop, IPv6 per /64), so
    // people behind one proxy do not share one counter.
    const clientIp = resolveClientAddress({
      forwardedFor: c.req.header('x-forwarded-for'),
      remoteAddress: c.env?.incoming?.socket?.remoteAddress,
      trustedProxies,
    })
    const nonce = c.get('secureHeadersNonce') ?? randomBytes(16).toString('base64')
    // Reading a page (GET, HEAD) changes no session and no consent: its loaders share one session
    // lookup, one /me, one read of the consent gate's facts per client, one read of each piece of
    // a client's data (each call after its own gate and log row), and one insert for log rows
    // written at the same moment.
    const reading = c.req.method === 'GET' || c.req.method === 'HEAD'
    const clientHint = reading ? clientPage.exec(new URL(c.req.url).pathname)?.[1] : undefined
    const internal: InternalCall = reading
      ? { clientIp, sessions: new Map(), accessFacts: new Map(), reads: new Map(), accessLog: accessLogBatch(), ...(clientHint ? { clientHint } : {}) }
      : { clientIp }
    const context: AppLoadContext = {
      nonce,
      secureCookies,
      ...(reading ? { once: new Map<string, Promise<unknown>>() } : {}),
      apiFor(request) {
        // In-process: the portal calls the same API as everyone else, through the same gate, without a network hop.
        return hc<Api>('http://kracht.internal', {
          // A JSON answer is read from the text it was made from, not through a stream (lib/in-process-answer.ts).
          fetch: async (input: RequestInfo | URL, init?: RequestInit) => inProcessAnswer(await api.fetch(new Request(input, init), { internal })),
          // The browser's user agent too: the access log records where each access came from.
          headers: {
            cookie: request.headers.get('cookie') ?? '',
            'accept-language': request.headers.get('accept-language') ?? '',
            'user-agent': request.headers.get('user-agent') ?? '',
          },
        })
      },
    }
    return handleRemix(c.req.raw, context)
  })
  return host
}
