import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

/** What can be signed or reviewed: the inventory, the action plan, an evaluation together (one of several: `subjectId`). */
export const agreementDocuments = ['inventory', 'action_plan', 'evaluation'] as const
export const signerRoles = ['client', 'worker'] as const

export type AgreementDocument = (typeof agreementDocuments)[number]

/**
 * A signature binds to the SHA-256 of the exact content signed (a canonical JSON of the document),
 * so any later change shows as "changed since signed on …" without storing the content twice.
 */
export const signatures = pgTable(
  'signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    document: text('document', { enum: agreementDocuments }).notNull(),
    /** Which one, for a document a client has several of (an evaluation's id); null for the inventory. */
    subjectId: uuid('subject_id'),
    signerId: uuid('signer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    signerRole: text('signer_role', { enum: signerRoles }).notNull(),
    contentHash: text('content_hash').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The agreement page reads the latest signatures of one client's document.
  (t) => [index('signatures_client_idx').on(t.clientId, t.document, t.signedAt)],
)

/** A worker marks a version of the inventory as reviewed; the caseload shows drafts not yet reviewed. */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    document: text('document', { enum: agreementDocuments }).notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    contentHash: text('content_hash').notNull(),
    /** How many statements the reviewed version held (shown on the caseload). */
    statementCount: integer('statement_count').notNull().default(0),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reviews_client_idx').on(t.clientId, t.reviewerId, t.reviewedAt)],
)

export type Signature = typeof signatures.$inferSelect
export type Review = typeof reviews.$inferSelect
