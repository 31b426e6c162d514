import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { goals } from './action-plan'
import { users } from './users'

/**
 * Progress remarks on one goal of the action plan (*voortgang*): what went well, what the client
 * noticed, in the client's own words. Only the client writes them; a worker comments through the
 * comments table (target `goal`). Removed remarks are kept (deletedAt) like statements.
 */
export const goalRemarks = pgTable(
  'goal_remarks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  // The plan reads the remarks of one client's goals, newest first.
  (t) => [index('goal_remarks_client_idx').on(t.clientId, t.goalId, t.createdAt)],
)

export type GoalRemark = typeof goalRemarks.$inferSelect
