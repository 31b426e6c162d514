import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { accessLog, accessLogChain } from '../schema/index'
import { chainHash, verifyAccessLogChain } from './access-log-chain'
import { logRights, queryRows } from './roles'
import { createTestDatabase, type TestDatabaseHandle } from './testing'

// Attacks on the access log, each tried for real, on PGlite and (with DATABASE_URL) on a PostgreSQL
// server. The application's connection is the one the server uses (db/src/open.ts): the role
// kracht_app. "As owner" plays someone with more rights than the application (an operator or an
// intruder on the database server): they can change the log, but the hash chain shows it.

/** The message of a refused query and of its cause (drizzle wraps the driver's error). */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt
  } catch (error) {
    const parts: string[] = []
    for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.message)
    return parts.join(' | ')
  }
  throw new Error('the attack was not refused')
}

let handle: TestDatabaseHandle
const clientId = randomUUID()
const row = (n: number) => ({
  clientId,
  action: 'read' as const,
  scope: 'inventory',
  resource: `statement:${n}`,
  outcome: 'allowed' as const,
  basis: 'test',
  actorId: randomUUID(),
  actorRole: 'worker',
  via: 'session' as const,
  viaId: `session-${n}`,
  ipAddress: '192.0.2.10',
  userAgent: 'Mozilla/5.0 (Linux; Android 14) – één “test” 🙂',
})

const idOf = async (seq: number) => {
  const [found] = await handle.db.select({ id: accessLog.id }).from(accessLog).where(eq(accessLog.seq, seq))
  if (!found) throw new Error(`no row ${seq}`)
  return found.id
}

/** As the owner: an empty log and a chain that starts again, so each attack below is judged on its own. */
async function emptyLog() {
  await handle.asOwner(`alter table access_log disable trigger user;
    truncate access_log;
    alter table access_log enable trigger user;
    update access_log_chain set seq = 0, hash = repeat('0', 64);`)
}

beforeAll(async () => {
  handle = await createTestDatabase()
  for (let n = 1; n <= 5; n++) await handle.db.insert(accessLog).values(row(n))
})
afterAll(() => handle.close())

describe('the application role cannot rewrite the log', () => {
  it('works as kracht_app: no superuser, not the owner, no UPDATE, DELETE or TRUNCATE', async () => {
    expect(await logRights(handle.db)).toEqual({
      role: 'kracht_app',
      superuser: false,
      ownsLog: false,
      canUpdate: false,
      canDelete: false,
      canTruncate: false,
    })
  })

  // "permission denied" is the role's refusal, before the append-only trigger is even asked.
  it.each([
    ['UPDATE', `update access_log set outcome = 'denied'`],
    ['DELETE', 'delete from access_log'],
    ['TRUNCATE', 'truncate access_log'],
  ])('refuses %s by privilege', async (_name, statement) => {
    expect(await refusal(handle.db.execute(sql.raw(statement)))).toMatch(/permission denied/i)
  })

  it.each([
    ['disable the append-only trigger', 'alter table access_log disable trigger access_log_no_update_delete'],
    ['drop the append-only trigger', 'drop trigger access_log_no_update_delete on access_log'],
    ['drop the chain trigger', 'drop trigger zz_access_log_chain_link on access_log'],
    ['drop the table', 'drop table access_log'],
    ['alter the table', 'alter table access_log add column note text'],
    ['take the table', 'alter table access_log owner to kracht_app'],
    ['replace the chain function', `create or replace function access_log_chain_link() returns trigger language plpgsql as $$ begin return new; end $$`],
    ['turn all triggers off', 'set session_replication_role = replica'],
    ['move the chain head', `update access_log_chain set seq = 0`],
    ['remove the chain head', 'delete from access_log_chain'],
  ])('cannot %s', async (_name, statement) => {
    expect(await refusal(handle.db.execute(sql.raw(statement)))).toMatch(/must be owner|permission denied|must be superuser|not permitted|insufficient privilege/i)
  })

  it('cannot give itself more rights (PostgreSQL only warns, and grants nothing)', async () => {
    await handle.db.execute(sql.raw('grant update, delete, truncate on access_log to kracht_app')).catch(() => undefined)
    expect(await logRights(handle.db)).toMatchObject({ canUpdate: false, canDelete: false, canTruncate: false })
  })

  it('cannot write its own seq or hashes: the chain trigger sets them', async () => {
    const [head] = await handle.db.select().from(accessLogChain)
    const [forged] = await handle.db
      .insert(accessLog)
      .values({ ...row(6), seq: 1, prevHash: 'f'.repeat(64), hash: 'f'.repeat(64) })
      .returning()
    expect(forged?.seq).toBe((head?.seq ?? 0) + 1)
    expect(forged?.prevHash).toBe(head?.hash)
    expect(forged?.hash).not.toBe('f'.repeat(64))
    expect((await verifyAccessLogChain(handle.db)).ok).toBe(true)
  })

  it('still adds and reads rows, with the access point', async () => {
    const [last] = await handle.db.select().from(accessLog).where(eq(accessLog.seq, 1))
    expect(last).toMatchObject({ ipAddress: '192.0.2.10', userAgent: expect.stringContaining('Android') })
  })
})

