import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase } from './client'
import { acquireDataDirLock, inheritDataDirLock, runningLockOwner } from './lock'

// The states a kill can leave in a data folder, made by hand (the process tests in test/faults kill
// the real server; these make sure each state is met, whatever moment a kill happens to land on).

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kracht-folder-'))
  dirs.push(dir)
  return dir
}

const lockOf = (dir: string) => join(dir, 'kracht.lock')
const startTime = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
}

describe('the data folder lock', () => {
  it('a first start in a child: the child works under its parent\'s lock, never under anyone else\'s', () => {
    const dir = tempDir()
    expect(() => inheritDataDirLock(dir)).toThrow(/not locked by the server that started this process/)
    // Held by this process, which did not start this process: refused.
    const own = acquireDataDirLock(dir)
    expect(() => inheritDataDirLock(dir)).toThrow(/not locked by the server that started this process/)
    own.release()
    // Held by the parent: accepted, and letting go leaves the parent's lock in place.
    writeFileSync(lockOf(dir), `${process.ppid}\n${startTime(process.ppid)}\n`)
    inheritDataDirLock(dir).release()
    expect(readFileSync(lockOf(dir), 'utf8').split('\n')[0]).toBe(String(process.ppid))
  })

  it('with a first start elsewhere, that runs while this process holds the lock, and must leave a database', async () => {
    const dir = tempDir()
    let heldDuring = ''
    const start = createDatabase({
      dataDir: dir,
      firstStart: async () => {
        heldDuring = readFileSync(lockOf(dir), 'utf8').split('\n')[0] ?? ''
      },
    })
    await expect(start).rejects.toThrow(/did not create the database/)
    expect(heldDuring).toBe(String(process.pid))
    // Nothing was built here, and the lock was let go.
    expect(existsSync(join(dir, 'pgdata'))).toBe(false)
    expect(existsSync(lockOf(dir))).toBe(false)
  })

  it('holds the process id and start time, refuses a second taker, and is gone after release', () => {
    const dir = tempDir()
    const lock = acquireDataDirLock(dir)
    expect(readFileSync(lockOf(dir), 'utf8')).toMatch(new RegExp(`^${process.pid}\\n\\d*\\n$`))
    expect(() => acquireDataDirLock(dir)).toThrow(/Another Kracht server \(process \d+\) is using the data folder/)
    lock.release()
    expect(existsSync(lockOf(dir))).toBe(false)
    expect(readdirSync(dir)).toEqual([])
  })

  it('refuses a lock of a running process (also in the older form without a start time)', () => {
    const dir = tempDir()
    // The parent process (vitest) runs: its lock is a live one.
    writeFileSync(lockOf(dir), `${process.ppid}\n`)
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`process ${process.ppid}`))
    expect(runningLockOwner(dir)).toBe(process.ppid)
    if (existsSync(`/proc/${process.ppid}/stat`)) {
      writeFileSync(lockOf(dir), `${process.ppid}\n${startTime(process.ppid)}\n`)
      expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`process ${process.ppid}`))
    }
  })

  it.each([
    ['a dead process (killed)', '999999\n'],
    ['a kill between creating the lock and writing it (empty)', ''],
    ['nonsense', 'not a process id'],
  ])('takes over the lock of %s', (_label, content) => {
    const dir = tempDir()
    writeFileSync(lockOf(dir), content)
    expect(runningLockOwner(dir)).toBeNull()
    const lock = acquireDataDirLock(dir)
    expect(readFileSync(lockOf(dir), 'utf8').split('\n')[0]).toBe(String(process.pid))
    lock.release()
  })

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose process id now belongs to another program (ids come round after a restart)', () => {
    const dir = tempDir()
    // The id runs, but it started at another time than the process that wrote the lock.
    writeFileSync(lockOf(dir), `${process.ppid}\n1\n`)
    expect(runningLockOwner(dir)).toBeNull()
    const lock = acquireDataDirLock(dir)
    expect(readFileSync(lockOf(dir), 'utf8').split('\n')[0]).toBe(String(process.pid))
    lock.release()
  })
})

describe('a first start that was killed', () => {
  it('a half-made database beside its place is removed and made again; the database lands whole in pgdata', { timeout: 120_000 }, async () => {
    const dir = tempDir()
    // What a kill during PGlite's unpacking of a new cluster leaves: some files, no PG_VERSION yet.
    mkdirSync(join(dir, 'pgdata.creating', 'base', '1'), { recursive: true })
    writeFileSync(join(dir, 'pgdata.creating', 'postgresql.conf'), '# half')
    // …and an empty pgdata of an older version's attempt.
    mkdirSync(join(dir, 'pgdata'))
    const handle = await createDatabase({ dataDir: dir })
    try {
      expect(((await handle.pglite!.query<{ n: number }>('select 1 as n')).rows[0])).toEqual({ n: 1 })
    } finally {
      await handle.close()
    }
    expect(existsSync(join(dir, 'pgdata', 'PG_VERSION'))).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(['pgdata'])
  })

  it('never makes a new database when one stands beside the empty place (an interrupted restore)', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'pgdata.before-restore-2026-01-01T00-00-00-000Z', 'base'), { recursive: true })
    await expect(createDatabase({ dataDir: dir })).rejects.toThrow(/There is no database in .*pgdata, but there is one beside it.*Nothing was changed/)
    expect(readdirSync(dir).sort()).toEqual(['pgdata.before-restore-2026-01-01T00-00-00-000Z'])
  })

  it('never initialises over a folder that holds files but no database', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'pgdata'))
    writeFileSync(join(dir, 'pgdata', 'notes.txt'), 'mine')
    await expect(createDatabase({ dataDir: dir })).rejects.toThrow(/incomplete.*Nothing was changed/)
    expect(readdirSync(join(dir, 'pgdata'))).toEqual(['notes.txt'])
  })
})
