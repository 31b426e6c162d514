import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

/** A remark, or a proposed rewording the client decides on. */
export const commentKinds = ['comment', 'suggestion'] as const
/** `team_meeting`: an idea of the team at a team strengths meeting, for the client to accept or decline. */
export const commentTargets = ['statement', 'goal', 'team_meeting'] as const
/** A suggestion stays open until the client accepts it, edits it into their own words, or declines it. */
export const suggestionStatuses = ['open', 'accepted', 'edited', 'declined'] as const

export type CommentKind = (typeof commentKinds)[number]
export type CommentTarget = (typeof commentTargets)[number]
export type SuggestionStatus = (typeof suggestionStatuses)[number]

/**
 * A worker's (or peer's) comment or suggestion on a statement or goal. It never changes the
 * client's text: only the client's own accept writes the words, through the statement service.
 */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    targetKind: text('target_kind', { enum: commentTargets }).notNull(),
    /** No foreign key: statements and goals live in their own aggregates (and are soft-deleted). */
    targetId: uuid('target_id').notNull(),
    /** The life domain of the target, so a left-out domain filters comments out too. */
    domain: text('domain'),
    /** The target's version the comment was written against. */
    targetVersion: integer('target_version').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: commentKinds }).notNull(),
    body: text('body').notNull().default(''),
    suggestedText: text('suggested_text'),
    status: text('status', { enum: suggestionStatuses }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Counts the author's changes, so a change made from an old page never overwrites a newer one. */
    version: integer('version').notNull().default(1),
    /** When the author last changed the words ("bewerkt"); null if never. */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /**
     * When the author removed it: `body` and `suggestedText` are emptied at once, the row stays so
     * the client's answers under it keep their place (docs/decisions/017).
     */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  // Comments are read per client (the client's suggestions) and per target.
  (t) => [index('comments_client_idx').on(t.clientId, t.targetId)],
)

export type Comment = typeof comments.$inferSelect
