import { and, desc, eq, inArray } from 'drizzle-orm'
import { reviews, type Review } from '@kracht/db'
import type { Deps } from '../lib/env'
import { inventoryRow, listStatements, type DomainFilter, type InventoryRow, type StatementRow } from './inventory'
import { changesSince, visibleChangeSince } from './agreement-changes'
import { countOwnOpenSuggestions } from './own-suggestions'
import { contentHash, documentSigned, latestSignatures, signatureStatus, signDocument, type SignableDocument, type SignatureViewer } from './signatures'

interface HashableInventory {
  statements: readonly { id: string; domain: string; time: string; form: string | null; text: string }[]
  priorities: { domain: string; wish: string | null }[]
  remarks: string
}

/**
 * SHA-256 of the exact content signed: the statements (by id, so order does not matter), the
 * priorities in order, and the remarks, as canonical JSON. Versions and dates are left out on
 * purpose: only a change of content asks for a new signature.
 */
export function inventoryHash(inventory: HashableInventory): string {
  const canonical = {
    statements: [...inventory.statements]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((s) => [s.id, s.domain, s.time, s.form, s.text]),
    priorities: inventory.priorities.map((p) => [p.domain, p.wish]),
    remarks: inventory.remarks,
  }
  return contentHash(canonical)
}

/** The hash of the inventory as this viewer sees it (a worker signs what was shared with them). */
export async function currentInventoryHash(deps: Deps, clientId: string, filter: DomainFilter) {
  // Only what is hashed, read as getInventory reads it (the same left-out domains, priorities and
  // remarks): without the quality check per statement and the organisation's settings, which a
  // hash does not need and every agreement and review would otherwise pay for.
  const [statements, stored] = await Promise.all([listStatements(deps, clientId, { excludeDomains: filter.excludeDomains }), inventoryRow(deps, clientId)])
  return hashOfInventory(statements, stored, filter)
}

/** The hash of what a viewer sees of an inventory, from its statements (already without the left-out domains) and its row. */
export function hashOfInventory(statements: readonly StatementRow[], stored: InventoryRow, filter: DomainFilter) {
  const excluded = new Set(filter.excludeDomains ?? [])
  const inventory = {
    statements,
    priorities: stored.priorities.filter((priority) => !excluded.has(priority.domain)),
    remarks: excluded.size > 0 ? '' : stored.remarks,
  }
  return { hash: inventoryHash(inventory), statementCount: statements.length }
}

/** The inventory as a signable document (services/signatures.ts holds the mechanism it shares with the plan). */
export const inventoryDocument: SignableDocument = {
  document: 'inventory',
  scope: 'inventory',
  hash: async (deps, clientId, excludeDomains) => (await currentInventoryHash(deps, clientId, { excludeDomains })).hash,
  changesSince,
  visibleChangeSince,
  openSuggestions: countOwnOpenSuggestions,
}

export { latestSignatures }

/** Who looks at the agreement: the client, or someone on consent with the domains left out for them. */
export type AgreementViewer = SignatureViewer

/** The agreement on the inventory as a viewer sees it (see signatureStatus). */
export async function agreementStatus(deps: Deps, input: { clientId: string; viewer: AgreementViewer }) {
  const status = await signatureStatus(inventoryDocument, deps, input)
  return { ...status, document: 'inventory' as const }
}

/** Signs the inventory as the signer sees it now. */
export async function signInventory(
  deps: Deps,
  input: { clientId: string; signerId: string; signerRole: 'client' | 'worker'; filter: DomainFilter; expectedHash?: string | undefined },
) {
  return signDocument(inventoryDocument, deps, { ...input, excludeDomains: input.filter.excludeDomains ?? [] })
}

/** Did client and worker both sign the current inventory? (quality item 6; see documentSigned) */
export async function agreementSigned(deps: Deps, clientId: string, viewer?: Pick<AgreementViewer, 'isSelf' | 'excludeDomains'>): Promise<boolean> {
  return documentSigned(inventoryDocument, deps, clientId, viewer)
}

export async function markReviewed(deps: Deps, input: { clientId: string; reviewerId: string; filter: DomainFilter }) {
  const { hash, statementCount } = await currentInventoryHash(deps, input.clientId, input.filter)
  const [row] = await deps.db
    .insert(reviews)
    .values({ clientId: input.clientId, document: 'inventory', reviewerId: input.reviewerId, contentHash: hash, statementCount, reviewedAt: deps.now() })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return { reviewedAt: row.reviewedAt.toISOString(), contentHash: hash }
}

/** The last inventory review by one reviewer of each of several clients (the caseload), in one query. */
export async function lastReviews(deps: Deps, clientIds: string[], reviewerId: string): Promise<Map<string, Review>> {
  if (clientIds.length === 0) return new Map()
  const rows = await deps.db
    .selectDistinctOn([reviews.clientId])
    .from(reviews)
    .where(and(inArray(reviews.clientId, clientIds), eq(reviews.reviewerId, reviewerId), eq(reviews.document, 'inventory')))
    .orderBy(reviews.clientId, desc(reviews.reviewedAt))
  return new Map(rows.map((row) => [row.clientId, row]))
}
