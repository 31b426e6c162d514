import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { and, eq, isNull, lt } from 'drizzle-orm'
import { idempotencyKeys } from '@kracht/db'
import { AppError } from './app-error'
import type { AppEnv, Deps } from './env'

/**
 * Idempotency keys on writes (`Idempotency-Key` header, as Stripe and the IETF draft use it). A phone
 * on a bad connection often sends a write, loses the answer and sends it again; with a key the retry
 * gets the first answer back instead of making a second statement, goal or message.
 *
 * - The first request with a key runs; its status and body are kept (database, per person, 24 hours).
 * - A retry with the same key, method, path and body gets the kept answer (`Idempotency-Replayed: true`).
 * - The same key with another body or path: 422 `idempotency_key_reused`; nothing runs.
 * - A retry while the first still runs: 409 `idempotency_in_progress` (the caller may try again soon).
 * - A 5xx or a 429 is not kept: the request did not happen, so a retry runs again.
 * Keys are per signed-in person; without a person (signing in, invitations) the header is ignored.
 */

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
export const idempotencyHeader = 'Idempotency-Key'
/** How long a key and its answer are kept. */
export const idempotencyKeepMs = 24 * 60 * 60 * 1000
/**
 * A request still marked as running after this long died with its process (a kill, a restart):
 * a retry takes the key over instead of waiting 24 hours.
 */
const abandonedAfterMs = 60_000
// Printable ASCII without spaces, as a UUID or any opaque token is; long enough for a prefix and a UUID.
const keyPattern = /^[\x21-\x7e]{1,200}$/

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex')

/** Removes keys older than 24 hours: one person's (before each use), or everyone's (the daily job). */
export async function deleteExpiredIdempotencyKeys(deps: Deps, userId?: string): Promise<number> {
  const cutoff = new Date(deps.now().getTime() - idempotencyKeepMs)
  const old = lt(idempotencyKeys.createdAt, cutoff)
  const rows = await deps.db
    .delete(idempotencyKeys)
    .where(userId ? and(eq(idempotencyKeys.userId, userId), old) : old)
    .returning({ key: idempotencyKeys.key })
  return rows.length
}

export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header(idempotencyHeader)
    const actor = c.get('actor')
    if (key === undefined || !actor || !writeMethods.has(c.req.method)) return next()
    if (!keyPattern.test(key)) {
      throw new AppError('idempotency_key_invalid', 'The Idempotency-Key header must be 1 to 200 visible ASCII characters.')
    }
    const deps = c.get('deps')
    const userId = actor.user.id
    const method = c.req.method
    // The query is part of the request (a removal names its version there).
    const path = c.req.path + new URL(c.req.url).search
    // Read once here; Hono keeps the text, so the route's validator still reads the JSON.
    const bodyHash = hashOf(await c.req.text())
    const now = deps.now()
    await deleteExpiredIdempotencyKeys(deps, userId)

    const [claimed] = await deps.db
      .insert(idempotencyKeys)
      .values({ userId, key, method, path, bodyHash, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key })
    if (!claimed) {
      const [row] = await deps.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
      if (!row) throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still running. Try again in a moment.')
      if (row.method !== method || row.path !== path || row.bodyHash !== bodyHash) {
        throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for another request. Use a new key for a new request.')
      }
      if (row.status === null) {
        // Taken over only when its first request is long gone; one statement, so two retries cannot both win.
        const abandoned = new Date(now.getTime() - abandonedAfterMs)
        const [taken] = await deps.db
          .update(idempotencyKeys)
          .set({ createdAt: now })
          .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status), lt(idempotencyKeys.createdAt, abandoned)))
          .returning({ key: idempotencyKeys.key })
        if (!taken) throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still running. Try again in a moment.')
      } else {
        c.header('Idempotency-Replayed', 'true')
        if (row.contentType) c.header('Content-Type', row.contentType)
        // A 204 (a removal) has no body; anything else gets the kept one.
        if (row.status === 204) return c.body(null, 204)
        return c.body(row.responseBody ?? '', row.status as ContentfulStatusCode)
      }
    }

    const forget = () =>
      deps.db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status)))
    try {
      await next()
    } catch (error) {
      await forget()
      throw error
    }
    const status = c.res.status
    if (status >= 500 || status === 429) {
      await forget()
      return
    }
    const responseBody = await c.res.clone().text()
    await deps.db
      .update(idempotencyKeys)
      .set({ status, contentType: c.res.headers.get('content-type'), responseBody })
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
  }
}

/** The reusable header parameter, as the OpenAPI document shows it. */
export const idempotencyParameter = {
  name: idempotencyHeader,
  in: 'header',
  required: false,
  description:
    'Optional. A key of your own (a UUID) for this one change. A retry with the same key and the same request gets the first answer again (header `Idempotency-Replayed: true`) and changes nothing twice; the same key for another request gets 422 `idempotency_key_reused`; a retry while the first still runs gets 409 `idempotency_in_progress`. Keys are per person and kept 24 hours.',
  schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
} as const

interface DocumentShape {
  paths?: Record<string, Record<string, unknown> | undefined>
  components?: Record<string, unknown>
}

/** Adds the parameter to the document's components and a reference to it on every write. */
export function withIdempotencyParameter<D extends object>(original: D): D {
  // A plain copy to walk: the generator's types are closed, the JSON is what clients read anyway.
  const document = JSON.parse(JSON.stringify(original)) as DocumentShape
  const paths: Record<string, Record<string, unknown> | undefined> = {}
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!item) continue
    const next: Record<string, unknown> = { ...item }
    for (const method of ['post', 'put', 'patch', 'delete']) {
      const operation = item[method]
      if (typeof operation !== 'object' || operation === null || path.startsWith('/auth/') || path.startsWith('/invitations')) continue
      const existing = 'parameters' in operation && Array.isArray(operation.parameters) ? operation.parameters : []
      next[method] = { ...operation, parameters: [...existing, { $ref: '#/components/parameters/IdempotencyKey' }] }
    }
    paths[path] = next
  }
  const components = document.components ?? {}
  const parameters = typeof components['parameters'] === 'object' && components['parameters'] !== null ? components['parameters'] : {}
  return { ...document, paths, components: { ...components, parameters: { ...parameters, IdempotencyKey: idempotencyParameter } } } as D
}
