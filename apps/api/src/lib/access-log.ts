import { accessLog, type AccessLogAction } from '@kracht/db'
import type { AssistantModel } from '@kracht/assistant'
import type { Actor, Deps } from './env'
import { currentAccessPoint, currentActor, currentPageRead, currentRequestContext } from './request-context'

/** One access-log entry as callers describe it. Ids and names of things only, never the client's words. */
export interface AccessLogInput {
  actor: Actor | null
  clientId: string
  action: AccessLogAction
  scope: string
  resource: string
  outcome: 'allowed' | 'denied'
  basis: string
}

function rowOf(deps: Deps, entry: AccessLogInput) {
  const actor = entry.actor
  // Where from: the request's address and user agent; the session or token id says which key.
  const { ipAddress, userAgent } = currentAccessPoint()
  return {
    at: deps.now(),
    actorId: actor?.user.id ?? null,
    actorRole: actor?.user.role ?? null,
    // A token is a system acting on behalf of the person who made it.
    onBehalfOf: actor?.kind === 'token' ? actor.user.id : null,
    clientId: entry.clientId,
    action: entry.action,
    scope: entry.scope,
    // The resource names what was asked for, which may be a forged path with control characters
    // (PostgreSQL refuses a NUL in text): kept readable, never dropped (found by the fuzz test).
    resource: entry.resource.replace(/[\u0000-\u001f\u007f]/g, '\ufffd'),
    outcome: entry.outcome,
    basis: entry.basis,
    via: actor ? actor.kind : null,
    viaId: actor ? (actor.kind === 'session' ? actor.sessionId : actor.tokenId) : null,
    ipAddress,
    userAgent,
  }
}

/**
 * Writes one access-log row, with where the request came from.
 *
 * Nothing is written for a request without a signed-in actor. Such a request is refused (401)
 * before any client data is read, so there was no access to log; and since the log is append-only
 * and nobody may remove rows, letting anyone on the internet add rows to a client's log would let
 * them fill it (and the disk) with noise that can never be cleaned, and bury real entries. The
 * guessing that matters is counted elsewhere: failed sign-ins per account and per address
 * (auth/throttle.ts) and the rate limits on requests.
 */
export async function writeAccessLog(deps: Deps, entry: AccessLogInput): Promise<void> {
  if (!entry.actor) return
  const row = rowOf(deps, entry)
  const batch = currentPageRead()?.accessLog
  if (batch) return batch.add(deps, row)
  await deps.db.insert(accessLog).values(row)
}

export type AccessLogRow = ReturnType<typeof rowOf>

/**
 * The log row and the read in one statement (issue 19: on the embedded database a round trip costs
 * more than the insert itself). A route that declares `logWithRead` (access/client-route.ts) has
 * its gate hand the allowed row (or rows: one per part a route answers for, `alsoLogs`) to the
 * request instead of writing it; the handler's first read takes them (`takeDeferredAccessLog`; the
 * inventory's read, services/inventory/inventory.ts, built once with placeholders for them) and
 * writes them in the same statement as a data-modifying CTE: PostgreSQL runs it exactly once, and
 * if it fails the whole statement fails, so nothing is read without its rows. Whatever the handler
 * did not take, the gate writes after the handler (`flushDeferredAccessLog`), so every allowed
 * access is still logged. Returns false outside a request (the caller writes the row itself).
 */
export function deferAccessLog(deps: Deps, entry: AccessLogInput): boolean {
  const context = currentRequestContext()
  if (!context || !entry.actor) return false
  const pending = (context.pendingAccessLog ?? []) as AccessLogRow[]
  pending.push(rowOf(deps, entry))
  context.pendingAccessLog = pending
  return true
}

export function takeDeferredAccessLog(): AccessLogRow[] {
  const context = currentRequestContext()
  const rows = (context?.pendingAccessLog ?? []) as AccessLogRow[]
  if (context) context.pendingAccessLog = null
  return rows
}

/** Writes the deferred rows if no read took them (the gate calls this after the handler). */
export async function flushDeferredAccessLog(deps: Deps): Promise<void> {
  const rows = takeDeferredAccessLog()
  if (rows.length > 0) await deps.db.insert(accessLog).values(rows)
}

/**
 * A page read's access-log rows that arrive at the same moment (its API calls run side by side:
 * the comments and the agreement on a client's page), written in one insert: one round trip
 * instead of one per row. Each caller still waits for its own row to be written before it reads
 * anything, and a failed insert fails every call in it (nothing is read without its row).
 */
export interface AccessLogBatch {
  add(deps: Deps, row: AccessLogRow): Promise<void>
}

export function accessLogBatch(): AccessLogBatch {
  let waiting: { rows: AccessLogRow[]; written: Promise<void> } | null = null
  return {
    add(deps, row) {
      if (waiting) {
        waiting.rows.push(row)
        return waiting.written
      }
      const rows = [row]
      // Rows added before the next turn of the event loop join this insert.
      const written = new Promise<void>((resolve, reject) =>
        setImmediate(() => {
          waiting = null
          deps.db.insert(accessLog).values(rows).then(() => resolve(), reject)
        }),
      )
      waiting = { rows, written }
      return written
    },
  }
}

/** The rows of one access (one per part it answers for): in the page read's insert, else in one insert of their own. */
export async function writeAccessLogEntries(deps: Deps, entries: AccessLogInput[]): Promise<void> {
  if (entries.length === 1 || currentPageRead()?.accessLog) await Promise.all(entries.map((entry) => writeAccessLog(deps, entry)))
  else await writeAccessLogMany(deps, entries)
}

/** Several rows in one statement (e.g. one per client in a list a coordinator reads). */
export async function writeAccessLogMany(deps: Deps, entries: AccessLogInput[]): Promise<void> {
  const rows = entries.filter((entry) => entry.actor !== null).map((entry) => rowOf(deps, entry))
  if (rows.length > 0) await deps.db.insert(accessLog).values(rows)
}

/**
 * The model as the assistant must use it for one client: every call first writes a row in that
 * client's log (export to `ai_model`, never the text), and a call whose row cannot be written is
 * not made. The row names whoever's request caused the call (the client, or a facilitator in
 * together mode). Works for any AI SDK model: only `doGenerate` and `doStream` are wrapped.
 */
export function loggedModel(deps: Deps, model: AssistantModel, clientId: string): AssistantModel {
  const logCall = () =>
    deps.db.insert(accessLog).values(
      rowOf(deps, {
        actor: currentActor(),
        clientId,
        action: 'export',
        scope: 'assistant',
        resource: 'ai_model',
        outcome: 'allowed',
        // The client turned AI help on; names, numbers and addresses left as placeholders.
        basis: 'ai_help_on',
      }),
    )
  return new Proxy(model, {
    get(target, property) {
      if (property === 'doGenerate' || property === 'doStream') {
        const call = Reflect.get(target, property) as (...args: unknown[]) => unknown
        return async (...args: unknown[]) => {
          await logCall()
          return call.apply(target, args)
        }
      }
      return Reflect.get(target, property)
    },
  })
}
