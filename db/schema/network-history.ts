import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'
import { networkAreas, networkPeople, networkPeriods, networkProvenances, type NetworkSupportKind } from './network'

export const networkRevisionActions = ['create', 'update', 'delete'] as const

/**
 * Every change to a person on the network map, append-only: the map of a past day ("who was close
 * a year ago") is the newest revision of each person at that moment, unless it was a removal.
 * A full copy per change (not a diff): a map has a few dozen people, and a copy reads simply.
 */
export const networkPersonRevisions = pgTable(
  'network_person_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => networkPeople.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action', { enum: networkRevisionActions }).notNull(),
    name: text('name').notNull(),
    area: text('area', { enum: networkAreas }).notNull(),
    ring: integer('ring').notNull(),
    support: jsonb('support').$type<NetworkSupportKind[]>().notNull().default([]),
    note: text('note'),
    period: text('period', { enum: networkPeriods }).notNull(),
    provenance: text('provenance', { enum: networkProvenances }).notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedById: uuid('changed_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  // The map of a past day reads one client's revisions up to that moment.
  (t) => [index('network_person_revisions_client_idx').on(t.clientId, t.changedAt)],
)

export type NetworkPersonRevision = typeof networkPersonRevisions.$inferSelect
