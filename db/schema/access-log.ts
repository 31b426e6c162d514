import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const accessLogActions = ['read', 'create', 'update', 'delete', 'export', 'share'] as const
export const accessLogOutcomes = ['allowed', 'denied'] as const
export const accessLogVia = ['session', 'token'] as const

export type AccessLogAction = (typeof accessLogActions)[number]
export type AccessLogOutcome = (typeof accessLogOutcomes)[number]
export type AccessLogVia = (typeof accessLogVia)[number]

/** The chain starts from this "previous hash" (64 zeros, the hex of nothing before the first row). */
export const accessLogGenesisHash = '0'.repeat(64)

/**
 * Every access to a client's data by anyone but the client, allowed or denied (after NEN 7513).
 * Append-only twice over: a database trigger refuses UPDATE, DELETE and TRUNCATE, and the
 * application connects as a role that holds only INSERT and SELECT on this table and does not own
 * it (db/src/roles.ts), so it cannot drop the trigger either. A hash chain (trigger and functions in
 * the `log_sql` migration) links every row to the one before, so an auditor can prove that nothing
 * was removed or changed even by someone with more rights (`npm run audit:verify`).
 * No foreign keys on purpose: a cascade or set-null from a deleted user would be an UPDATE/DELETE
 * here, and the log must outlive accounts. It holds ids and names of things, never the client's words.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null when nobody was signed in (only rows written before such rows stopped; see writeAccessLog). */
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    /** The person an actor acted for, when not themself (e.g. a token's system for its owner). */
    onBehalfOf: uuid('on_behalf_of'),
    clientId: uuid('client_id').notNull(),
    action: text('action', { enum: accessLogActions }).notNull(),
    /** inventory, action_plan, network, sessions, consents, access_log, assistant, organisation … */
    scope: text('scope').notNull(),
    /** What was touched, by kind and id (e.g. `inventory`, `statement:<id>`, `ai_model`), never its content. */
    resource: text('resource').notNull(),
    outcome: text('outcome', { enum: accessLogOutcomes }).notNull(),
    /** `consent:<id>` or the rule that decided (e.g. `no_consent`, `admin_no_content`). */
    basis: text('basis').notNull(),
    via: text('via', { enum: accessLogVia }),
    /** The session id (a hash) or the API token id. */
    viaId: text('via_id'),
    /** Where from: the caller's IP address as the server saw it (behind a trusted proxy: X-Forwarded-For). */
    ipAddress: text('ip_address'),
    /** Where from: the caller's user agent, cut to 200 characters. */
    userAgent: text('user_agent'),
    /**
     * Place in the hash chain, 1, 2, 3 … without gaps. Set by the chain trigger, never by the
     * application: whatever an INSERT puts here is overwritten. (The default only satisfies the type;
     * a row that keeps it fails verification.)
     */
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    /** The hash of the row before (hex SHA-256), or 64 zeros for the first. Set by the trigger. */
    prevHash: text('prev_hash').notNull().default(''),
    /** SHA-256 (hex) over `prevHash` and this row's fields (see the log_sql migration). Set by the trigger. */
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    // "Wie heeft mijn gegevens bekeken": one client's entries, newest first.
    index('access_log_client_idx').on(t.clientId, t.at),
    // The caseload's "since you last looked": one actor's latest entry per client.
    index('access_log_actor_idx').on(t.actorId, t.clientId, t.at),
    // The verifier walks the chain in order, in batches. Not unique on purpose: migrating a log that
    // already has rows adds the column before the rows are numbered; duplicates fail verification.
    index('access_log_seq_idx').on(t.seq),
  ],
)

/**
 * The head of the hash chain: one row (id 1) with the last seq and hash. The chain trigger locks
 * this row (SELECT … FOR UPDATE) before it links a new log row, so writers in several server
 * processes line up one after the other and the chain never forks. It also lets the verifier see
 * when rows were cut off the end. The application role may read it, never write it (the trigger
 * function runs with its owner's rights).
 */
export const accessLogChain = pgTable('access_log_chain', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
})

export type AccessLogEntry = typeof accessLog.$inferSelect
