import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { users } from './users'

/** VIP card areas (Spanjaard 2003), the same ids as the assistant's VIP flow. */
export const networkAreas = ['family', 'friends', 'school_work_club', 'professionals'] as const
/** Kinds of support a person gives; anything else goes to the free-text note. */
export const networkSupportKinds = ['practical', 'emotional', 'advice', 'company'] as const
/** Who put the person on the map: always the client in the end (see statementProvenances). */
export const networkProvenances = ['client', 'client_accepted_assistant', 'client_accepted_ai', 'client_accepted_worker'] as const

/** Whether the contact is there now, or was there in the past (the VIP card keeps both). */
export const networkPeriods = ['now', 'past'] as const

/** A name or nickname, and the client's own words about the help: short enough to print on the map. */
export const NETWORK_NAME_MAX = 200
export const NETWORK_NOTE_MAX = 500

export type NetworkArea = (typeof networkAreas)[number]
export type NetworkPeriod = (typeof networkPeriods)[number]
export type NetworkSupportKind = (typeof networkSupportKinds)[number]
export type NetworkProvenance = (typeof networkProvenances)[number]

/**
 * The people on the client's network map (VIP card): the page `/netwerk` and the assistant's VIP
 * flow write here. Every change is kept in `network_person_revisions` (network-history.ts), so the
 * map of any past day can be drawn again.
 */
export const networkPeople = pgTable(
  'network_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** As the client calls them ("mijn zus", "Fatima"): the client's words, not a register name. */
    name: text('name').notNull(),
    area: text('area', { enum: networkAreas }).notNull(),
    /** 1 is closest to the client, 3 furthest. */
    ring: integer('ring').notNull(),
    support: jsonb('support').$type<NetworkSupportKind[]>().notNull().default([]),
    /** What the person helps with, in the client's words. */
    note: text('note'),
    /** Contact now, or in the past (a grandmother who died, a friend from school). */
    period: text('period', { enum: networkPeriods }).notNull().default('now'),
    provenance: text('provenance', { enum: networkProvenances }).notNull().default('client'),
    /** Together mode: the worker or peer expert who ran the flow beside the client; null when alone. */
    facilitatorId: uuid('facilitator_id').references(() => users.id, { onDelete: 'set null' }),
    /** Optimistic concurrency: every change carries the version it changes. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    // The map reads all of one client's people.
    index('network_people_client_idx').on(t.clientId),
    // The map has three rings; the database refuses a fourth even if a caller forgets to check.
    check('network_people_ring_check', sql`${t.ring} between 1 and 3`),
  ],
)

export type NetworkPerson = typeof networkPeople.$inferSelect
