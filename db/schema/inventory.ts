import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

export const statementTimes = ['past', 'present', 'future'] as const
export const statementForms = ['i_am', 'i_can', 'i_have', 'i_want', 'i_know'] as const
/**
 * Who wrote it. Always the client in the end: a suggestion only becomes a statement when the client
 * accepts it, and the provenance keeps where the words came from: `client` the client's own words,
 * `client_accepted_assistant` a card of the offline assistant, `client_accepted_ai` a rewording a
 * model proposed, `client_accepted_worker` a suggestion of a named worker or peer expert
 * (`suggestedById`: a rewording suggestion, or a card they accepted in together mode).
 */
export const statementProvenances = ['client', 'client_accepted_assistant', 'client_accepted_ai', 'client_accepted_worker'] as const
export const revisionActions = ['create', 'update', 'delete'] as const

export type StatementTime = (typeof statementTimes)[number]
export type StatementForm = (typeof statementForms)[number]
export type StatementProvenance = (typeof statementProvenances)[number]

export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A domain id of the organisation's domain set (Krachtwerk's ten or ICM's nine). */
    domain: text('domain').notNull(),
    time: text('time', { enum: statementTimes }).notNull(),
    form: text('form', { enum: statementForms }),
    text: text('text').notNull(),
    provenance: text('provenance', { enum: statementProvenances }).notNull().default('client'),
    /** The worker or peer expert who suggested these words (provenance client_accepted_worker). */
    suggestedById: uuid('suggested_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** Optimistic concurrency: every change carries the version it changes. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Removed statements stay for the history ("how my inventory looked on 1 March"). */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  // The portrait reads all of one client's statements.
  (t) => [index('statements_client_idx').on(t.clientId, t.domain)],
)

/** Every change to a statement, append-only: the history, the look-back and the growth picture. */
export const statementRevisions = pgTable(
  'statement_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action', { enum: revisionActions }).notNull(),
    domain: text('domain').notNull(),
    time: text('time', { enum: statementTimes }).notNull(),
    form: text('form', { enum: statementForms }),
    text: text('text').notNull(),
    provenance: text('provenance', { enum: statementProvenances }).notNull(),
    suggestedById: uuid('suggested_by_id').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedById: uuid('changed_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  // History is read per client, in time order.
  (t) => [index('statement_revisions_client_idx').on(t.clientId, t.changedAt)],
)

export interface Priority {
  domain: string
  /** The client's wish for this domain, in their own words (optional). */
  wish: string | null
}

/** One row per client: the parts of the worksheet that are not statements. */
export const inventories = pgTable('inventories', {
  clientId: uuid('client_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** In order: the first is the most important. */
  priorities: jsonb('priorities').$type<Priority[]>().notNull().default([]),
  remarks: text('remarks').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

export const inventoryRevisionKinds = ['priorities', 'remarks'] as const

/** Every change to priorities and remarks, append-only. */
export const inventoryRevisions = pgTable(
  'inventory_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: inventoryRevisionKinds }).notNull(),
    priorities: jsonb('priorities').$type<Priority[]>(),
    remarks: text('remarks'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedById: uuid('changed_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('inventory_revisions_client_idx').on(t.clientId, t.changedAt)],
)

export type Statement = typeof statements.$inferSelect
export type StatementRevision = typeof statementRevisions.$inferSelect
export type Inventory = typeof inventories.$inferSelect
export type InventoryRevision = typeof inventoryRevisions.$inferSelect
