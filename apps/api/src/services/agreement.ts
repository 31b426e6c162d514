import { createHash } from 'node:crypto'
import { and, desc, eq } from 'drizzle-orm'
import { reviews, signatures, users, type AgreementDocument } from '@kracht/db'
import type { Actor, Deps } from '../lib/env'
import { decideClientAccess } from '../access/gate'
import { toPublicUser } from '../auth/sessions'
import { getInventory, type DomainFilter } from './inventory'
import { AppError } from '../lib/app-error'
import { changesSince, visibleChangeSince, type ChangesSince } from './agreement-changes'
import { countOwnOpenSuggestions } from './own-suggestions'

interface HashableInventory {
  statements: { id: string; domain: string; time: string; form: string | null; text: string }[]
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
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex')
}

/** The hash of the inventory as this viewer sees it (a worker signs what was shared with them). */
export async function currentInventoryHash(deps: Deps, clientId: string, filter: DomainFilter) {
  const inventory = await getInventory(deps, { clientId, locale: 'nl', excludeDomains: filter.excludeDomains })
  return { hash: inventoryHash(inventory), statementCount: inventory.statements.length }
}

export async function latestSignatures(deps: Deps, clientId: string, document: AgreementDocument) {
  const rows = await deps.db
    .select({ signature: signatures, name: users.displayName })
    .from(signatures)
    .innerJoin(users, eq(users.id, signatures.signerId))
    .where(and(eq(signatures.clientId, clientId), eq(signatures.document, document)))
    .orderBy(desc(signatures.signedAt))
  const seen = new Set<string>()
  return rows.filter((row) => (seen.has(row.signature.signerId) ? false : (seen.add(row.signature.signerId), true)))
}

/** Who looks at the agreement: the client, or someone on consent with the domains left out for them. */
export interface AgreementViewer {
  isSelf: boolean
  excludeDomains: readonly string[]
  actor: { id: string }
}

/**
 * The agreement as a viewer sees it: each party's latest signature, and whether the content it
 * bound to is still the content now ("changed since signed on …").
 *
 * A signature's hash and its "changed since" flag are about content the viewer may not see (the
 * client signs everything): a worker could confirm guessed hidden words against the hash, or learn
 * that a left-out domain changed. So a viewer with domains left out sees both only for their own
 * signature (a hash of what they saw); for the others, both are null: "not yours to see".
 */
export async function agreementStatus(deps: Deps, input: { clientId: string; viewer: AgreementViewer }) {
  const { viewer } = input
  const seesAll = viewer.isSelf || viewer.excludeDomains.length === 0
  const [latest, full, mine] = await Promise.all([
    latestSignatures(deps, input.clientId, 'inventory'),
    currentInventoryHash(deps, input.clientId, {}),
    currentInventoryHash(deps, input.clientId, { excludeDomains: viewer.excludeDomains }),
  ])
  const result = []
  for (const row of latest) {
    const own = row.signature.signerId === viewer.actor.id
    let current: boolean | null = null
    if (own) current = mine.hash === row.signature.contentHash
    else if (seesAll) {
      // The client signs the whole inventory; a worker signs what was shared with them, so a worker's
      // signature is compared with what the worker may see now (a change in a left-out domain is not theirs).
      const now = row.signature.signerRole === 'client' ? full.hash : await workerViewHash(deps, input.clientId, row.signature.signerId)
      current = now === row.signature.contentHash
    }
    // "Changed since signed" says what changed, counted over what this viewer may see.
    let changes: ChangesSince | null = null
    if (current === false) {
      changes = await changesSince(deps, {
        clientId: input.clientId,
        since: row.signature.signedAt,
        excludeDomains: own ? viewer.excludeDomains : [],
        seesAll: seesAll,
      })
    }
    result.push({
      signerId: row.signature.signerId,
      signerName: row.name,
      signerRole: row.signature.signerRole,
      signedAt: row.signature.signedAt.toISOString(),
      contentHash: own || seesAll ? row.signature.contentHash : null,
      current,
      changes,
    })
  }
  // Signing is not offered while the viewer's own suggestions wait for the client's answer.
  const openSuggestions = await countOwnOpenSuggestions(deps, { clientId: input.clientId, viewerId: viewer.actor.id, isSelf: viewer.isSelf, excludeDomains: viewer.excludeDomains })
  return { document: 'inventory' as const, contentHash: mine.hash, signatures: result, openSuggestions }
}

