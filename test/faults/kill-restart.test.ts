import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type SQL } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase, verifyAccessLogChain, type Database } from '@kracht/db'
import { createEmptyPostgresDatabase } from '@kracht/db/testing'
import { copyDataTemplate } from '../support/server'
import { Api, sleep, spawnServer, type Outcome, type ServerProcess } from './support'

// Issue 20, item 1: the real server process is killed (SIGKILL) at a random moment while several
// writers are busy, and restarted. Every write it acknowledged (a 2xx answer) must be there after the
// restart, and nothing may be half-written. On the embedded database by default; on PostgreSQL when
// DATABASE_URL is set (a fresh database is made on that server).
//
// Cycles: KILL_CYCLES, else 5 (`npm test`), or 50 embedded / 20 PostgreSQL with FAULTS=full
// (`npm run test:faults`).

const serverUrl = process.env['DATABASE_URL']
const engine = serverUrl ? 'PostgreSQL' : 'embedded'
const full = process.env['FAULTS'] === 'full'
const cycles = Number(process.env['KILL_CYCLES'] ?? (full ? (serverUrl ? 20 : 50) : 5))
/** A kill lands somewhere in the first this-many milliseconds of a burst. */
const burstMs = 1500

const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

interface Version {
  version: number
  text: string
}

/** What the writers were told was saved (acked) and what was in flight when the server died (pending). */
interface StatementRecord {
  id: string
  acked: Version
  pending: Version | null
}
interface ConsentRecord {
  id: string
  revoked: 'no' | 'pending' | 'yes'
}
interface ConversationRecord {
  id: string
  acked: number
  pending: number | null
  /** Read back after a restart once; the final check reads them all again. */
  verified: boolean
}

interface Model {
  statements: Map<string, StatementRecord>
  consents: Map<string, ConsentRecord>
  conversations: Map<string, ConversationRecord>
  /** Statements whose create was acknowledged but whose answer could not be read: checked by text. */
  statementTexts: Set<string>
  /** Reads of the client's data by the worker that were answered 200: each needs its access-log row. */
  workerReads: number
  /** Answers acknowledged so far (2xx). */
  acks: number
  /** Answers that were neither 2xx nor a lost connection: each is a finding. */
  unexpected: string[]
}

interface People {
  sam: Api
  noor: Api
  samId: string
  evaId: string
}

type StatementBody = { statement: { id: string; version: number; text: string } }

/** Counts every acknowledged answer, so a burst is killed only once writes are under way. */
function acked<T extends Outcome<unknown>>(model: Model, outcome: T): T {
  if (outcome.ok) model.acks++
  return outcome
}

function unexpected(model: Model, what: string, outcome: Outcome<unknown>) {
  if (!outcome.ok && !('lost' in outcome)) model.unexpected.push(`${what}: ${outcome.status} ${JSON.stringify(outcome.body).slice(0, 300)}`)
}

/** Adds statements and edits each once, until the connection is lost. */
async function statementWriter(model: Model, people: People, tag: string) {
  const { sam, samId } = people
  for (let n = 0; ; n++) {
    const text = `Ik kan ${tag} nummer ${n} goed.`
    const created = acked(model, await sam.call<StatementBody>('POST', `/clients/${samId}/statements`, { domain: 'leisure', time: 'present', form: 'i_can', text }))
    if (!created.ok) return unexpected(model, 'create statement', created)
    if (!created.body) {
      model.statementTexts.add(text)
      return
    }
    const record: StatementRecord = { id: created.body.statement.id, acked: { version: 1, text }, pending: null }
    model.statements.set(record.id, record)
    const edited = `${text} Ook voor anderen.`
    record.pending = { version: 2, text: edited }
    const updated = acked(model, await sam.call<StatementBody>('PATCH', `/clients/${samId}/statements/${record.id}`, { version: 1, text: edited }))
    if (!updated.ok) return unexpected(model, 'edit statement', updated)
    record.acked = { version: 2, text: edited }
    record.pending = null
  }
}

