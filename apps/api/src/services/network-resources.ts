import { and, asc, eq, isNull, notInArray, or, type SQL } from 'drizzle-orm'
import { isDomainOf } from '@kracht/inventory'
import { resources, type NetworkProvenance, type Resource, type ResourceKind } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps } from '../lib/env'
import { domainSettings } from './inventory'
import { findNetworkPerson } from './network'

export interface ResourceInput {
  kind: ResourceKind
  text: string
  domain: string | null
  personId: string | null
}

export function serialiseResource(row: Resource) {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    domain: row.domain,
    personId: row.personId,
    provenance: row.provenance,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** A resource hangs on a domain of the organisation's set or on a person of this client's map, never both. */
async function checkLinks(deps: Deps, clientId: string, input: Pick<ResourceInput, 'domain' | 'personId'>) {
  if (input.domain !== null && input.personId !== null) {
    throw new AppError('validation_failed', 'Link a resource to a life domain or to a person, not both.', { personId: 'one_link' })
  }
  if (input.domain !== null) {
    const settings = await domainSettings(deps, clientId)
    if (!isDomainOf(settings.domainSet, input.domain)) throw new AppError('unknown_life_domain', 'Unknown life domain.', { domain: 'unknown_domain' })
  }
  if (input.personId !== null) {
    // Another client's person (or a removed one) is no person of this map.
    await findNetworkPerson(deps.db, clientId, input.personId).catch(() => {
      throw new AppError('validation_failed', 'No such person on this network map.', { personId: 'unknown_person' })
    })
  }
}

/** Leaves out resources of left-out life domains (a resource without a domain stays). */
function domainFilter(excludeDomains: readonly string[]): SQL[] {
  if (excludeDomains.length === 0) return []
  const condition = or(isNull(resources.domain), notInArray(resources.domain, [...excludeDomains]))
  return condition ? [condition] : []
}

export async function listResources(deps: Deps, input: { clientId: string; excludeDomains: readonly string[] }) {
  const rows = await deps.db
    .select()
    .from(resources)
    .where(and(eq(resources.clientId, input.clientId), isNull(resources.deletedAt), ...domainFilter(input.excludeDomains)))
    .orderBy(asc(resources.createdAt))
  return rows.map(serialiseResource)
}

export async function createResource(
  deps: Deps,
  input: { clientId: string; resource: ResourceInput; provenance?: NetworkProvenance | undefined; suggestedById?: string | null | undefined },
) {
  await checkLinks(deps, input.clientId, input.resource)
  const now = deps.now()
  const [row] = await deps.db
    .insert(resources)
    .values({
      clientId: input.clientId,
      ...input.resource,
      provenance: input.provenance ?? 'client',
      suggestedById: input.suggestedById ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return serialiseResource(row)
}

async function findResource(deps: Deps, clientId: string, resourceId: string): Promise<Resource> {
  const [row] = await deps.db
    .select()
    .from(resources)
    .where(and(eq(resources.id, resourceId), eq(resources.clientId, clientId), isNull(resources.deletedAt)))
  if (!row) throw new AppError('not_found', 'No such resource.')
  return row
}

const conflict = (): never => {
  throw new AppError('version_conflict', 'This resource was changed elsewhere. Nothing was overwritten; load it again.')
}

export async function updateResource(deps: Deps, input: { clientId: string; resourceId: string; version: number; patch: Partial<ResourceInput> }) {
  const current = await findResource(deps, input.clientId, input.resourceId)
  const next = { domain: input.patch.domain !== undefined ? input.patch.domain : current.domain, personId: input.patch.personId !== undefined ? input.patch.personId : current.personId }
  await checkLinks(deps, input.clientId, next)
  const set: Partial<Resource> = { ...next, version: current.version + 1, updatedAt: deps.now() }
  if (input.patch.kind !== undefined) set.kind = input.patch.kind
  if (input.patch.text !== undefined && input.patch.text !== current.text) {
    set.text = input.patch.text
    set.provenance = 'client'
    set.suggestedById = null
  }
  const [row] = await deps.db
    .update(resources)
    .set(set)
    .where(and(eq(resources.id, current.id), eq(resources.version, input.version), isNull(resources.deletedAt)))
    .returning()
  if (!row) conflict()
  return serialiseResource(row as Resource)
}

export async function deleteResource(deps: Deps, input: { clientId: string; resourceId: string; version: number }) {
  const current = await findResource(deps, input.clientId, input.resourceId)
  const now = deps.now()
  const [row] = await deps.db
    .update(resources)
    .set({ deletedAt: now, version: current.version + 1, updatedAt: now })
    .where(and(eq(resources.id, current.id), eq(resources.version, input.version), isNull(resources.deletedAt)))
    .returning()
  if (!row) conflict()
}
