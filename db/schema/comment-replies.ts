import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { comments } from './comments'
import { users } from './users'

/**
 * The client's side of a comment: that they read it, and what they answered. Kept beside the
 * comment (not on it) so the worker's comment row stays exactly what the worker wrote.
 */
export const commentReads = pgTable(
  'comment_reads',
  {
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    /** The reader: today only the client the comment is about. */
    readerId: uuid('reader_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One mark per reader: marking twice keeps the first time.
  (t) => [primaryKey({ columns: [t.commentId, t.readerId] })],
)

/** A short answer to a comment, in the client's own words (screened on save like every text). */
export const commentReplies = pgTable(
  'comment_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * No cascade: a comment is never deleted while the client's answers hang under it (its author
     * removes only its words, docs/decisions/017). Erasing the client removes both in one statement.
     */
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Emptied when the author removes the reply: the words are gone, the place under the comment stays. */
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Counts the author's changes, so a change made from an old page never overwrites a newer one. */
    version: integer('version').notNull().default(1),
    /** When the author last changed the words ("bewerkt"); null if never. */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** When the author removed it; others then see only that it was removed, never the words. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  // Replies are read with their comments, per client.
  (t) => [index('comment_replies_client_idx').on(t.clientId, t.commentId)],
)

export type CommentReply = typeof commentReplies.$inferSelect
