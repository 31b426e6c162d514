import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { careSessions } from './care-sessions'
import { users } from './users'

/**
 * A facilitator's own notes about a session (worker or peer expert): seen by their author only.
 * They are about the session, not a client's record; a client's words stay in care_session_notes.
 */
export const careSessionFacilitatorNotes = pgTable(
  'care_session_facilitator_notes',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => careSessions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One note per facilitator per session.
  (t) => [primaryKey({ columns: [t.sessionId, t.authorId] })],
)

/** The short reflection after a session, one per session, written and read by both facilitators. */
export const careSessionReflections = pgTable('care_session_reflections', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => careSessions.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  /** Who wrote the last version, so the other facilitator sees whose words they read. */
  authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
