import { and, eq, isNull } from 'drizzle-orm'
import { consents, users } from '@kracht/db'
import { isActive } from '../access/rules'
import type { Deps, PublicUser } from '../lib/env'

/**
 * "Gedeeld met mij": the clients whose active consent names me, with what each shares (scopes,
 * read or comment, left-out domains, until when). These are the terms of my own access, not the
 * client's content, so nothing here is read through the gate; opening any of it is.
 */
export async function sharedWithMe(deps: Deps, me: PublicUser) {
  const now = deps.now()
  // The grants and their clients' names in one query (two before; issue 19).
  const rows = await deps.db
    .select({ grant: consents, displayName: users.displayName })
    .from(consents)
    .innerJoin(users, eq(users.id, consents.clientId))
    .where(and(eq(consents.granteeId, me.id), isNull(consents.revokedAt), eq(users.role, 'client'), eq(users.organisationId, me.organisationId)))
  const grants = rows.map((row) => row.grant).filter((grant) => isActive(grant, now))
  const names = new Map(rows.map((row) => [row.grant.clientId, row.displayName]))
  const clients = [...new Set(grants.map((grant) => grant.clientId))].map((id) => ({ id, displayName: names.get(id) ?? '' }))
  return clients
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'))
    .map((client) => {
      const mine = grants.filter((grant) => grant.clientId === client.id)
      return {
        clientId: client.id,
        displayName: client.displayName,
        shares: mine.map((grant) => ({
          id: grant.id,
          scopes: grant.scopes,
          access: grant.access,
          excludeDomains: grant.excludeDomains,
          endsAt: grant.endsAt ? grant.endsAt.toISOString() : null,
        })),
        // What the portal needs to show only the buttons that work.
        canReadInventory: mine.some((grant) => grant.scopes.includes('inventory')),
        canWorkTogether: mine.some((grant) => grant.scopes.includes('inventory') && grant.access === 'comment'),
        canMessage: mine.some((grant) => grant.scopes.includes('messages') && grant.access === 'comment'),
        canReadMessages: mine.some((grant) => grant.scopes.includes('messages')),
      }
    })
}
