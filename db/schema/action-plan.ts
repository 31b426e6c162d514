import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

/** Who wrote it: always the client in the end (see statementProvenances). */
export const planProvenances = ['client', 'client_accepted_assistant', 'client_accepted_ai', 'client_accepted_worker'] as const
export type PlanProvenance = (typeof planProvenances)[number]

/**
 * Long-term goals of the action plan (*actieplan*): a passion statement in the client's own words.
 * The assistant's goal flow fills it now; the action-plan issue builds the page around it.
 */
export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A life domain of the organisation's set; null when the client left it open. */
    domain: text('domain'),
    text: text('text').notNull(),
    provenance: text('provenance', { enum: planProvenances }).notNull().default('client'),
    /** Together mode: the worker or peer expert beside the client; null when alone. */
    facilitatorId: uuid('facilitator_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  // The plan reads all of one client's goals.
  (t) => [index('goals_client_idx').on(t.clientId)],
)

/** Small, feasible steps: what, who, when (in the client's words: "volgende week", "ik met Noor"). */
export const goalActions = pgTable(
  'goal_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /**
     * Null when the client skipped the goal but kept the first step: a step on its own is still
     * worth keeping, and the plan page can attach it to a goal later.
     */
    goalId: uuid('goal_id').references(() => goals.id, { onDelete: 'cascade' }),
    what: text('what').notNull(),
    who: text('who'),
    when: text('when'),
    provenance: text('provenance', { enum: planProvenances }).notNull().default('client'),
    facilitatorId: uuid('facilitator_id').references(() => users.id, { onDelete: 'set null' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    // The plan lists the steps of one client, grouped by goal.
    index('goal_actions_client_idx').on(t.clientId, t.goalId),
  ],
)

export type Goal = typeof goals.$inferSelect
export type GoalAction = typeof goalActions.$inferSelect
