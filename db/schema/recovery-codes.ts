import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

/**
 * One-time recovery codes for a staff member's authenticator app (lost phone). Only a keyed hash is
 * kept; each code works once (usedAt is set in the same statement that accepts it).
 */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Sign-in looks a code up by user and hash.
  (t) => [index('recovery_codes_user_idx').on(t.userId, t.codeHash)],
)
