import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { accessLogGenesisHash } from '../schema/access-log'
import type { Database } from './client'
import { queryRows } from './roles'

/**
 * The fields of one log row in the chain's canonical order, each as text (`at` in UTC with
 * microseconds), as the log_sql migration hashes them.
 */
export interface ChainedFields {
  seq: string
  id: string
  at: string
  actorId: string | null
  actorRole: string | null
  onBehalfOf: string | null
  clientId: string
  action: string
  scope: string
  resource: string
  outcome: string
  basis: string
  via: string | null
  viaId: string | null
  ipAddress: string | null
  userAgent: string | null
}

const field = (value: string | null) => (value === null ? '-;' : `${Buffer.byteLength(value, 'utf8')}:${value};`)

/**
 * The chain hash of a row, computed here in JavaScript, on purpose apart from the database's own
 * function: someone who replaced that function (or the trigger) is caught all the same.
 */
export function chainHash(prevHash: string, row: ChainedFields): string {
  const fields = [
    row.seq,
    row.id,
    row.at,
    row.actorId,
    row.actorRole,
    row.onBehalfOf,
    row.clientId,
    row.action,
    row.scope,
    row.resource,
    row.outcome,
    row.basis,
    row.via,
    row.viaId,
    row.ipAddress,
    row.userAgent,
  ]
  return createHash('sha256').update(`${prevHash};${fields.map(field).join('')}`, 'utf8').digest('hex')
}

export type ChainProblem =
  | { kind: 'altered'; seq: number; id: string }
  | { kind: 'broken_link'; seq: number; id: string }
  | { kind: 'missing'; fromSeq: number; toSeq: number }
  | { kind: 'duplicate'; seq: number; id: string }
  | { kind: 'unchained'; id: string }
  | { kind: 'end_missing'; lastSeq: number; headSeq: number }
  | { kind: 'head_mismatch'; headSeq: number; lastSeq: number }
  | { kind: 'no_head' }

export type ChainReport =
  | { ok: true; rows: number; lastSeq: number; headHash: string }
  | { ok: false; rows: number; problem: ChainProblem; message: string }

interface RowText extends Record<string, unknown> {
  seq: string
  id: string
  at: string
  actor_id: string | null
  actor_role: string | null
  on_behalf_of: string | null
  client_id: string
  action: string
  scope: string
  resource: string
  outcome: string
  basis: string
  via: string | null
  via_id: string | null
  ip_address: string | null
  user_agent: string | null
  prev_hash: string
  hash: string
}

function explain(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'altered':
      return `Row ${problem.seq} (id ${problem.id}) was changed after it was written: its contents no longer match its hash.`
    case 'broken_link':
      return `Row ${problem.seq} (id ${problem.id}) does not follow from the row before it: that row was changed, or rows between them were removed and renumbered.`
    case 'missing':
      return problem.fromSeq === problem.toSeq
        ? `Row ${problem.fromSeq} is missing: it was removed.`
        : `Rows ${problem.fromSeq} to ${problem.toSeq} are missing: they were removed.`
    case 'duplicate':
      return `Row ${problem.seq} appears twice (id ${problem.id}): a row was added outside the chain.`
    case 'unchained':
      return `Row with id ${problem.id} is not in the chain (no number): it was added while the chain trigger was off.`
    case 'end_missing':
      return `The log ends at row ${problem.lastSeq}, but the chain reached row ${problem.headSeq}: the last rows were removed.`
    case 'head_mismatch':
      return `The chain's head (row ${problem.headSeq}) does not match the last row (${problem.lastSeq}): the head or the last row was changed.`
    case 'no_head':
      return 'The chain has no head row: the log_sql migration did not run, or the head was removed.'
  }
}

const fail = (rows: number, problem: ChainProblem): ChainReport => ({ ok: false, rows, problem, message: explain(problem) })

/**
 * Walks the whole access log in chain order and reports OK, or the first row where the chain
 * breaks: a changed row, a removed row (a gap in the numbers or a broken link), rows cut off the
 * end (the head remembers further), or a row slipped in outside the chain. Reads in batches, so a
 * long log does not fill memory. Needs only SELECT, so it runs as the application role too.
 */
export async function verifyAccessLogChain(db: Database, options: { batchSize?: number } = {}): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 1000
  const [head] = await queryRows<{ seq: string; hash: string }>(db, sql`select seq::text as seq, hash from access_log_chain where id = 1`)
  if (!head) return fail(0, { kind: 'no_head' })

  let rows = 0
  let expectedSeq = 1
  let prevHash = accessLogGenesisHash
  let after = { seq: '-1', id: '00000000-0000-0000-0000-000000000000' }
  for (;;) {
    const batch = await queryRows<RowText>(
      db,
      sql`select seq::text as seq, id::text as id,
        to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
        actor_id::text as actor_id, actor_role, on_behalf_of::text as on_behalf_of, client_id::text as client_id,
        action, scope, resource, outcome, basis, via, via_id, ip_address, user_agent, prev_hash, hash
      from access_log l
      where (l.seq, l.id) > (${after.seq}::bigint, ${after.id}::uuid)
      -- Qualified: a bare "seq" here would be the text column of the select list, sorted as text.
      order by l.seq, l.id
      limit ${batchSize}`,
    )
    for (const row of batch) {
      const seq = Number(row.seq)
      if (seq <= 0) return fail(rows, { kind: 'unchained', id: row.id })
      if (seq < expectedSeq) return fail(rows, { kind: 'duplicate', seq, id: row.id })
      if (seq > expectedSeq) return fail(rows, { kind: 'missing', fromSeq: expectedSeq, toSeq: seq - 1 })
      const computed = chainHash(row.prev_hash, {
        seq: row.seq,
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        actorRole: row.actor_role,
        onBehalfOf: row.on_behalf_of,
        clientId: row.client_id,
        action: row.action,
        scope: row.scope,
        resource: row.resource,
        outcome: row.outcome,
        basis: row.basis,
        via: row.via,
        viaId: row.via_id,
        ipAddress: row.ip_address,
        userAgent: row.user_agent,
      })
      if (computed !== row.hash) return fail(rows, { kind: 'altered', seq, id: row.id })
      if (row.prev_hash !== prevHash) return fail(rows, { kind: 'broken_link', seq, id: row.id })
      prevHash = row.hash
      expectedSeq = seq + 1
      rows++
    }
    const last = batch.at(-1)
    if (!last || batch.length < batchSize) break
    after = { seq: last.seq, id: last.id }
  }
  const lastSeq = expectedSeq - 1
  const headSeq = Number(head.seq)
  if (headSeq > lastSeq) return fail(rows, { kind: 'end_missing', lastSeq, headSeq })
  if (headSeq !== lastSeq || head.hash !== prevHash) return fail(rows, { kind: 'head_mismatch', headSeq, lastSeq })
  return { ok: true, rows, lastSeq, headHash: prevHash }
}
