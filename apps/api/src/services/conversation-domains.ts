import { eq, inArray } from 'drizzle-orm'
import { conversationProposals, conversations, organisations, users } from '@kracht/db'
import { domainInSet, lifeDomains, type DomainSetId } from '@kracht/inventory'
import type { Deps } from '../lib/env'

/**
 * Which of a client's conversations touch a life domain the viewer may not see: the domains the
 * flow was started on (a priority, chosen domains) and the domains of its cards (as proposed, as
 * mapped to the organisation's set, and as saved after an edit). A facilitator reading a
 * conversation about a left-out domain would read that domain, so such a conversation is withheld.
 */
export async function conversationsTouching(deps: Deps, clientId: string, conversationIds: readonly string[], excludeDomains: readonly string[]): Promise<Set<string>> {
  const touching = new Set<string>()
  if (conversationIds.length === 0 || excludeDomains.length === 0) return touching
  const excluded = new Set(excludeDomains)
  const [[client], rows, cards] = await Promise.all([
    deps.db.select({ domainSet: organisations.domainSet }).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.id, clientId)),
    deps.db.select({ id: conversations.id, state: conversations.state }).from(conversations).where(inArray(conversations.id, [...conversationIds])),
    deps.db
      .select({ conversationId: conversationProposals.conversationId, draft: conversationProposals.draft, saved: conversationProposals.saved })
      .from(conversationProposals)
      .where(inArray(conversationProposals.conversationId, [...conversationIds])),
  ])
  const hits = (domains: unknown[]) =>
    domains.some((domain) => {
      if (typeof domain !== 'string') return false
      if (excluded.has(domain)) return true
      const mapped = client ? safeMap(client.domainSet, domain) : null
      return mapped !== null && excluded.has(mapped)
    })
  for (const row of rows) {
    const context = (row.state as { context?: { domains?: unknown; priority?: { domain?: unknown } } }).context
    const domains = Array.isArray(context?.domains) ? context.domains : []
    if (hits([...domains, context?.priority?.domain])) touching.add(row.id)
  }
  for (const card of cards) {
    if (hits([(card.draft as { domain?: unknown }).domain, (card.saved as { domain?: unknown } | null)?.domain])) touching.add(card.conversationId)
  }
  return touching
}

/** A draft's domain (any set's id) in the organisation's set; an unknown id maps to nothing. */
function safeMap(domainSet: DomainSetId, domain: string): string | null {
  const known = lifeDomains.find((id) => id === domain)
  return known ? domainInSet(domainSet, known) : null
}
