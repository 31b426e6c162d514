// Named prepared statements on the embedded database (issue 19, speed).
//
// PGlite's own `query()` sends every query as an unnamed statement in six protocol round trips into
// its WebAssembly PostgreSQL (parse, describe, bind, describe, execute, sync), so PostgreSQL parses,
// analyses and plans each query again, every time: 0.5–1.2 ms of a 1.5–5 ms query here. postgres.js
// on a server does what this does: the first time a query's text is seen it is parsed once as a
// *named* statement (parse + describe, one round trip), and every later run with that text only
// binds its parameters and executes (bind + execute + sync, one round trip), reusing what PostgreSQL
// prepared (and, once its plan cache chooses to, the plan).
//
// What is kept: per PGlite instance, the text of each query, the statement's name, its parameter
// types and the shape of its rows (a RowDescription); at most `maxStatements`, the least recently
// used closed on the database when a new one would pass that. No parameter, no row, nothing of
// anyone's data: every run still goes to the database with its own parameters. The same in every
// process (a second server prepares its own).
//
// PostgreSQL keeps a named statement valid itself: a statement whose tables or functions change (a
// migration, a trigger replaced) is analysed and planned again at its next run, and a prepared
// statement outlives a rolled-back transaction. A statement that fails to parse is not kept.
import { parse as pgliteParse, protocol, type PGlite } from '@electric-sql/pglite'

type QueryOptions = Parameters<PGlite['query']>[2]
type Results = Awaited<ReturnType<PGlite['query']>>
type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number]

interface Statement {
  name: string
  /** The types PostgreSQL inferred for `$1`, `$2`, … (ParameterDescription). */
  paramTypes: number[]
  /** The rows' shape (RowDescription from Describe Statement), or none for a statement without rows. */
  rowDescription: BackendMessage | undefined
}

/** PGlite's members this uses that its type declarations mark as internal. */
interface PgliteInternals {
  _checkReady(): Promise<void>
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>
}

/** Statements kept per database: the app's own query shapes number a few hundred at most. */
export const maxStatements = 300

const { serialize } = protocol

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0
  for (const part of parts) length += part.length
  const out = new Uint8Array(length)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** What PGlite's own query adds to a database error (`query`, `params`, `queryOptions`). */
function withQuery(error: unknown, text: string, params: unknown[] | undefined, options: QueryOptions): unknown {
  if (error instanceof Error && 'severity' in error) Object.assign(error, { query: text, params, queryOptions: options })
  return error
}

function isStalePlan(error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === '0A000' && /cached plan/.test(error.message)
}

/**
 * Makes `pg.query` (and a transaction's `query`) run every query as a named prepared statement.
 * Everything else of PGlite stays as it is (`exec`, simple-protocol statements, COPY with blobs).
 */
export function useNamedStatements(pg: PGlite): void {
  const internals = pg as unknown as PgliteInternals
  /** Least recently used first (a Map keeps insertion order; a hit moves its entry to the end). */
  const statements = new Map<string, Statement>()
  /** Names of statements evicted from the map, closed on the database with the next run. */
  let toClose: string[] = []
  let counter = 0

  const prepare = async (text: string, options: QueryOptions): Promise<Statement> => {
    const name = `k${++counter}`
    const messages = await pg.execProtocolStream(
      concat([
        ...closing(),
        serialize.parse({
          name,
          text,
          ...(options?.paramTypes ? { types: options.paramTypes } : {}),
        }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
      { syncToFs: false }
    )
    let paramTypes: number[] = []
    let rowDescription: BackendMessage | undefined
    for (const message of messages) {
      if (message.name === 'parameterDescription') paramTypes = (message as unknown as { dataTypeIDs: number[] }).dataTypeIDs
      if (message.name === 'rowDescription') rowDescription = message
    }
    const statement = { name, paramTypes, rowDescription }
    statements.set(text, statement)
    if (statements.size > maxStatements) {
      const oldest = statements.keys().next().value as string
      toClose.push(statements.get(oldest)!.name)
      statements.delete(oldest)
    }
    return statement
  }

  /** Close messages for the evicted statements (sent ahead of the next message to the database). */
  const closing = (): Uint8Array[] => {
    if (toClose.length === 0) return []
    const messages = toClose.map((name) => serialize.close({ type: 'S', name }))
    toClose = []
    return messages
  }

  const run = async (text: string, params: unknown[] | undefined, options: QueryOptions, inTransaction: boolean): Promise<Results> =>
    internals._runExclusiveQuery(async () => {
      try {
        return await runOnce(text, params, options, inTransaction)
      } catch (error) {
        // A kept statement whose rows changed shape (a table altered under it): PostgreSQL refuses
        // to run it ("cached plan must not change result type"). Forget it; outside a transaction
        // prepare it again and run once more (inside one, the transaction has failed anyway).
        if (!isStalePlan(error)) throw withQuery(error, text, params, options)
        const stale = statements.get(text)
        if (stale) {
          statements.delete(text)
          toClose.push(stale.name)
        }
        if (inTransaction) throw withQuery(error, text, params, options)
        try {
          return await runOnce(text, params, options, inTransaction)
        } catch (again) {
          throw withQuery(again, text, params, options)
        }
      }
    })

  const runOnce = async (text: string, params: unknown[] | undefined, options: QueryOptions, inTransaction: boolean): Promise<Results> => {
    let statement = statements.get(text)
    if (statement) {
      statements.delete(text)
      statements.set(text, statement)
    } else statement = await prepare(text, options)
    const types = statement.paramTypes
    const values = (params ?? []).map((value, i) => {
      if (value === null || value === undefined) return null
      const type = types[i] ?? 0
      const serializer = options?.serializers?.[type] ?? pg.serializers[type]
      return serializer ? serializer(value) : (value as { toString(): string }).toString()
    })
    const messages = await pg.execProtocolStream(
      concat([
        ...closing(),
        serialize.bind({
          statement: statement.name,
          values: values as (string | null)[],
        }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false }
    )
    if (!inTransaction) await pg.syncToFs()
    const all = statement.rowDescription ? [statement.rowDescription, ...messages] : messages
    return pgliteParse.parseResults(all, pg.parsers, options)[0] as Results
  }

  pg.query = (async (text: string, params?: unknown[], options?: QueryOptions) => {
    await internals._checkReady()
    return internals._runExclusiveTransaction(() => run(text, params, options, false))
  }) as PGlite['query']

  const transaction = pg.transaction.bind(pg)
  pg.transaction = (async (callback: Parameters<PGlite['transaction']>[0]) =>
    transaction(async (tx) => {
      // The transaction's own object (rollback, exec, closed…) with its query run as named statements.
      const named = Object.create(tx, {
        query: {
          value: async (text: string, params?: unknown[], options?: QueryOptions) => {
            if (tx.closed) throw new Error('Transaction is closed')
            return run(text, params, options, true)
          },
        },
      }) as typeof tx
      return callback(named)
    })) as PGlite['transaction']
}
