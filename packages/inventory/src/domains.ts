import type { DomainId } from '@kracht/language'

import { domainInSet, domainSets, lifeDomains, type DomainSetId, type LifeDomain } from '@kracht/method'

/**
 * The life domains an organisation works with (defined in @kracht/method). Krachtwerk's ten are the
 * default; Intensive Case Management uses nine slightly different ones (docs/method.md).
 */
export { domainSets, type DomainSetId }
export type InventoryDomainId = LifeDomain

export function domainsOf(set: DomainSetId): readonly InventoryDomainId[] {
  return domainSets[set]
}

export function isDomainOf(set: DomainSetId, id: string): id is InventoryDomainId {
  return (domainSets[set] as readonly string[]).includes(id)
}

/** The analysis' domain suggestion in the organisation's domain set (null when there is no match). */
export function mapAnalysedDomain(set: DomainSetId, id: DomainId): InventoryDomainId | null {
  return domainInSet(set, id)
}

export { domainInSet, lifeDomains }

export { times, type Time } from '@kracht/method'
