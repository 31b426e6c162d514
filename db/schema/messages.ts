import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

/** What a message is about, so the reader knows where to look. */
export const messageTopics = ['general', 'inventory', 'action_plan', 'session'] as const
export type MessageTopic = (typeof messageTopics)[number]

/**
 * A short message in a client's thread: the client, their linked workers, and anyone the client
 * shares `messages` with write in it. One thread per client, so nothing is ever sent "past" the
 * client: every message in it is about the client and seen by the client.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null when the author's account was removed: the client keeps the thread. */
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    topic: text('topic', { enum: messageTopics }).notNull().default('general'),
    /** Emptied when the author removes the message: the words are gone, the place in the thread stays. */
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Counts the author's changes, so a change made from an old page never overwrites a newer one. */
    version: integer('version').notNull().default(1),
    /** When the author last changed the words (the thread says "bewerkt"); null if never. */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** When the author removed it; others then see only that it was removed, never the words. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  // The thread is read per client, newest last.
  (t) => [index('messages_client_idx').on(t.clientId, t.createdAt)],
)

/**
 * Up to when each reader has read a client's thread: unread = messages by others after this
 * moment. One row per reader and thread instead of one per message keeps "mark read" one write.
 */
export const messageReads = pgTable(
  'message_reads',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readerId: uuid('reader_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readUpTo: timestamp('read_up_to', { withTimezone: true }).notNull(),
  },
  // The home page counts unread per reader over all their threads.
  (t) => [primaryKey({ columns: [t.clientId, t.readerId] }), index('message_reads_reader_idx').on(t.readerId)],
)

export type Message = typeof messages.$inferSelect
