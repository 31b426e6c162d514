import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'
import { networkPeople, networkProvenances } from './network'

/**
 * The four kinds of resources (*hulpbronnen*) of the method: socio-economic security (income,
 * housing, work, education, transport), social cohesion (family, friends, neighbours, shared values,
 * safety), social inclusion (clubs, trust in institutions, accessible services), social empowerment
 * (hope, competences, self-esteem, lived-experience knowledge).
 */
export const resourceKinds = ['socio_economic', 'social_cohesion', 'social_inclusion', 'social_empowerment'] as const
export type ResourceKind = (typeof resourceKinds)[number]

export const RESOURCE_TEXT_MAX = 500

/**
 * A resource the client names, in their own words, shown beside the network map. Linked to a life
 * domain of the organisation's set, or to a person on the map, or to nothing (hope is nobody's).
 */
export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: resourceKinds }).notNull(),
    text: text('text').notNull(),
    /** A life domain of the organisation's set; a consent that leaves it out hides the resource too. */
    domain: text('domain'),
    /** A person on the map; a removed person leaves the resource standing on its own. */
    personId: uuid('person_id').references(() => networkPeople.id, { onDelete: 'set null' }),
    provenance: text('provenance', { enum: networkProvenances }).notNull().default('client'),
    /** The worker or peer expert whose suggestion the client accepted. */
    suggestedById: uuid('suggested_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    // The page reads all of one client's resources beside the map.
    index('resources_client_idx').on(t.clientId),
    // One link at most: a resource of a person lives where the person lives, not in a domain too.
    check('resources_one_link_check', sql`${t.domain} is null or ${t.personId} is null`),
  ],
)

export type Resource = typeof resources.$inferSelect
