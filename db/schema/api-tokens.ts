import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'
import type { ConsentScope } from './consent'

/**
 * Personal API tokens for the organisation's client record system. Always read-only; they reach
 * only what the owner may reach (same consent check), limited further to their scopes; they always end.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** SHA-256 (keyed) of the token: it is shown once and cannot be read back from the table. */
    tokenHash: text('token_hash').notNull(),
    /** The first characters, so the owner can tell tokens apart. */
    prefix: text('prefix').notNull(),
    scopes: text('scopes').array().$type<ConsentScope[]>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    // Every API call looks its token up by hash.
    uniqueIndex('api_tokens_hash_idx').on(t.tokenHash),
    // The owner's token list.
    index('api_tokens_user_idx').on(t.userId),
  ],
)

export type ApiToken = typeof apiTokens.$inferSelect
