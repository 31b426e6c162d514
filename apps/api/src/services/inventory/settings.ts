// The organisation's life-domain set for a client, and the filter for domains the viewer may not see.
import { eq } from 'drizzle-orm'
import { domainsOf, isDomainOf, type DomainSetId } from '@kracht/inventory'
import type { CareSetting } from '@kracht/method'
import { organisations, users, type Database } from '@kracht/db'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'
import { oncePerPageRead } from '../../lib/page-read'

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

export interface DomainSettings {
  domainSet: DomainSetId
  careSetting: CareSetting
  domains: readonly string[]
  priorityLimit: number
}

/** The client's organisation's life-domain settings; once per page read (the home page's plan and inventory parts both ask). */
export function domainSettings(deps: Deps, clientId: string): Promise<DomainSettings> {
  return oncePerPageRead(`domain-settings:${clientId}`, async () => {
    const [row] = await deps.db
      .select({ domainSet: organisations.domainSet, careSetting: organisations.careSetting, priorityLimit: organisations.priorityLimit })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.id, clientId))
    if (!row) throw new AppError('not_found', 'No such client.')
    return { domainSet: row.domainSet, careSetting: row.careSetting, domains: domainsOf(row.domainSet), priorityLimit: row.priorityLimit }
  })
}

export function assertDomain(settings: DomainSettings, domain: string) {
  if (!isDomainOf(settings.domainSet, domain)) {
    throw new AppError('validation_failed', `Unknown life domain: ${domain.slice(0, 40)}`, { domain: 'unknown_domain' })
  }
}

/**
 * Life domains the caller may not see (from the consent gate). Filtered in the query itself, so a
 * left-out domain never reaches a list, a count, the history, the growth picture or the quality check.
 */
export interface DomainFilter {
  excludeDomains?: readonly string[] | undefined
}