/** Shares the inventory with the peer expert and stops it again, until the connection is lost. */
async function consentWriter(model: Model, people: People) {
  const { sam, samId, evaId } = people
  for (;;) {
    const granted = acked(model, await sam.call<{ id: string }>('POST', `/clients/${samId}/consents`, { granteeId: evaId, scopes: ['inventory'], access: 'read', endsAt: null }))
    if (!granted.ok || !granted.body) return unexpected(model, 'grant consent', granted)
    const record: ConsentRecord = { id: granted.body.id, revoked: 'no' }
    model.consents.set(record.id, record)
    record.revoked = 'pending'
    const revoked = acked(model, await sam.call('DELETE', `/clients/${samId}/consents/${record.id}`))
    if (!revoked.ok) return unexpected(model, 'revoke consent', revoked)
    record.revoked = 'yes'
  }
}

interface ConversationBody {
  conversation: { id: string; version: number }
  step: { id: string } | null
  proposals: { id: string; status: string; text?: string }[]
}

/** Starts an assistant conversation, answers it and keeps the card it proposes, until the connection is lost. */
async function assistantWriter(model: Model, people: People) {
  const { sam, samId } = people
  const base = `/clients/${samId}/conversations`
  for (;;) {
    const started = acked(model, await sam.call<ConversationBody>('POST', base, { flow: 'strengths', context: { domains: ['work'] } }))
    if (!started.ok || !started.body) return unexpected(model, 'start conversation', started)
    const view = started.body
    const record: ConversationRecord = { id: view.conversation.id, acked: view.conversation.version, pending: null, verified: false }
    model.conversations.set(record.id, record)
    record.pending = record.acked + 1
    const answered = acked(model, await sam.call<ConversationBody>('POST', `${base}/${record.id}/answers`, { stepId: view.step?.id, version: view.conversation.version, text: 'behulpzaam' }))
    if (!answered.ok || !answered.body) return unexpected(model, 'answer', answered)
    record.acked = answered.body.conversation.version
    record.pending = null
    const card = answered.body.proposals.find((p) => p.status === 'proposed')
    if (!card) {
      model.unexpected.push('an answer proposed no card')
      return
    }
    const accepted = acked(model, await sam.call<{ saved: { id: string } | null; proposal: { text?: string } }>('POST', `${base}/${record.id}/proposals/${card.id}/accept`, {}))
    if (!accepted.ok || !accepted.body) return unexpected(model, 'accept card', accepted)
    const saved = accepted.body.saved
    if (saved) model.statements.set(saved.id, { id: saved.id, acked: { version: 1, text: accepted.body.proposal.text ?? '' }, pending: null })
  }
}

/** The worker reads the shared inventory; every read answered 200 must be in the access log. */
async function workerReader(model: Model, people: People) {
  const { noor, samId } = people
  for (;;) {
    const read = acked(model, await noor.call('GET', `/clients/${samId}/inventory`))
    if (!read.ok) return unexpected(model, 'worker read', read)
    model.workerReads++
  }
}

/** After a restart: everything acknowledged is there, and what was in flight is there whole or not at all. */
async function verify(model: Model, people: People) {
  const { sam, samId } = people
  const statements = await sam.must<{ id: string; version: number; text: string }[]>('GET', `/clients/${samId}/statements`)
  const byId = new Map(statements.map((s) => [s.id, s]))
  for (const record of model.statements.values()) {
    const found = byId.get(record.id)
    expect(found, `acknowledged statement ${record.id} (${record.acked.text})`).toBeDefined()
    const now = { version: found!.version, text: found!.text }
    const allowed = [record.acked, ...(record.pending ? [record.pending] : [])]
    expect(allowed, `statement ${record.id}`).toContainEqual(now)
    record.acked = now
    record.pending = null
  }
  const texts = new Set(statements.map((s) => s.text))
  for (const text of model.statementTexts) expect(texts.has(text), `acknowledged statement "${text}"`).toBe(true)

  const consents = await sam.must<{ id: string; revokedAt: string | null }[]>('GET', `/clients/${samId}/consents?all=true`)
  const consentById = new Map(consents.map((c) => [c.id, c]))
  for (const record of model.consents.values()) {
    const found = consentById.get(record.id)
    expect(found, `acknowledged consent ${record.id}`).toBeDefined()
    if (record.revoked === 'yes') expect(found!.revokedAt, `acknowledged revoke of ${record.id}`).not.toBeNull()
    record.revoked = found!.revokedAt ? 'yes' : 'no'
  }

  // Conversations are read one by one (the list shows the latest hundred): those of this burst.
  for (const record of model.conversations.values()) {
    if (record.verified) continue
    const found = await sam.must<ConversationBody>('GET', `/clients/${samId}/conversations/${record.id}`)
    expect([record.acked, ...(record.pending ? [record.pending] : [])], `conversation ${record.id}`).toContain(found.conversation.version)
    record.acked = found.conversation.version
    record.pending = null
    record.verified = true
  }
}

