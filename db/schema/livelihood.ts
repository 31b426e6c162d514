import { bridgePillars, moneyHelperKinds, MONEY_MAX_LINES, type CostLine, type DebtLine, type IncomeLine, type MoneyHelper, type MoneyHelperKind } from '@kracht/method'
import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

/** Mobility Mentoring's five pillars and who helps with money (defined in @kracht/method). */
export { bridgePillars, moneyHelperKinds, MONEY_MAX_LINES, type CostLine, type DebtLine, type IncomeLine, type MoneyHelper, type MoneyHelperKind }

/**
 * One time the client placed themselves on one pillar of the bridge (*Mijn brug*): the step where
 * they stand (1–5, in their own view) and, if they chose one, the step they want to go to next.
 * Every placement is a row of its own, so the bridge shows the way over time; the newest row per
 * pillar is where the client stands now. Only the client writes; the client can change a placement
 * (its version goes up) or remove it. Shared only on a consent with the `livelihood` scope.
 */
export const bridgePlacements = pgTable(
  'bridge_placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    pillar: text('pillar', { enum: bridgePillars }).notNull(),
    step: integer('step').notNull(),
    /** Where the client wants to go next on this pillar; null when they chose nothing (yet). */
    nextStep: integer('next_step'),
    /** A few words of the client's own about this placement; null when none. */
    note: text('note'),
    version: integer('version').notNull().default(1),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The bridge reads one client's placements per pillar in time order.
    index('bridge_placements_client_idx').on(t.clientId, t.pillar, t.placedAt),
    // The API checks the ladder; the database refuses a step off it even if a caller forgets.
    check('bridge_placements_step_check', sql`${t.step} between 1 and 5 and (${t.nextStep} is null or ${t.nextStep} between 1 and 5)`),
    check('bridge_placements_version_check', sql`${t.version} >= 1`),
  ],
)


/**
 * The client's money page (*Mijn geld*), one per client, in the client's own words: income, fixed
 * costs, debts and who helps. Amounts are optional everywhere. Every save carries the version it
 * changes. Shared only on a consent with the `livelihood` scope.
 */
export const moneyPages = pgTable(
  'money_pages',
  {
    // One page per client: the client id is the key.
    clientId: uuid('client_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    income: jsonb('income').$type<IncomeLine[]>().notNull().default(sql`'[]'::jsonb`),
    fixedCosts: jsonb('fixed_costs').$type<CostLine[]>().notNull().default(sql`'[]'::jsonb`),
    debts: jsonb('debts').$type<DebtLine[]>().notNull().default(sql`'[]'::jsonb`),
    helpers: jsonb('helpers').$type<MoneyHelper[]>().notNull().default(sql`'[]'::jsonb`),
    /** Anything else the client wants to keep here. */
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('money_pages_version_check', sql`${t.version} >= 1`)],
)

export type BridgePlacement = typeof bridgePlacements.$inferSelect
export type MoneyPage = typeof moneyPages.$inferSelect
