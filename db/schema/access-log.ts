import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const accessLogActions = ['read', 'create', 'update', 'delete', 'export', 'share'] as const
export const accessLogOutcomes = ['allowed', 'denied'] as const
export const accessLogVia = ['session', 'token'] as const

export type AccessLogAction = (typeof accessLogActions)[number]
export type AccessLogOutcome = (typeof accessLogOutcomes)[number]
export type AccessLogVia = (typeof accessLogVia)[number]

/**
 * Every access to a client's data by anyone but the client, allowed or denied (after NEN 7513).
 * Append-only: a database trigger (migration 0003_sharing) refuses UPDATE, DELETE and TRUNCATE, so
 * not even a bug in the application can rewrite it. No foreign keys on purpose: a cascade or
 * set-null from a deleted user would be an UPDATE/DELETE here, and the log must outlive accounts.
 * It holds ids and names of things, never the client's words.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null when nobody was signed in. */
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    /** The person an actor acted for, when not themself (e.g. a token's system for its owner). */
    onBehalfOf: uuid('on_behalf_of'),
    clientId: uuid('client_id').notNull(),
    action: text('action', { enum: accessLogActions }).notNull(),
    /** inventory, action_plan, network, sessions, consents, access_log … */
    scope: text('scope').notNull(),
    /** What was touched, by kind and id (e.g. `inventory`, `statement:<id>`), never its content. */
    resource: text('resource').notNull(),
    outcome: text('outcome', { enum: accessLogOutcomes }).notNull(),
    /** `consent:<id>` or the rule that decided (e.g. `no_consent`, `admin_no_content`). */
    basis: text('basis').notNull(),
    via: text('via', { enum: accessLogVia }),
    /** The session id (a hash) or the API token id. */
    viaId: text('via_id'),
  },
  (t) => [
    // "Wie heeft mijn gegevens bekeken": one client's entries, newest first.
    index('access_log_client_idx').on(t.clientId, t.at),
    // The caseload's "since you last looked": one actor's latest entry per client.
    index('access_log_actor_idx').on(t.actorId, t.clientId, t.at),
  ],
)

export type AccessLogEntry = typeof accessLog.$inferSelect