describe('the hash chain shows what someone with more rights did', () => {
  it('the database and the verifier compute the same hash (also for non-ASCII text)', async () => {
    const [fromSql] = await queryRows<{ hash: string; computed: string }>(
      handle.db,
      sql`select l.hash, access_log_row_hash(l) as computed from access_log l where seq = 1`,
    )
    expect(fromSql?.computed).toBe(fromSql?.hash)
    const report = await verifyAccessLogChain(handle.db, { batchSize: 2 })
    expect(report).toMatchObject({ ok: true, rows: 6, lastSeq: 6 })
  })

  it('rows written at the same time by many connections form one unbroken chain', async () => {
    // On a server these are separate pooled connections, as several server processes would be.
    await Promise.all(Array.from({ length: 30 }, (_, n) => handle.db.insert(accessLog).values(row(100 + n))))
    const report = await verifyAccessLogChain(handle.db, { batchSize: 7 })
    expect(report).toMatchObject({ ok: true, rows: 36, lastSeq: 36 })
  })

  it('an edited row is found', async () => {
    const id = await idOf(10)
    await handle.asOwner(`alter table access_log disable trigger access_log_no_update_delete;
      update access_log set outcome = 'denied' where id = '${id}';
      alter table access_log enable trigger access_log_no_update_delete;`)
    const report = await verifyAccessLogChain(handle.db)
    expect(report).toMatchObject({ ok: false, rows: 9, problem: { kind: 'altered', seq: 10, id } })
    // Put back, so the next attack is judged on its own.
    await handle.asOwner(`alter table access_log disable trigger access_log_no_update_delete;
      update access_log set outcome = 'allowed' where id = '${id}';
      alter table access_log enable trigger access_log_no_update_delete;`)
    expect((await verifyAccessLogChain(handle.db)).ok).toBe(true)
  })

  it('an edited row whose hash was recomputed is found at the next row', async () => {
    const id = await idOf(12)
    await handle.asOwner(`alter table access_log disable trigger access_log_no_update_delete;
      update access_log set basis = 'made_up' where id = '${id}';
      update access_log l set hash = access_log_row_hash(l) where id = '${id}';
      alter table access_log enable trigger access_log_no_update_delete;`)
    const report = await verifyAccessLogChain(handle.db)
    expect(report).toMatchObject({ ok: false, rows: 12, problem: { kind: 'broken_link', seq: 13 } })
  })

  it('a deleted row is found', async () => {
    await emptyLog()
    for (let n = 1; n <= 4; n++) await handle.db.insert(accessLog).values(row(n))
    const [victim] = await handle.db.select({ id: accessLog.id }).from(accessLog).where(eq(accessLog.seq, 2))
    await handle.asOwner(`alter table access_log disable trigger access_log_no_update_delete;
      delete from access_log where id = '${victim?.id}';
      alter table access_log enable trigger access_log_no_update_delete;`)
    const report = await verifyAccessLogChain(handle.db)
    expect(report).toMatchObject({ ok: false, rows: 1, problem: { kind: 'missing', fromSeq: 2, toSeq: 2 } })
    expect(report.ok ? '' : report.message).toContain('Row 2 is missing')
  })

  it('a deleted row hidden by renumbering the rest is found', async () => {
    await emptyLog()
    for (let n = 1; n <= 4; n++) await handle.db.insert(accessLog).values(row(n))
    await handle.asOwner(`alter table access_log disable trigger access_log_no_update_delete;
      delete from access_log where seq = 2;
      update access_log set seq = seq - 1 where seq > 2;
      update access_log l set hash = access_log_row_hash(l);
      update access_log_chain set seq = seq - 1;
      alter table access_log enable trigger access_log_no_update_delete;`)
    const report = await verifyAccessLogChain(handle.db)
    expect(report).toMatchObject({ ok: false, rows: 1, problem: { kind: 'broken_link', seq: 2 } })
  })

  it('rows cut off the end are found (the head remembers)', async () => {
    await emptyLog()
    for (let n = 1; n <= 3; n++) await handle.db.insert(accessLog).values(row(n))
    await handle.asOwner(`alter table access_log disable trigger access_log_no_update_delete;
      delete from access_log where seq = 3;
      alter table access_log enable trigger access_log_no_update_delete;`)
    expect(await verifyAccessLogChain(handle.db)).toMatchObject({ ok: false, rows: 2, problem: { kind: 'end_missing', lastSeq: 2, headSeq: 3 } })
  })

  it('a row slipped in with the chain trigger off is found', async () => {
    await emptyLog()
    await handle.db.insert(accessLog).values(row(1))
    await handle.asOwner(`alter table access_log disable trigger zz_access_log_chain_link;
      insert into access_log (client_id, action, scope, resource, outcome, basis) values ('${clientId}', 'read', 'inventory', 'x', 'allowed', 'x');
      alter table access_log enable trigger zz_access_log_chain_link;`)
    expect(await verifyAccessLogChain(handle.db)).toMatchObject({ ok: false, problem: { kind: 'unchained' } })
  })

  it('the JavaScript hash is its own: it changes with every field', () => {
    const base = {
      seq: '1',
      id: randomUUID(),
      at: '2026-11-30T08:00:00.000000Z',
      actorId: null,
      actorRole: null,
      onBehalfOf: null,
      clientId,
      action: 'read',
      scope: 'inventory',
      resource: 'inventory',
      outcome: 'allowed',
      basis: 'x',
      via: null,
      viaId: null,
      ipAddress: null,
      userAgent: null,
    }
    const hash = chainHash('0'.repeat(64), base)
    expect(chainHash('0'.repeat(64), { ...base, userAgent: '' })).not.toBe(hash)
    // The length prefix keeps a value from leaking into its neighbour.
    expect(chainHash('0'.repeat(64), { ...base, scope: 'inventory;', resource: 'nventory' })).not.toBe(hash)
    expect(chainHash('1'.repeat(64), base)).not.toBe(hash)
  })
})

describe('the chain link written out in the trigger (migration 0025)', () => {
  it('the trigger writes the hash out as access_log_row_hash computes it, every field null or not (0025)', async () => {
    await emptyLog()
    await handle.db.insert(accessLog).values([
      { clientId, action: 'read', scope: 'inventory', resource: 'inventory', outcome: 'allowed', basis: 'test' },
      { ...row(7), onBehalfOf: randomUUID(), basis: 'consent:ü;1:-;', userAgent: ';-;0:;' },
      { ...row(8), actorRole: null, via: null, viaId: null, ipAddress: null, userAgent: '' },
    ])
    const rows = await queryRows<{ hash: string; computed: string }>(
      handle.db,
      sql`select l.hash, access_log_row_hash(l) as computed from access_log l where l.client_id = ${clientId} order by seq`,
    )
    expect(rows).toHaveLength(3)
    for (const one of rows) expect(one.hash).toBe(one.computed)
    expect(await verifyAccessLogChain(handle.db)).toMatchObject({ ok: true, rows: 3, lastSeq: 3 })
  })
})
