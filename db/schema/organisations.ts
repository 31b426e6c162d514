import { domainSetIds, type DomainSetId } from '@kracht/method'
import { boolean, integer, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core'

/** Which set of life domains an organisation works with (docs/method.md): Krachtwerk's ten, or ICM's nine. */
export const domainSets = domainSetIds
export type DomainSet = DomainSetId

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  domainSet: text('domain_set', { enum: domainSets }).notNull().default('krachtwerk'),
  /** Krachtwerk allows 4 priority domains, Critical Time Intervention 3. */
  priorityLimit: integer('priority_limit').notNull().default(4),
  /** Workers, peer experts and coordinators must sign in with an authenticator app (TOTP). */
  requireStaffTotp: boolean('require_staff_totp').notNull().default(false),
  /** An access reset for a client works only after a second staff member approved it. */
  resetNeedsApproval: boolean('reset_needs_approval').notNull().default(false),
  /** Made by the demo seed: a production start refuses a database that holds one. */
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The admin's team list is always per organisation.
  (t) => [index('teams_organisation_idx').on(t.organisationId)],
)

export type Organisation = typeof organisations.$inferSelect
export type Team = typeof teams.$inferSelect
