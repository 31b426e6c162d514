import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { errorForLog } from '@kracht/api'
import { backupDirOf, listBackups, pruneBackups, writeBackup, type DatabaseHandle } from '@kracht/db'

export interface BackupSchedule {
  /** Writes a backup now (null on a PostgreSQL server, which has its own tools). */
  backupNow(): Promise<string | null>
  /** No more scheduled backups; waits for one that is being written. */
  stop(): Promise<void>
}

/**
 * The embedded database's daily backup, kept for BACKUP_KEEP_DAYS. The first one is due an interval
 * after the newest backup in the folder, so restarts do not pile up copies; never sooner than a
 * minute after start, so a start is not slowed by it.
 */
export function scheduleBackups(options: {
  handle: DatabaseHandle
  dataDir: string
  everyHours: number
  keepDays: number
  log: (line: string) => void
  now?: () => Date
}): BackupSchedule {
  const { handle, dataDir, everyHours, keepDays, log } = options
  const now = options.now ?? (() => new Date())
  const pglite = handle.pglite
  const dir = backupDirOf(dataDir)
  let running: Promise<string | null> | null = null
  let timer: NodeJS.Timeout | null = null
  // A backup the server was killed while writing (or a copy before a migration): never finished, and
  // as big as a whole one. This process holds the folder's lock, so nobody else is writing them.
  if (pglite) removeUnfinished(dir, log)

  const backupNow = (): Promise<string | null> => {
    if (!pglite) return Promise.resolve(null)
    running ??= (async () => {
      try {
        const written = await writeBackup(pglite, dir, now())
        const removed = pruneBackups(dir, keepDays, now())
        log(`Backup written: ${written.path}${removed.length ? ` (${removed.length} older than ${keepDays} days removed)` : ''}`)
        return written.path
      } catch (error) {
        log(`The backup failed: ${errorForLog(error)}`)
        return null
      } finally {
        running = null
      }
    })()
    return running
  }

  if (pglite && everyHours > 0) {
    const interval = everyHours * 60 * 60 * 1000
    const newest = listBackups(dir)[0]
    const due = newest ? newest.takenAt.getTime() + interval - now().getTime() : 0
    const plan = (delay: number) => {
      timer = setTimeout(() => void backupNow().finally(() => plan(interval)), Math.max(60_000, delay))
      timer.unref()
    }
    plan(due)
  }

  return {
    backupNow,
    async stop() {
      if (timer) clearTimeout(timer)
      await running
    },
  }
}

function removeUnfinished(dir: string, log: (line: string) => void): void {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir).filter((entry) => entry.endsWith('.partial'))) {
    rmSync(join(dir, name), { force: true })
    log(`Removed an unfinished backup: ${name}`)
  }
}
