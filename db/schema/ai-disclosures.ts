import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** What became of one model call. */
export const aiDisclosureOutcomes = ['used', 'discarded', 'timeout', 'error'] as const
export type AiDisclosureOutcome = (typeof aiDisclosureOutcomes)[number]

/**
 * One row per model call made for a client (AI help on): what left the server, in kinds and
 * counts of placeholders, never the text. Append-only like the access log: a trigger refuses
 * UPDATE, DELETE and TRUNCATE, and the application role holds only INSERT and SELECT on it
 * (db/src/roles.ts). No foreign keys on purpose: a cascade from a deleted account would be a
 * DELETE here, and the record must outlive accounts.
 */
export const aiDisclosures = pgTable(
  'ai_disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    clientId: uuid('client_id').notNull(),
    /** The conversation the call was for. */
    conversationId: uuid('conversation_id').notNull(),
    /** Who caused the call: the client, or a worker beside them in together mode. */
    actorId: uuid('actor_id'),
    /** The model id as configured (AI_MODEL), and the server's host (never a key). */
    modelId: text('model_id').notNull(),
    /** Placeholder kinds and how many of each were sent, e.g. { "name": 2, "health": 1 }. */
    placeholders: jsonb('placeholders').$type<Record<string, number>>().notNull(),
    outcome: text('outcome', { enum: aiDisclosureOutcomes }).notNull(),
    /** Why a reply was discarded or failed (an output-check code, `timeout`, `error` …); null when used. */
    reason: text('reason'),
    latencyMs: integer('latency_ms').notNull(),
  },
  // The client's own view lists their disclosures, newest first.
  (t) => [index('ai_disclosures_client_idx').on(t.clientId, t.at)],
)

/**
 * Every time a client turned AI help on or off, append-only (client_settings keeps only the
 * current state). Same protection as `ai_disclosures`.
 */
export const aiHelpChanges = pgTable(
  'ai_help_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    clientId: uuid('client_id').notNull(),
    /** The switch as it was set: on or off. Kept, never overwritten (the on/off history). */
    enabled: text('enabled', { enum: ['on', 'off'] }).notNull(),
    /** Who changed it (only the client may, but the row says so). */
    actorId: uuid('actor_id'),
  },
  // The history of one client's switch, in order.
  (t) => [index('ai_help_changes_client_idx').on(t.clientId, t.at)],
)

export type AiDisclosure = typeof aiDisclosures.$inferSelect
export type AiHelpChange = typeof aiHelpChanges.$inferSelect