/** Rows in the database that only a half-written change could leave. Each query names what it finds. */
const invariants: Record<string, SQL> = {
  'a statement without its first revision': sql`select s.id from statements s where not exists (
    select 1 from statement_revisions r where r.statement_id = s.id and r.action = 'create' and r.version = 1)`,
  'a statement whose latest revision is not what it says': sql`select s.id from statements s where not exists (
    select 1 from statement_revisions r where r.statement_id = s.id and r.version = s.version and r.text = s.text
      and r.domain = s.domain and r.action = case when s.deleted_at is null then r.action else 'delete' end)`,
  'a statement with a gap or a double in its revisions': sql`select statement_id from statement_revisions group by statement_id
    having count(*) <> max(version) or count(distinct version) <> count(*)`,
  'a kept card without what it saved': sql`select p.id from conversation_proposals p where p.kind = 'statement'
    and p.status in ('accepted', 'edited') and (p.saved_id is null or p.decided_at is null
      or not exists (select 1 from statements s where s.id = p.saved_id))`,
  'a statement from the assistant without its card': sql`select s.id from statements s where s.provenance = 'client_accepted_assistant'
    and not exists (select 1 from conversation_proposals p where p.saved_id = s.id)`,
  "a card in a conversation's state without its row": sql`select c.id from conversations c
    cross join lateral jsonb_array_elements(coalesce(c.state->'proposals', '[]'::jsonb)) as p(card)
    where not exists (select 1 from conversation_proposals cp where cp.conversation_id = c.id and cp.proposal_id = p.card->>'id')`,
  "a card row its conversation's state does not know": sql`select cp.id from conversation_proposals cp join conversations c on c.id = cp.conversation_id
    where not exists (select 1 from jsonb_array_elements(coalesce(c.state->'proposals', '[]'::jsonb)) as p(card) where p.card->>'id' = cp.proposal_id)`,
  'a consent stopped before it began': sql`select id from consents where revoked_at < created_at`,
  'an access allowed by a consent that is not there': sql`select a.id from access_log a where a.basis like 'consent:%'
    and not exists (select 1 from consents c where 'consent:' || c.id::text = a.basis)`,
}

