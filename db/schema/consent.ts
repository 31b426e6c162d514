import { consentAccess, consentScopes, type ConsentAccessLevel, type ConsentScope } from '@kracht/method'
import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { teams } from './organisations'
import { users } from './users'

/** What a client can share, one scope at a time, and at what level (defined in @kracht/method, see docs/method.md). */
export { consentAccess, consentScopes, type ConsentAccessLevel, type ConsentScope }

/**
 * A client's consent: the only thing that lets anyone but the client see the client's data.
 * Nothing is shared by default; a consent is never edited in place (a change is a revoke plus a new
 * consent), so the access log's `basis` always points at the exact terms that allowed an access.
 * One active share per person: sharing again with the same grantee ends the active one and starts
 * the new one in one transaction (services/consent/consents.ts, docs/decisions/012).
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** One person (a linked worker or a peer expert of the organisation)… */
    granteeId: uuid('grantee_id').references(() => users.id, { onDelete: 'cascade' }),
    /** …or the worker's team, for one team strengths meeting (then endsAt is required). */
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    /**
     * For a team share: the people of the team the client saw named when granting. Only they are
     * covered; someone who joins the team later gets nothing until the client shares again.
     * Null for a share with one person; a team share from before names were kept covers nobody.
     */
    memberIds: uuid('member_ids').array().$type<string[]>(),
    scopes: text('scopes').array().$type<ConsentScope[]>().notNull(),
    /** Life domains left out of the inventory share (e.g. partner, safety). */
    excludeDomains: text('exclude_domains').array().$type<string[]>().notNull().default(sql`'{}'::text[]`),
    access: text('access', { enum: consentAccess }).notNull().default('read'),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    // Exactly one grantee: a person or a team.
    check('consents_one_grantee', sql`(${t.granteeId} is null) <> (${t.teamId} is null)`),
    // A team share is for one meeting, so it always ends.
    check('consents_team_ends', sql`${t.teamId} is null or ${t.endsAt} is not null`),
    // The gate reads one client's consents on every request; the client's own list too.
    index('consents_client_idx').on(t.clientId),
    // The caseload reads what was shared with one worker.
    index('consents_grantee_idx').on(t.granteeId),
  ],
)

export type Consent = typeof consents.$inferSelect
