import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations } from './organisations'
import { users } from './users'

/** Named care sessions (not `sessions`: that table holds sign-in sessions). */
export const careSessionKinds = ['one_to_one', 'group'] as const
export type CareSessionKind = (typeof careSessionKinds)[number]

/** A 1:1 or group session a worker plans, with a peer expert as co-facilitator. */
export const careSessions = pgTable(
  'care_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    peerId: uuid('peer_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: careSessionKinds }).notNull(),
    title: text('title').notNull(),
    /** e.g. a guided tool (`miracle_question`, `vip_card`) or a few plain words. */
    agenda: text('agenda').notNull().default(''),
    /** Where it takes place, in plain words ("De Brug, zaal 2", "bij Sam thuis"). */
    place: text('place').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Raised at every change, so two facilitators editing at once do not overwrite each other. */
    version: integer('version').notNull().default(1),
  },
  // A facilitator's planning list.
  (t) => [
    index('care_sessions_worker_idx').on(t.workerId, t.startsAt),
    // The peer expert's planning list.
    index('care_sessions_peer_idx').on(t.peerId, t.startsAt),
  ],
)

export const careSessionAttendees = pgTable(
  'care_session_attendees',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => careSessions.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.clientId] }),
    // The client's home page lists their sessions.
    index('care_session_attendees_client_idx').on(t.clientId),
  ],
)

/** Each client's own note about a session: the client's words, seen by others only on consent (scope sessions). */
export const careSessionNotes = pgTable(
  'care_session_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => careSessions.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One note per client per session.
  (t) => [uniqueIndex('care_session_notes_idx').on(t.sessionId, t.clientId)],
)

export type CareSession = typeof careSessions.$inferSelect
export type CareSessionNote = typeof careSessionNotes.$inferSelect
