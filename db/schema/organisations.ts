import { careSettings, domainSetIds, type DomainSetId } from '@kracht/method'
import { sql } from 'drizzle-orm'
import { boolean, check, integer, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core'

/** Which set of life domains an organisation works with (docs/method.md): Krachtwerk's ten, or ICM's nine. */
export const domainSets = domainSetIds
export type DomainSet = DomainSetId

/** Bounds of the retention period a coordinator can choose: at least a month, at most ten years. */
export const RETENTION_DAYS_MIN = 30
export const RETENTION_DAYS_MAX = 3650

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  domainSet: text('domain_set', { enum: domainSets }).notNull().default('krachtwerk'),
  /** The kind of care (a women's shelter, addiction care ...): the assistant leaves some questions out in some settings. */
  careSetting: text('care_setting', { enum: careSettings }).notNull().default('general'),
  /** Krachtwerk allows 4 priority domains, Critical Time Intervention 3. */
  priorityLimit: integer('priority_limit').notNull().default(4),
  /** Workers, peer experts and coordinators must sign in with an authenticator app (TOTP). */
  requireStaffTotp: boolean('require_staff_totp').notNull().default(false),
  /** An access reset for a client works only after a second staff member approved it. */
  resetNeedsApproval: boolean('reset_needs_approval').notNull().default(false),
  /** Made by the demo seed: a production start refuses a database that holds one. */
  isDemo: boolean('is_demo').notNull().default(false),
  /**
   * Days an ended client's data stays before the daily job erases it (GDPR art. 5(1)(e): no longer
   * than needed). Counted from the moment the client's account was ended (`users.deactivatedAt`).
   */
  retentionDays: integer('retention_days').notNull().default(365),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // The API checks the bounds; the database too, so a typo cannot erase everyone tomorrow.
  check('organisations_retention_days_check', sql`${t.retentionDays} between 30 and 3650`),
])

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
