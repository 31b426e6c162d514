import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations, teams } from './organisations'
import { roles, users } from './users'

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    displayName: text('display_name').notNull(),
    invitedById: uuid('invited_by_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Set when the invitation resets the access of an existing user (never their passphrase). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the link token and of the normalised short code: a database leak reveals neither. */
    tokenHash: text('token_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** An access reset under the organisation's two-person rule: redeemable only once approved. */
    needsApproval: boolean('needs_approval').notNull().default(false),
    approvedById: uuid('approved_by_id').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** When the client saw (and answered) the "was that you?" notice about this reset. */
    noticeSeenAt: timestamp('notice_seen_at', { withTimezone: true }),
    /** A client invited by a coordinator: the worker they are linked to when they accept. */
    linkWorkerId: uuid('link_worker_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('invitations_token_idx').on(t.tokenHash),
    uniqueIndex('invitations_code_idx').on(t.codeHash),
    index('invitations_organisation_idx').on(t.organisationId, t.createdAt),
  ],
)

export type Invitation = typeof invitations.$inferSelect