/** Signs the inventory as the signer sees it now. Binding to a hash of what the signer saw, not an id. */
export async function signInventory(
  deps: Deps,
  input: { clientId: string; signerId: string; signerRole: 'client' | 'worker'; filter: DomainFilter; expectedHash?: string | undefined },
) {
  const { hash } = await currentInventoryHash(deps, input.clientId, input.filter)
  // The page sends the hash it showed: a change in between means the signer did not see this version.
  if (input.expectedHash && input.expectedHash !== hash) {
    throw new AppError('version_conflict', 'The inventory changed while you were reading it. Look again before you sign.')
  }
  // Open suggestions first: the client decides on them, or the worker waits for that.
  const open = await countOwnOpenSuggestions(deps, { clientId: input.clientId, viewerId: input.signerId, isSelf: input.signerRole === 'client', excludeDomains: input.filter.excludeDomains ?? [] })
  if (open > 0) throw new AppError('suggestions_open', 'Some suggestions are still open. Decide on them (or wait for the client) before you sign.')
  const [previous] = (await latestSignatures(deps, input.clientId, 'inventory')).filter((row) => row.signature.signerId === input.signerId)
  if (previous?.signature.contentHash === hash) throw new AppError('already_signed', 'You already signed this version.')
  const [row] = await deps.db
    .insert(signatures)
    .values({ clientId: input.clientId, document: 'inventory', signerId: input.signerId, signerRole: input.signerRole, contentHash: hash, signedAt: deps.now() })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return { signedAt: row.signedAt.toISOString(), contentHash: hash }
}

/**
 * Did client and worker both sign, and is the client's signature on the current content? (quality
 * item 6) For a viewer with domains left out, only whether both signed: whether the client's
 * signature still holds depends on the content they may not see.
 */
export async function agreementSigned(deps: Deps, clientId: string, viewer?: Pick<AgreementViewer, 'isSelf' | 'excludeDomains'>): Promise<boolean> {
  const latest = await latestSignatures(deps, clientId, 'inventory')
  const client = latest.find((row) => row.signature.signerRole === 'client')
  const worker = latest.find((row) => row.signature.signerRole === 'worker')
  if (!client || !worker) return false
  // The worker signed what was shared with them: that must still be what they see.
  if ((await workerViewHash(deps, clientId, worker.signature.signerId)) !== worker.signature.contentHash) return false
  // A viewer with domains left out may not learn whether those changed: for them the client's
  // signature counts as stale when anything they can see changed since (never "done" when stale to them).
  if (viewer && !viewer.isSelf && viewer.excludeDomains.length > 0) {
    return !(await visibleChangeSince(deps, { clientId, since: client.signature.signedAt, excludeDomains: viewer.excludeDomains }))
  }
  const { hash } = await currentInventoryHash(deps, clientId, {})
  return client.signature.contentHash === hash
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

export async function lastReview(deps: Deps, clientId: string, reviewerId: string) {
  const [row] = await deps.db
    .select()
    .from(reviews)
    .where(and(eq(reviews.clientId, clientId), eq(reviews.reviewerId, reviewerId)))
    .orderBy(desc(reviews.reviewedAt))
    .limit(1)
  return row ?? null
}

/** The hash of what a worker may see now, through the same rules as the gate (no log: nothing is returned). */
async function workerViewHash(deps: Deps, clientId: string, workerId: string): Promise<string | null> {
  const [worker] = await deps.db.select().from(users).where(eq(users.id, workerId))
  if (!worker) return null
  const actor: Actor = { kind: 'session', user: toPublicUser(worker), sessionId: '' }
  const { decision } = await decideClientAccess(deps, actor, clientId, { scope: 'inventory', access: 'read' })
  if (!decision.allowed) return null
  return (await currentInventoryHash(deps, clientId, { excludeDomains: decision.excludeDomains })).hash
}
