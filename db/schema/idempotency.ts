import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

/**
 * Idempotency keys on writes: a phone on a bad connection retries a request whose answer it never
 * got, and the retry must not make a second statement, goal or message. The first request with a key
 * is recorded here (`status` null while it runs); its answer is kept, so a retry with the same key and
 * the same request gets that answer again without running. Keys belong to one person (the primary key
 * starts with the user), and a row is good for 24 hours (older ones are removed lazily and by the
 * daily job). The kept answer is care data like the rest: it lives here only, is never logged, and
 * goes with the person on erasure (cascade and the erasure's own delete).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** What the key was first used for: a retry must match all three, or it is a reused key. */
    method: text('method').notNull(),
    path: text('path').notNull(),
    bodyHash: text('body_hash').notNull(),
    /** Null while the first request runs. */
    status: integer('status'),
    contentType: text('content_type'),
    responseBody: text('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    // The daily sweep removes rows past 24 hours across everyone.
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
)
