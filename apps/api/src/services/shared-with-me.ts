import { and, eq, isNull } from 'drizzle-orm'
import { consents, users, type Consent } from '@kracht/db'
import { accessFactsOnce } from '../access/facts'
import { isActive } from '../access/rules'
import type { Deps, PublicUser } from '../lib/env'

/**
 * "Gedeeld met mij": the clients whose active consent names me, with what each shares (scopes,
 * read or comment, left-out domains, until when). These are the terms of my own access, not the
 * client's content, so nothing here is read through the gate; opening any of it is.
 */
export async function sharedWithMe(deps: Deps, me: PublicUser, only?: { clientId: string; facts?: Map<string, Promise<unknown>> | undefined }) {
  const now = deps.now()
  const rows = only ? await sharesOfOne(deps, me, only.clientId, only.facts) : await sharesOfAll(deps, me)
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

/** A consent addressed to me by name, with its client, as both reads below hand it over. */
interface Share {
  grant: Pick<Consent, 'id' | 'clientId' | 'scopes' | 'excludeDomains' | 'access' | 'endsAt' | 'revokedAt'>
  displayName: string
}

async function sharesOfAll(deps: Deps, me: PublicUser): Promise<Share[]> {
  // The grants and their clients' names in one query (two before; issue 19).
  return deps.db
    .select({ grant: consents, displayName: users.displayName })
    .from(consents)
    .innerJoin(users, eq(users.id, consents.clientId))
    .where(and(eq(consents.granteeId, me.id), isNull(consents.revokedAt), eq(users.role, 'client'), eq(users.organisationId, me.organisationId)))
}

/**
 * One client's shares with me (a page about that client), with the same conditions as above, from
 * the consent gate's facts: within a page read the gate of the page's other calls reads them too,
 * so this costs no query of its own (issue 19).
 */
async function sharesOfOne(deps: Deps, me: PublicUser, clientId: string, facts: Map<string, Promise<unknown>> | undefined): Promise<Share[]> {
  const { people, grants } = await accessFactsOnce(deps, clientId, [clientId, me.id], facts)
  const client = people.find((person) => person.id === clientId)
  if (!client || client.role !== 'client' || client.organisationId !== me.organisationId) return []
  return grants
    .filter((grant) => grant.granteeId === me.id && grant.revokedAt === null)
    .map(({ id, scopes, excludeDomains, access, endsAt, revokedAt }) => ({
      grant: { id, clientId, scopes: [...scopes], excludeDomains: [...excludeDomains], access, endsAt, revokedAt },
      displayName: client.displayName,
    }))
}
