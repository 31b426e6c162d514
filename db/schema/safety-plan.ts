import { sql } from 'drizzle-orm'
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

/**
 * The six parts of the client's safety plan (*signaleringsplan*), in the order the plan is read
 * in a hard moment: first notice, then help yourself, then call someone, then go somewhere safe.
 */
export const safetyPlanParts = ['warningSigns', 'selfHelp', 'people', 'places', 'reasons', 'professionals'] as const
export type SafetyPlanPart = (typeof safetyPlanParts)[number]

/** At most this many lines per part, each at most this long: a plan that fits on one A4 page. */
export const SAFETY_PLAN_MAX_LINES = 12
export const SAFETY_PLAN_MAX_LINE = 300

/**
 * One plan per client, in the client's own words. Nobody but the client writes it; a worker reads it
 * only on a consent with the `safety_plan` scope. Every save carries the version it changes.
 */
export const safetyPlans = pgTable(
  'safety_plans',
  {
    // One plan per client: the client id is the key, so a second plan cannot exist.
    clientId: uuid('client_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    warningSigns: text('warning_signs').array().notNull().default(sql`'{}'::text[]`),
    selfHelp: text('self_help').array().notNull().default(sql`'{}'::text[]`),
    people: text('people').array().notNull().default(sql`'{}'::text[]`),
    places: text('places').array().notNull().default(sql`'{}'::text[]`),
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    professionals: text('professionals').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The API limits lines per part; the database refuses more even if a caller forgets to check.
    check(
      'safety_plans_lines_check',
      sql`cardinality(${t.warningSigns}) <= 12 and cardinality(${t.selfHelp}) <= 12 and cardinality(${t.people}) <= 12 and cardinality(${t.places}) <= 12 and cardinality(${t.reasons}) <= 12 and cardinality(${t.professionals}) <= 12`,
    ),
  ],
)

export type SafetyPlan = typeof safetyPlans.$inferSelect