async function rows(db: Database, query: SQL): Promise<Record<string, unknown>[]> {
  const result = await db.execute(query)
  return Array.isArray(result) ? (result as Record<string, unknown>[]) : (result as unknown as { rows: Record<string, unknown>[] }).rows
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

describe(`kills and restarts (${engine} database)`, () => {
  it(`${cycles} SIGKILLs during a burst of writes lose no acknowledged write and leave nothing half-written`, { timeout: 60_000 + cycles * 30_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kracht-kill-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const database = serverUrl ? await createEmptyPostgresDatabase(serverUrl) : null
    if (database) cleanups.push(() => database.drop())
    const env = { DATA_DIR: dataDir, ...(database ? { DATABASE_URL: database.url } : {}) }
    // Embedded: from a copy of the built database, so the first start is a restart too (what a first
    // start survives is test/faults/start-stop.test.ts's; building here took 19-36 s of this file).
    if (!database) await copyDataTemplate(dataDir)
    let server: ServerProcess = spawnServer(env)
    cleanups.push(async () => void (await server.kill('SIGKILL')))
    let url = await server.ready
    const firstStartMs = server.startMs() ?? 0

    const sam = new Api(url)
    const noor = new Api(url)
    const samId = await sam.signIn('sam')
    const noorId = await noor.signIn('noor')
    const evaId = await new Api(url).signIn('eva')
    // The worker may read the inventory all through the test (the peer expert's shares come and go).
    await sam.must('POST', `/clients/${samId}/consents`, { granteeId: noorId, scopes: ['inventory'], access: 'read', endsAt: null })

    const model: Model = { statements: new Map(), consents: new Map(), conversations: new Map(), statementTexts: new Set(), workerReads: 0, acks: 0, unexpected: [] }
    const startTimes: number[] = []
    const began = performance.now()
    let killsDuringStart = 0
    const spent = { burst: 0, restart: 0, verify: 0 }
    for (let cycle = 0; cycle < cycles; cycle++) {
      const burstBegan = performance.now()
      // The sessions made before the first kill keep working across every restart.
      const people: People = { sam: sam.at(url), noor: noor.at(url), samId, evaId }
      const writers = Promise.all([
        statementWriter(model, people, `schrijver A, ronde ${cycle},`),
        statementWriter(model, people, `schrijver B, ronde ${cycle},`),
        consentWriter(model, people),
        assistantWriter(model, people),
        workerReader(model, people),
      ])
      // The kill lands at a random moment once the burst is under way: as many answers as writers
      // (on a busy machine the first answers after a start can take a while).
      const acksBefore = model.acks
      const waitUntil = performance.now() + 60_000
      while (model.acks < acksBefore + 5 && performance.now() < waitUntil) await sleep(10)
      await sleep(Math.random() * burstMs)
      await server.kill('SIGKILL')
      await writers

      const restartBegan = performance.now()
      spent.burst += restartBegan - burstBegan
      server = spawnServer(env)
      // Every fifth cycle the restart itself is killed too (during recovery), then started again.
      if (cycle % 5 === 4) {
        await sleep(Math.random() * median(startTimes.length ? startTimes : [firstStartMs]))
        await server.kill('SIGKILL')
        killsDuringStart++
        server = spawnServer(env)
      }
      url = await server.ready
      startTimes.push(server.startMs() ?? 0)
      const verifyBegan = performance.now()
      spent.restart += verifyBegan - restartBegan
      await verify(model, { sam: sam.at(url), noor: noor.at(url), samId, evaId })
      spent.verify += performance.now() - verifyBegan
    }
    const cyclesMs = performance.now() - began
    expect(model.unexpected).toEqual([])

    // A stop with SIGTERM: drains, checkpoints, exits 0.
    const stopped = await server.kill('SIGTERM')
    expect(stopped.code, server.output()).toBe(0)

    const { handle } = await openAppDatabase(database ? { databaseUrl: database.url } : { dataDir })
    try {
      for (const [what, query] of Object.entries(invariants)) expect(await rows(handle.db, query), what).toEqual([])
      const [logged] = await rows(
        handle.db,
        sql`select count(*)::int as n from access_log where actor_id = ${noorId} and client_id = ${samId}
          and resource = 'inventory' and action = 'read' and outcome = 'allowed'`,
      )
      expect(Number(logged?.['n']), 'access-log rows for the reads answered 200').toBeGreaterThanOrEqual(model.workerReads)
      expect(await verifyAccessLogChain(handle.db)).toMatchObject({ ok: true })
      // Every acknowledged conversation, at the version last seen (nothing wrote to them since).
      const versions = new Map((await rows(handle.db, sql`select id, version from conversations where client_id = ${samId}`)).map((r) => [r['id'], r['version']]))
      for (const record of model.conversations.values()) expect(versions.get(record.id), `conversation ${record.id}`).toBe(record.acked)
    } finally {
      await handle.close()
    }

    const acknowledged = model.statements.size + model.consents.size + model.conversations.size + model.workerReads
    console.log(
      `[faults] ${engine}: ${cycles} kills (${killsDuringStart} of them also during the restart) in ${(cyclesMs / 1000).toFixed(1)} s; ` +
        `${database ? 'first start' : 'start (copied database)'} ${(firstStartMs / 1000).toFixed(1)} s, restart median ${(median(startTimes) / 1000).toFixed(2)} s ` +
        `(min ${(Math.min(...startTimes) / 1000).toFixed(2)}, max ${(Math.max(...startTimes) / 1000).toFixed(2)}); ` +
        `${acknowledged} acknowledged writes and reads checked (${model.statements.size} statements, ${model.consents.size} consents, ` +
        `${model.conversations.size} conversations, ${model.workerReads} logged reads). ` +
        `Time in bursts ${(spent.burst / 1000).toFixed(1)} s, restarts ${(spent.restart / 1000).toFixed(1)} s, checks ${(spent.verify / 1000).toFixed(1)} s.`,
    )
  })
})
