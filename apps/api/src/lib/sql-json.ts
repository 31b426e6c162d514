// Reading a list as one JSON value instead of many rows (issue 19): on the embedded database every
// column of every row is copied, decoded and mapped on its own, which cost more than the query.
import { sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'

/** A timestamp as whole milliseconds since 1970: extract() is exact, floored as a Date read from the column is. */
export const epochMs = (column: AnyPgColumn | SQL): SQL => sql`floor(extract(epoch from ${column}) * 1000)::bigint`

/** A json value: PGlite and postgres.js parse json themselves, a driver that does not hands over text. */
export const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T))
