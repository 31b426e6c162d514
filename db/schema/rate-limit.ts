import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Request counters for rate limits on writes, one row per person and route group ('writes:<user id>',
 * 'assistant:<user id>'). In the database, not in memory, so every server process behind a load
 * balancer counts against the same limit. A fixed window: the row is reset when a new window starts,
 * so the table holds at most one row per person and group (no sweep needed).
 */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
})
