import { rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupDirOf, listBackups, pruneBackups, restoreBackup } from '@kracht/db'
import { startServer } from '@kracht/server'
import { serversClosedAfterEach } from './support/server'

// Backups of the embedded database (issue 20, item 2): a backup taken while writes go on restores
// to a working server holding every write acknowledged before the backup began.

const { running, tempDir } = serversClosedAfterEach('kracht-backup-')

async function start(dataDir: string) {
  const server = await startServer({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, BACKUP_EVERY_HOURS: '0', RATE_LIMIT_WRITES_PER_MINUTE: '0' }, () => {})
  running.push(server)
  return server
}

async function signInAsSam(url: string) {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'sam', password: 'kracht-demo' }),
  })
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? ''
  const me = (await (await fetch(`${url}/api/v1/me`, { headers: { cookie } })).json()) as { id: string }
  return { cookie, clientId: me.id }
}

async function statementTexts(url: string, cookie: string, clientId: string): Promise<Set<string>> {
  const response = await fetch(`${url}/api/v1/clients/${clientId}/statements`, { headers: { cookie } })
  expect(response.status).toBe(200)
  return new Set(((await response.json()) as { text: string }[]).map((s) => s.text))
}

describe('backup and restore of the embedded database', () => {
  it('a backup taken during a burst of writes restores every write acknowledged before it', { timeout: 300_000 }, async () => {
    const dataDir = tempDir()
    const server = await start(dataDir)
    const { cookie, clientId } = await signInAsSam(server.url)

    const acknowledgedBefore: string[] = []
    let backupStarted = false
    const write = async (n: number) => {
      const text = `Ik kan koken voor mijn buren, keer ${n}.`
      const response = await fetch(`${server.url}/api/v1/clients/${clientId}/statements`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ domain: 'leisure', time: 'present', form: 'i_can', text }),
      })
      expect(response.status).toBe(201)
      if (!backupStarted) acknowledgedBefore.push(text)
    }
    // Four writers in parallel; the backup starts while they are busy.
    const writers = [0, 1, 2, 3].map(async (w) => {
      for (let i = 0; i < 12; i++) await write(w * 100 + i)
    })
    // Once some writes are acknowledged (and others are in flight), the backup starts.
    while (acknowledgedBefore.length < 6) await new Promise((resolve) => setTimeout(resolve, 20))
    backupStarted = true
    const backup = await server.backupNow()
    await Promise.all(writers)
    expect(backup).not.toBeNull()
    expect(acknowledgedBefore.length).toBeGreaterThan(0)
    expect(listBackups(backupDirOf(dataDir)).map((b) => b.path)).toContain(backup)

    // The server keeps running: a restore into its folder is refused while it holds the lock.
    await expect(restoreBackup(dataDir, backup!)).rejects.toThrow(/Another Kracht server/)

    const restoredDir = tempDir()
    await restoreBackup(restoredDir, backup!)
    const restored = await start(restoredDir)
    const session = await signInAsSam(restored.url)
    const texts = await statementTexts(restored.url, session.cookie, session.clientId)
    expect(acknowledgedBefore.filter((t) => !texts.has(t))).toEqual([])
    // …and it works: a new write is kept.
    const again = await fetch(`${restored.url}/api/v1/clients/${session.clientId}/statements`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ domain: 'leisure', time: 'future', form: 'i_want', text: 'Ik wil weer gaan zwemmen.' }),
    })
    expect(again.status).toBe(201)
  })

  it('a damaged backup changes nothing, and old backups are pruned after the days set', async () => {
    const dataDir = tempDir()
    const bad = join(dataDir, 'broken.tar.gz')
    writeFileSync(bad, 'this is not a database')
    await expect(restoreBackup(dataDir, bad)).rejects.toThrow(/could not be opened as a Kracht database[\s\S]*Nothing was changed/)
    await expect(restoreBackup(dataDir, join(dataDir, 'missing.tar.gz'))).rejects.toThrow(/There is no backup file/)

    const dir = join(dataDir, 'backups')
    rmSync(dir, { recursive: true, force: true })
    const now = new Date('2026-12-31T12:00:00.000Z')
    const day = (n: number) => new Date(now.getTime() - n * 86_400_000)
    const { mkdirSync } = await import('node:fs')
    mkdirSync(dir, { recursive: true })
    for (const age of [0, 3, 13, 15, 40]) {
      const path = join(dir, `kracht-${day(age).toISOString().replace(/[:.]/g, '-')}.tar.gz`)
      writeFileSync(path, 'x')
      utimesSync(path, day(age), day(age))
    }
    writeFileSync(join(dir, 'before-migration-2020-01-01T00-00-00-000Z.tar.gz'), 'kept apart')
    expect(pruneBackups(dir, 14, now)).toHaveLength(2)
    expect(listBackups(dir).map((b) => b.takenAt.toISOString())).toEqual([day(0), day(3), day(13)].map((d) => d.toISOString()))
    // The newest is kept even when it is older than the days set.
    expect(pruneBackups(dir, 1, new Date(now.getTime() + 100 * 86_400_000))).toHaveLength(2)
    expect(listBackups(dir)).toHaveLength(1)
  })
})
