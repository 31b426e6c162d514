import { roles, type Role } from '@kracht/method'
import { bigint, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations, teams } from './organisations'

/** Who uses Kracht (defined in @kracht/method, see docs/method.md). */
export { roles, type Role }

export const userLocales = ['nl', 'en'] as const

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    role: text('role', { enum: roles }).notNull(),
    /** Stored lower-case: sign-in is case-insensitive and two people never get look-alike names. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string; null until the invitation is accepted. */
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: userLocales }).notNull().default('nl'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /**
     * Staff second factor (TOTP, RFC 6238). The secret is encrypted with the server's key (AES-256-GCM)
     * and never returned after enrolment; the pending one waits for the first right code.
     */
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last time step a code was accepted for: a code is used once, even within its 30 seconds. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /**
     * A coordinator ended this staff account: it cannot sign in, its sessions and tokens ended at
     * that moment. The row stays, so what the person wrote and the access log keep their author.
     */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /**
     * A client's account was erased (their own request, or the retention period passed): every
     * content row is gone and the name, username and passphrase are blanked. The row stays only as
     * the id the kept access log points to (apps/api/src/services/client-data/erase.ts).
     */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_username_idx').on(t.username),
    // Admin pages list people per organisation and role.
    index('users_organisation_role_idx').on(t.organisationId, t.role),
  ],
)

/**
 * A client is linked to one or more workers of the organisation. The link alone grants no access
 * to the client's content: that takes a consent (see consent schema).
 */
export const clientWorkers = pgTable(
  'client_workers',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.workerId] }),
    // The caseload is read by worker.
    index('client_workers_worker_idx').on(t.workerId),
  ],
)

export type User = typeof users.$inferSelect
export type NewUser = typeof users.$inferInsert
