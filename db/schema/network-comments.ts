import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'
import { networkPeople, type NetworkArea, type NetworkPeriod, type NetworkSupportKind } from './network'

export const networkCommentKinds = ['comment', 'suggestion'] as const
/** A suggestion stays open until the client accepts or declines it; only the client's yes changes the map. */
export const networkSuggestionStatuses = ['open', 'accepted', 'declined'] as const

export type NetworkCommentKind = (typeof networkCommentKinds)[number]
export type NetworkSuggestionStatus = (typeof networkSuggestionStatuses)[number]

/** A worker's proposal: a whole person as it would stand on the map (a new one, or a change). */
export interface NetworkProposal {
  name: string
  area: NetworkArea
  ring: number
  support: NetworkSupportKind[]
  note: string | null
  period: NetworkPeriod
}

/**
 * A worker's (or peer's) comment on the network map or one person on it, or a suggestion: add a
 * person, or change one. It never changes the map itself: the client's accept does, through the
 * same service (versions, history) as any other change.
 */
export const networkComments = pgTable(
  'network_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null: about the map as a whole, or (a suggestion) a new person. */
    personId: uuid('person_id').references(() => networkPeople.id, { onDelete: 'cascade' }),
    /** The person's version the comment was written against. */
    personVersion: integer('person_version'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: networkCommentKinds }).notNull(),
    body: text('body').notNull().default(''),
    proposal: jsonb('proposal').$type<NetworkProposal>(),
    status: text('status', { enum: networkSuggestionStatuses }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Counts the author's changes, so a change made from an old page never overwrites a newer one. */
    version: integer('version').notNull().default(1),
    /** When the author last changed the words ("bewerkt"); null if never. */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** When the author removed it: `body` and `proposal` are emptied at once, the place stays (docs/decisions/017). */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  // Read per client (the map page, the client's open suggestions).
  (t) => [index('network_comments_client_idx').on(t.clientId, t.createdAt)],
)

export type NetworkComment = typeof networkComments.$inferSelect
