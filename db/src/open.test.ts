import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import { accessLog } from '../schema/index'
import { verifyAccessLogChain } from './access-log-chain'
import { DatabaseStartError } from './errors'
import { openAppDatabase } from './open'
import { logRights, queryRows } from './roles'

// How the server opens its database (db/src/open.ts): migrated by the owner, then working as
// kracht_app, on each engine and in each way an operator may set it up.

const serverUrl = process.env['DATABASE_URL']

describe('the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kracht-open-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('works as kracht_app after migrating, again after a restart, and still checkpoints on close', { timeout: 120_000 }, async () => {
    const first = await openAppDatabase({ dataDir: dir, backupDir: join(dir, 'backups') })
    expect(first.applied).toBeGreaterThan(0)
    expect(await logRights(first.handle.db)).toMatchObject({ role: 'kracht_app', superuser: false, ownsLog: false, canUpdate: false })
    await first.handle.db.insert(accessLog).values({ clientId: crypto.randomUUID(), action: 'read', scope: 'inventory', resource: 'inventory', outcome: 'allowed', basis: 'test' })
    await first.handle.close()

    const second = await openAppDatabase({ dataDir: dir })
    try {
      expect(second.applied).toBe(0)
      expect(await logRights(second.handle.db)).toMatchObject({ role: 'kracht_app', canDelete: false })
      expect(await verifyAccessLogChain(second.handle.db)).toMatchObject({ ok: true, rows: 1 })
    } finally {
      await second.handle.close()
    }
  })

  it('refuses an owner URL without an application URL', async () => {
    await expect(openAppDatabase({ memory: true, migrationDatabaseUrl: 'postgres://owner@localhost/kracht' })).rejects.toThrow(DatabaseStartError)
  })
})

describe.skipIf(!serverUrl)('a PostgreSQL server', () => {
  const name = `kracht_test_${randomBytes(6).toString('hex')}`
  const login = `kracht_test_login_${randomBytes(4).toString('hex')}`
  const admin = serverUrl ? postgres(serverUrl, { max: 1, onnotice: () => {} }) : null
  const urlFor = (user?: string) => {
    const url = new URL(serverUrl ?? 'postgres://localhost')
    url.pathname = `/${name}`
    if (user) url.username = user
    return url.toString()
  }
  afterAll(async () => {
    if (!admin) return
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.unsafe(`drop role if exists ${login}`)
    await admin.end({ timeout: 5 })
  })

  it('with one URL: migrates with it, then every pooled connection is kracht_app, even after RESET ROLE', async () => {
    await admin?.unsafe(`create database ${name}`)
    const { handle } = await openAppDatabase({ databaseUrl: urlFor() })
    try {
      const roles = await Promise.all(
        Array.from({ length: 12 }, () => queryRows<{ role: string }>(handle.db, sql`select current_user as role, pg_sleep(0.05)`)),
      )
      expect(new Set(roles.map((rows) => rows[0]?.role))).toEqual(new Set(['kracht_app']))
      const afterReset = await handle.db.transaction(async (tx) => {
        await tx.execute(sql.raw('RESET ROLE'))
        return queryRows<{ role: string }>(tx as unknown as typeof handle.db, sql`select current_user as role`)
      })
      expect(afterReset[0]?.role).toBe('kracht_app')
    } finally {
      await handle.close()
    }
  })

  it('with MIGRATION_DATABASE_URL: the owner migrates, the application user (in kracht_app) owns nothing', async () => {
    await admin?.unsafe(`create role ${login} login in role kracht_app`)
    const { handle } = await openAppDatabase({ databaseUrl: urlFor(login), migrationDatabaseUrl: urlFor() })
    try {
      expect(await logRights(handle.db)).toEqual({ role: login, superuser: false, ownsLog: false, canUpdate: false, canDelete: false, canTruncate: false })
      await handle.db.insert(accessLog).values({ clientId: crypto.randomUUID(), action: 'read', scope: 'inventory', resource: 'inventory', outcome: 'allowed', basis: 'test' })
      await expect(handle.db.execute(sql.raw('delete from access_log'))).rejects.toThrow()
    } finally {
      await handle.close()
    }
  })

  it('refuses to run when the application URL could rewrite the log (here: the superuser as both)', async () => {
    const attempt = openAppDatabase({ databaseUrl: urlFor(), migrationDatabaseUrl: urlFor() })
    await expect(attempt).rejects.toThrow(DatabaseStartError)
    await expect(attempt).rejects.toThrow(/superuser/)
  })
})
