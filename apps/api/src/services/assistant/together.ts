import { z } from 'zod'
import { domainInSet, lifeDomains, type DomainSetId } from '@kracht/inventory'
import type { LifeDomain } from '@kracht/method'
import type { Conversation, ConversationProposal } from '@kracht/db'
import { AppError } from '../../lib/app-error'

/**
 * Together mode: a worker or peer expert runs a flow beside the client. What they may see and do
 * is narrower than what the client sees:
 * - only the turns they answered themselves (beside the client); once the client answers alone in
 *   their own session, the rest of the conversation is the client's (`clientAloneAt`);
 * - never a card in a life domain the client left out, in the domain it will really be stored under
 *   (Krachtwerk's id mapped to the organisation's set, ICM's nine too);
 * - never the client's answer to "shall we tell your worker?" (the safety choice).
 */

/** Who is looking, for the filters below. `excludeDomains` are the facilitator's left-out domains. */
export interface Viewer {
  isSelf: boolean
  actorId: string
  excludeDomains?: readonly string[] | undefined
}

// Any set's ids: a flow works in the organisation's own set (ICM's nine too), older ones in Krachtwerk's.
const domainList = z.array(z.enum(lifeDomains))
const flowDomainsSchema = z.object({
  context: z.object({ domains: domainList.optional(), priority: z.object({ domain: z.enum(lifeDomains) }).optional() }).passthrough(),
  data: z.object({ domains: domainList.nullish(), domain: z.enum(lifeDomains).nullish() }).passthrough(),
})

/**
 * The life domains a flow works on (any set's ids): those the caller gave at the start, and those
 * picked in the flow's own "which domain?" step. Unknown shapes give none (the state is the engine's).
 */
export function flowDomains(state: unknown): LifeDomain[] {
  const parsed = flowDomainsSchema.safeParse(state)
  if (!parsed.success) return []
  const { context, data } = parsed.data
  const all = [...(context.domains ?? []), ...(context.priority ? [context.priority.domain] : []), ...(data.domains ?? []), ...(data.domain ? [data.domain] : [])]
  return [...new Set(all)]
}

/** The domains of the organisation's set a flow will store cards under. */
export function storedDomains(domainSet: DomainSetId, domains: readonly LifeDomain[]): string[] {
  return [...new Set(domains.flatMap((d) => domainInSet(domainSet, d) ?? []))]
}

/** The domain a card will be stored under: what the facilitator or client set, else the draft's, mapped. */
export function cardDomain(domainSet: DomainSetId, row: Pick<ConversationProposal, 'draft' | 'suggested' | 'saved'>): string | null {
  const chosen = (row.saved ?? row.suggested)?.['domain']
  if (typeof chosen === 'string') return chosen
  const draft = row.draft['domain']
  const known = z.enum(lifeDomains).safeParse(draft)
  return known.success ? domainInSet(domainSet, known.data) : null
}

/** Is a card something this viewer may see? The client sees all of theirs. */
export function cardVisibleTo(viewer: Viewer, domainSet: DomainSetId, row: ConversationProposal): boolean {
  if (viewer.isSelf) return true
  // Only cards of turns the facilitator answered beside the client (older rows without it: not shown).
  if (row.answeredById !== viewer.actorId) return false
  const domain = cardDomain(domainSet, row)
  return domain === null || !(viewer.excludeDomains ?? []).includes(domain)
}

/** Has the client gone on alone since? Then the facilitator sees no more of it and cannot answer. */
export function clientWentOnAlone(viewer: Viewer, row: Pick<Conversation, 'clientAloneAt'>): boolean {
  return !viewer.isSelf && row.clientAloneAt !== null
}

export function refuseFacilitatorAfterSolo(viewer: Viewer, row: Pick<Conversation, 'clientAloneAt'>) {
  if (clientWentOnAlone(viewer, row)) {
    throw new AppError('forbidden', 'The client went on with this conversation on their own. Start a new one together.')
  }
}
