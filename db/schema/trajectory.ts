import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { capacityBalances, trajectoryModels, type TeamMeetingStep } from '@kracht/trajectory'
import { consents } from './consent'
import { users } from './users'

/**
 * A client's trajectory (*begeleidingstraject*) in the model the worker chose (Krachtwerk, CTI or
 * ICM, see @kracht/trajectory). The phases are the care arrangement, not the client's words: the
 * client and the linked workers see them without a content consent (every access by a worker is
 * logged). One trajectory per client.
 */
export const trajectories = pgTable(
  'trajectories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // One per client: a second start is refused by the database too.
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    model: text('model', { enum: trajectoryModels }).notNull(),
    startedById: uuid('started_by_id').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('trajectories_client_idx').on(t.clientId)],
)

/** Each phase the trajectory went through: the current one has no end. */
export const trajectoryPhases = pgTable(
  'trajectory_phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectories.id, { onDelete: 'cascade' }),
    phase: text('phase').notNull(),
    startedById: uuid('started_by_id').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    // The timeline reads a trajectory's phases in order.
    index('trajectory_phases_trajectory_idx').on(t.trajectoryId, t.startedAt),
    // At most one open phase: two workers pressing "next" at once cannot open two.
    uniqueIndex('trajectory_phases_one_open_idx').on(t.trajectoryId).where(sql`${t.endedAt} is null`),
  ],
)

export { capacityBalances, type CapacityBalance } from '@kracht/trajectory'

/**
 * The worker's capacity assessment (*taxatie van draagkracht*): worker-owned, kept apart from the
 * client's own words (never in the inventory), read by the client on request (GDPR art. 15).
 * Never edited: a new assessment is a new row, so what the client was shown stays as it was.
 */
export const capacityAssessments = pgTable(
  'capacity_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** What the client can carry now (draagkracht). */
    capacity: text('capacity').notNull(),
    /** What weighs on the client now (draaglast). */
    load: text('load').notNull(),
    /** Risk factors the worker notes. */
    risks: text('risks').notNull().default(''),
    /** For women specifically: their own safety and that of their children (empty when not asked). */
    safety: text('safety').notNull().default(''),
    balance: text('balance', { enum: capacityBalances }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Newest first per client.
  (t) => [index('capacity_assessments_client_idx').on(t.clientId, t.createdAt)],
)

/**
 * An evaluation together at an evaluation phase: client and worker each answer the method's
 * checklist in their own words, then both sign (the `signatures` table, document `evaluation`).
 */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectories.id, { onDelete: 'cascade' }),
    phase: text('phase').notNull(),
    startedById: uuid('started_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluations_client_idx').on(t.clientId, t.createdAt)],
)

export const evaluationAuthorRoles = ['client', 'worker'] as const

/** One answer to one checklist item, by the client or the worker, in their own words. */
export const evaluationAnswers = pgTable(
  'evaluation_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    authorRole: text('author_role', { enum: evaluationAuthorRoles }).notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    /** Each side rewrites only its own answer; the version catches a second tab's stale edit. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One answer per item and side: a new answer replaces the side's own.
  (t) => [uniqueIndex('evaluation_answers_item_idx').on(t.evaluationId, t.item, t.authorRole), check('evaluation_answers_version_check', sql`${t.version} >= 1`)],
)

/**
 * A team strengths meeting (*teamkrachtbespreking*) the worker prepares from what the client shared
 * with the team for the meeting (the one-day team share, `consentId`). The client's question to the
 * team is in the client's own words; the team's ideas are suggestions (`comments`, target
 * `team_meeting`) the client accepts or declines.
 */
export const teamMeetings = pgTable(
  'team_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    consentId: uuid('consent_id').references(() => consents.id, { onDelete: 'set null' }),
    preparedById: uuid('prepared_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** The client's question to the team, written by the client (null until they do). */
    clientQuestion: text('client_question'),
    /** The worker's notes per step of the meeting. */
    notes: jsonb('notes').$type<Partial<Record<TeamMeetingStep, string>>>().notNull().default(sql`'{}'::jsonb`),
    meetingAt: timestamp('meeting_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('team_meetings_client_idx').on(t.clientId, t.meetingAt), check('team_meetings_version_check', sql`${t.version} >= 1`)],
)

export type Trajectory = typeof trajectories.$inferSelect
export type TrajectoryPhase = typeof trajectoryPhases.$inferSelect
export type CapacityAssessment = typeof capacityAssessments.$inferSelect
export type Evaluation = typeof evaluations.$inferSelect
export type EvaluationAnswer = typeof evaluationAnswers.$inferSelect
export type TeamMeeting = typeof teamMeetings.$inferSelect
