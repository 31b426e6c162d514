import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { networkPeople } from './network'
import { users } from './users'

/** Who wrote it: always the client in the end (see statementProvenances). */
export const planProvenances = ['client', 'client_accepted_assistant', 'client_accepted_ai', 'client_accepted_worker'] as const
export type PlanProvenance = (typeof planProvenances)[number]

/**
 * Who does a step: the client, a person from the client's VIP card (by id), the client's worker,
 * or someone else (named in `who`). Null on steps the assistant kept before the plan page existed:
 * their `who` holds the client's own words ("ik met Noor").
 */
export const actionDoers = ['client', 'person', 'worker', 'other'] as const
export type ActionDoer = (typeof actionDoers)[number]

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
    /**
     * The wish of the priority the goal was started from, as it stood then (the client's words in
     * the inventory), shown beside the goal; null when the goal did not start from a priority.
     */
    wish: text('wish'),
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
    /** How the client will go about it, in their words. */
    how: text('how'),
    whoKind: text('who_kind', { enum: actionDoers }),
    /** The VIP-card person who does it (whoKind `person`); the step stays if the person is removed. */
    whoPersonId: uuid('who_person_id').references(() => networkPeople.id, { onDelete: 'set null' }),
    /** Someone else's name (whoKind `other`), or the assistant's words for who (whoKind null). */
    who: text('who'),
    /** The assistant's words for when ("volgende week"), kept until the client picks a date. */
    when: text('when'),
    /** The day the step is planned for; a move sets a new day (and movedAt). */
    dueOn: date('due_on', { mode: 'string' }),
    movedAt: timestamp('moved_at', { withTimezone: true }),
    droppedAt: timestamp('dropped_at', { withTimezone: true }),
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
    // The API refuses odd dates (the year 20000); the database too, should a caller forget.
    check('goal_actions_due_on_check', sql`${t.dueOn} is null or ${t.dueOn} between '2000-01-01' and '2199-12-31'`),
    // A step is done or dropped, never both.
    check('goal_actions_done_or_dropped', sql`${t.doneAt} is null or ${t.droppedAt} is null`),
  ],
)

export type Goal = typeof goals.$inferSelect
export type GoalAction = typeof goalActions.$inferSelect
