import { DrizzleQueryError } from 'drizzle-orm'

/** The fields of a PostgreSQL error (postgres.js and PGlite alike) that name things, never values. */
interface DatabaseErrorFields {
  code?: unknown
  severity?: unknown
  table?: unknown
  table_name?: unknown
  column?: unknown
  column_name?: unknown
  constraint?: unknown
  constraint_name?: unknown
}

const frames = (stack: string | undefined) => (stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))

/**
 * An unexpected error as the server log may keep it: without personal data. A failed query's message
 * ("Failed query: … params: …") carries the values a person typed, and PostgreSQL's own message and
 * detail can quote them too ("Key (username)=(sam)", "invalid input syntax … \"…\""): of a failed query
 * only the SQL (its values are $1, $2 …), the SQLSTATE and the names of the table, column and
 * constraint are kept, with the stack's frames. Other errors keep their name, message and frames.
 */
export function errorForLog(error: unknown): string {
  if (error instanceof DrizzleQueryError) {
    const cause = (error.cause ?? {}) as DatabaseErrorFields
    const named = (label: string, ...values: unknown[]) => {
      const value = values.find((one) => typeof one === 'string' && one.length > 0)
      return typeof value === 'string' ? ` ${label}=${value}` : ''
    }
    const facts = `${named('sqlstate', cause.code)}${named('table', cause.table, cause.table_name)}${named('column', cause.column, cause.column_name)}${named('constraint', cause.constraint, cause.constraint_name)}`
    return [`DrizzleQueryError: Failed query: ${error.query}${facts ? ` (${facts.trim()})` : ''}`, ...frames(error.stack)].join('\n')
  }
  if (error instanceof Error) return [`${error.name}: ${error.message}`, ...frames(error.stack)].join('\n')
  return `a thrown ${typeof error}, not an Error`
}
