import { createHash } from 'node:crypto'
import { and, desc, eq, sql, type Placeholder, type SQL } from 'drizzle-orm'
import { signatures, users, type AgreementDocument, type ConsentScope, type Signature } from '@kracht/db'
import type { Actor, Deps } from '../lib/env'
import { decideClientAccess } from '../access/gate'
import { toPublicUser } from '../auth/sessions'
import { AppError } from '../lib/app-error'
import { knownInPageRead, oncePerPageRead } from '../lib/page-read'
import { epochMs, fromJson } from '../lib/sql-json'

/**
 * Signatures on a client's document (the inventory, the action plan): one mechanism for both. A
 * signature binds to the SHA-256 of the exact content the signer saw, so any later change shows as
 * "changed since signed on …" without storing the content twice.
 */

/** SHA-256 of a canonical JSON value (the caller puts lists in a stable order first). */
export const contentHash = (canonical: unknown): string => createHash('sha256').update(JSON.stringify(canonical)).digest('hex')

/** A document that can be signed: its scope (for the worker's view) and its hash as a viewer sees it. */
export interface SignableDocument {
  document: AgreementDocument
  scope: ConsentScope
  /** The hash of the content with these life domains left out (none: the whole document). */
  hash(deps: Deps, clientId: string, excludeDomains: readonly string[]): Promise<string>
  /** What changed since a signature, in words a person can check, counted over what the viewer may see. */
  changesSince?(deps: Deps, input: { clientId: string; since: Date; excludeDomains: readonly string[]; seesAll: boolean }): Promise<DocumentChanges>
  /** Whether anything a viewer with these domains left out can see changed since then. */
  visibleChangeSince?(deps: Deps, input: { clientId: string; since: Date; excludeDomains: readonly string[] }): Promise<boolean>
  /** Suggestions that still wait for an answer, as this signer sees them: signing waits for them. */
  openSuggestions?(deps: Deps, input: { clientId: string; viewerId: string; isSelf: boolean; excludeDomains: readonly string[] }): Promise<number>
}

/** "Changed since signed", in numbers and life domains (services/agreement-changes.ts for the inventory). */
export interface DocumentChanges {
  added: number
  changed: number
  removed: number
  domains: string[]
  priorities: boolean
  remarks: boolean
}

/** Who looks: the client, or someone on consent with the domains left out for them. */
export interface SignatureViewer {
  isSelf: boolean
  excludeDomains: readonly string[]
  actor: { id: string }
}

export type SignerRole = 'client' | 'worker'

interface SignatureRow {
  signature: Signature
  name: string
}

const signaturesKey = (clientId: string, document: AgreementDocument) => `signatures:${clientId}:${document}`

/**
 * All signatures of a client's document with the signers' names, newest first, as one JSON value
 * (a scalar subquery): the inventory's query brings them along, so its page need not ask again.
 */
export function signaturesJson(clientId: string | Placeholder, document: AgreementDocument): SQL {
  return sql`(select coalesce(json_agg(json_build_object(
      'signature', json_build_object('id', s.id, 'clientId', s.client_id, 'document', s.document, 'subjectId', s.subject_id,
        'signerId', s.signer_id, 'signerRole', s.signer_role, 'contentHash', s.content_hash, 'signedAt', ${epochMs(sql`s.signed_at`)}),
      'name', u.display_name) order by s.signed_at desc), '[]'::json)
    from ${signatures} s join ${users} u on u.id = s.signer_id where s.client_id = ${clientId} and s.document = ${document})`
}

/** The rows of signaturesJson's value, each signer's latest first; known to the page read from then on. */
export function signaturesFromJson(clientId: string, document: AgreementDocument, value: unknown): SignatureRow[] {
  type Json = { signature: Omit<Signature, 'signedAt'> & { signedAt: number }; name: string }
  const rows = fromJson<Json[]>(value).map((row) => ({ name: row.name, signature: { ...row.signature, signedAt: new Date(row.signature.signedAt) } }))
  knownInPageRead(signaturesKey(clientId, document), rows)
  return latestOf(rows)
}

const latestOf = (rows: readonly SignatureRow[]) => {
  const seen = new Set<string>()
  return rows.filter((row) => (seen.has(row.signature.signerId) ? false : (seen.add(row.signature.signerId), true)))
}

export async function latestSignatures(deps: Deps, clientId: string, document: AgreementDocument) {
  // Once per page read (the inventory's quality check and the agreement both ask).
  const rows = await oncePerPageRead(signaturesKey(clientId, document), (): PromiseLike<SignatureRow[]> =>
    deps.db
      .select({ signature: signatures, name: users.displayName })
      .from(signatures)
      .innerJoin(users, eq(users.id, signatures.signerId))
      .where(and(eq(signatures.clientId, clientId), eq(signatures.document, document)))
      .orderBy(desc(signatures.signedAt)),
  )
  return latestOf(rows)
}

/**
 * Each party's latest signature, and whether the content it bound to is still the content now.
 *
 * A signature's hash and its "changed since" flag are about content the viewer may not see (the
 * client signs everything): a worker could confirm guessed hidden words against the hash, or learn
 * that a left-out domain changed. So a viewer with domains left out sees both only for their own
 * signature (a hash of what they saw); for the others, both are null: "not yours to see".
 */
