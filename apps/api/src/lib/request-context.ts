import { AsyncLocalStorage } from 'node:async_hooks'
import type { MiddlewareHandler } from 'hono'
import type { Actor, AppEnv, InternalCall } from './env'
import { clientIp } from './client-ip'

/** Where a request came from, as the access log records it (NEN 7513: "from where"). */
export interface AccessPoint {
  /** The caller's address as the server saw it (the browser's, for the portal's in-process calls). */
  ipAddress: string | null
  /** The caller's user agent, cut to `userAgentMax` characters. */
  userAgent: string | null
}

interface RequestContext {
  accessPoint: AccessPoint
  /** Read when asked: the auth middleware sets the actor after this context is opened. */
  actor(): Actor | null
  /** The portal's page read this in-process call belongs to (lib/page-read.ts), if any. */
  pageRead: InternalCall | undefined
  /**
   * The access-log rows the gate allowed and handed to the handler's first read, to be written in the
   * same statement (lib/access-log.ts, `deferAccessLog`); null when there are none or they were taken.
   */
  pendingAccessLog: unknown
}

/** Enough to tell a phone from a browser or a script; more is noise in the log. */
export const userAgentMax = 200

const storage = new AsyncLocalStorage<RequestContext>()

/**
 * Opens the request's context, so code deep in a service (the access log, the AI call) knows where
 * the request came from and who made it without every signature carrying it.
 */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const ip = clientIp(c)
    const agent = c.req.header('user-agent')?.trim()
    const context: RequestContext = {
      accessPoint: {
        ipAddress: ip && ip !== 'unknown' ? ip : null,
        userAgent: agent ? agent.slice(0, userAgentMax) : null,
      },
      actor: () => c.get('actor'),
      pageRead: c.env?.internal,
      pendingAccessLog: null,
    }
    // A loader that changes something (rare, but possible) ends what the page read shares so far:
    // nothing read before the change is served after it.
    const reading = c.req.method === 'GET' || c.req.method === 'HEAD'
    if (!reading) c.env?.internal?.reads?.clear()
    return storage.run(context, next)
  }
}

/** The current request's access point; nulls outside a request (a job, a test calling a service). */
export function currentAccessPoint(): AccessPoint {
  return storage.getStore()?.accessPoint ?? { ipAddress: null, userAgent: null }
}

/** The page read the current in-process call belongs to; undefined for a direct API call. */
export function currentPageRead(): InternalCall | undefined {
  return storage.getStore()?.pageRead
}

/** The current request's context itself, for the access log's row handed from gate to read. */
export function currentRequestContext(): { pendingAccessLog: unknown } | undefined {
  return storage.getStore()
}

/** Who made the current request, if anyone signed in; null outside a request. */
export function currentActor(): Actor | null {
  return storage.getStore()?.actor() ?? null
}
