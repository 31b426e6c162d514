import type { HandleErrorFunction, ServerBuild } from '@remix-run/node'
import { errorForLog } from '@kracht/api'

/** Remix's answer for a route that failed or does not exist (ErrorResponseImpl; not exported by @remix-run/node). */
interface RouteErrorResponse {
  status: number
  internal: boolean
  error?: unknown
}

const isRouteErrorResponse = (value: unknown): value is RouteErrorResponse =>
  typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number' && 'internal' in value

/**
 * What the server log keeps of a portal page that failed. A page that does not exist is an answer
 * (the friendly 404 page), not a fault: Remix's default logged a stack trace for every guessed or
 * mistyped address. A closed tab (an aborted request) is nobody's fault either. Everything else is
 * logged without personal data (errorForLog), and with ids in the path left out.
 */
export const logPortalError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return
  if (isRouteErrorResponse(error) && error.status === 404) return
  const path = new URL(request.url).pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
  const cause = isRouteErrorResponse(error) && error.error !== undefined ? error.error : error
  console.error(`[portal] unexpected error on ${request.method} ${path}: ${errorForLog(cause)}`)
}

/** The portal build with the server's error log in place of Remix's default. */
export function withErrorLog(build: ServerBuild): ServerBuild {
  return { ...build, entry: { ...build.entry, module: { ...build.entry.module, handleError: logPortalError } } }
}