export async function signatureStatus(doc: SignableDocument, deps: Deps, input: { clientId: string; viewer: SignatureViewer }) {
  const { viewer } = input
  const seesAll = viewer.isSelf || viewer.excludeDomains.length === 0
  // A viewer who sees everything sees the full document: it is read and hashed once, not twice.
  const fullHash = doc.hash(deps, input.clientId, [])
  const [latest, full, mine] = await Promise.all([
    latestSignatures(deps, input.clientId, doc.document),
    fullHash,
    viewer.excludeDomains.length === 0 ? fullHash : doc.hash(deps, input.clientId, viewer.excludeDomains),
  ])
  const result = []
  for (const row of latest) {
    const own = row.signature.signerId === viewer.actor.id
    let current: boolean | null = null
    if (own) current = mine === row.signature.contentHash
    else if (seesAll) {
      // The client signs the whole document; a worker signs what was shared with them, so a worker's
      // signature is compared with what the worker may see now (a change in a left-out domain is not theirs).
      const now = row.signature.signerRole === 'client' ? full : await workerViewHash(doc, deps, input.clientId, row.signature.signerId)
      current = now === row.signature.contentHash
    }
    // "Changed since signed" says what changed, counted over what this viewer may see.
    const changes =
      current === false && doc.changesSince
        ? await doc.changesSince(deps, { clientId: input.clientId, since: row.signature.signedAt, excludeDomains: own ? viewer.excludeDomains : [], seesAll })
        : null
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
  const openSuggestions = doc.openSuggestions
    ? await doc.openSuggestions(deps, { clientId: input.clientId, viewerId: viewer.actor.id, isSelf: viewer.isSelf, excludeDomains: viewer.excludeDomains })
    : 0
  return { document: doc.document, contentHash: mine, signatures: result, openSuggestions }
}

/** Signs the document as the signer sees it now. Binding to a hash of what the signer saw, not an id. */
export async function signDocument(
  doc: SignableDocument,
  deps: Deps,
  input: { clientId: string; signerId: string; signerRole: SignerRole; excludeDomains: readonly string[]; expectedHash?: string | undefined },
) {
  const hash = await doc.hash(deps, input.clientId, input.excludeDomains)
  // The page sends the hash it showed: a change in between means the signer did not see this version.
  if (input.expectedHash && input.expectedHash !== hash) {
    throw new AppError('version_conflict', 'This changed while you were reading it. Look again before you sign.')
  }
  // Open suggestions first: the client decides on them, or the worker waits for that.
  const open = doc.openSuggestions
    ? await doc.openSuggestions(deps, { clientId: input.clientId, viewerId: input.signerId, isSelf: input.signerRole === 'client', excludeDomains: input.excludeDomains })
    : 0
  if (open > 0) throw new AppError('suggestions_open', 'Some suggestions are still open. Decide on them (or wait for the client) before you sign.')
  const [previous] = (await latestSignatures(deps, input.clientId, doc.document)).filter((row) => row.signature.signerId === input.signerId)
  if (previous?.signature.contentHash === hash) throw new AppError('already_signed', 'You already signed this version.')
  const [row] = await deps.db
    .insert(signatures)
    .values({ clientId: input.clientId, document: doc.document, signerId: input.signerId, signerRole: input.signerRole, contentHash: hash, signedAt: deps.now() })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return { signedAt: row.signedAt.toISOString(), contentHash: hash }
}

/**
 * Did client and worker both sign, and do both signatures hold for the current content? The
 * worker signed what was shared with them, so that must still be what they see. A viewer with
 * domains left out may not learn whether those changed: for them the client's signature counts as
 * stale when anything they can see changed since (never "done" while stale to them).
 */
export async function documentSigned(doc: SignableDocument, deps: Deps, clientId: string, viewer?: Pick<SignatureViewer, 'isSelf' | 'excludeDomains'>): Promise<boolean> {
  const latest = await latestSignatures(deps, clientId, doc.document)
  const client = latest.find((row) => row.signature.signerRole === 'client')
  const worker = latest.find((row) => row.signature.signerRole === 'worker')
  if (!client || !worker) return false
  if ((await workerViewHash(doc, deps, clientId, worker.signature.signerId)) !== worker.signature.contentHash) return false
  if (viewer && !viewer.isSelf && viewer.excludeDomains.length > 0) {
    return doc.visibleChangeSince ? !(await doc.visibleChangeSince(deps, { clientId, since: client.signature.signedAt, excludeDomains: viewer.excludeDomains })) : true
  }
  return client.signature.contentHash === (await doc.hash(deps, clientId, []))
}

/** The hash of what a worker may see now, through the same rules as the gate (no log: nothing is returned). */
async function workerViewHash(doc: SignableDocument, deps: Deps, clientId: string, workerId: string): Promise<string | null> {
  const [worker] = await deps.db.select().from(users).where(eq(users.id, workerId))
  if (!worker) return null
  const actor: Actor = { kind: 'session', user: toPublicUser(worker), sessionId: '' }
  const { decision } = await decideClientAccess(deps, actor, clientId, { scope: doc.scope, access: 'read' })
  if (!decision.allowed) return null
  return doc.hash(deps, clientId, decision.excludeDomains)
}
