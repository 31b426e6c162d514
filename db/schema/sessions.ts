import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token, so the table alone cannot be used to sign in. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute end, whatever the activity. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Passphrase right, authenticator code still to come: such a session reaches nothing else. */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
  },
  // "Sign out everywhere" deletes by user.
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/**
 * Failed sign-in counters per account and per IP address. In the database, not in memory,
 * so every server process behind a load balancer sees the same counts.
 */
export const loginThrottle = pgTable('login_throttle', {
  /** 'user:<username>' or 'ip:<address>' (or 'invite-ip:<address>' for invitation codes). */
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
})

export type Session = typeof sessions.$inferSelect
