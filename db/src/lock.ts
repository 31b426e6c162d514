import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs'
import { DatabaseStartError } from './errors'

// Folders this process holds: a second open in the same process is as dangerous as one from another.
const heldHere = new Set<string>()

export interface DataDirLock {
  release(): void
}

/** Who holds a lock: the process id, and (on Linux) when that process started. */
interface Owner {
  pid: number
  /** Clock ticks after boot (field 22 of /proc/<pid>/stat), or null where there is no /proc. */
  started: string | null
}

/**
 * Two processes on one PGlite folder silently corrupt it, so the folder is locked with a file that
 * holds the owner's process id and start time. A lock left by a process that no longer runs is
 * taken over; so is one whose process id now belongs to another program (after a reboot or a
 * container restart ids come round again, and a stale lock must not block the server for good).
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = `${dataDir}/kracht.lock`
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createLockFile(path)) {
      heldHere.add(path)
      let released = false
      return {
        release() {
          if (released) return
          released = true
          heldHere.delete(path)
          rmSync(path, { force: true })
        },
      }
    }
    const owner = readOwner(path)
    if (heldBy(owner, path)) throw refusal(dataDir, owner)
    // A dead owner's lock (or an empty one). Moved away under a name of this process, so of two
    // servers taking over at once only one moves it; if what was moved is a lock someone took over
    // meanwhile, it is put back.
    const moved = `${path}.stale.${process.pid}`
    try {
      renameSync(path, moved)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw error
    }
    const movedOwner = readOwner(moved)
    if (heldBy(movedOwner, path)) {
      try {
        linkSync(moved, path)
      } catch {
        // Another server holds it now: it refuses this one all the same.
      }
      unlinkSync(moved)
      throw refusal(dataDir, movedOwner)
    }
    unlinkSync(moved)
  }
  throw new DatabaseStartError(`Could not lock the data folder ${dataDir}: another process keeps taking it. Start one server at a time.`)
}

/**
 * For a process the lock's owner started to build the database for it (the first start, see
 * apps/server/src/first-start.ts): the folder stays locked by the parent the whole time, so no other
 * server can open it between the child's work and the parent's. Refuses unless the lock file names
 * this process's parent. Releasing is the parent's business.
 */
export function inheritDataDirLock(dataDir: string): DataDirLock {
  const owner = readOwner(`${dataDir}/kracht.lock`)
  if (!owner || owner.pid !== process.ppid || !isRunning(owner)) {
    throw new DatabaseStartError(
      `The data folder ${dataDir} is not locked by the server that started this process (process ${process.ppid}). Nothing was changed.`,
    )
  }
  return { release() {} }
}

function heldBy(owner: Owner | null, path: string): owner is Owner {
  if (!owner) return false
  return owner.pid === process.pid ? heldHere.has(path) : isRunning(owner)
}

function refusal(dataDir: string, owner: Owner): DatabaseStartError {
  return new DatabaseStartError(
    `Another Kracht server (process ${owner.pid}) is using the data folder ${dataDir}. ` +
      'Stop it first, or start this one with another DATA_DIR or with DATABASE_URL.',
  )
}

/**
 * Writes the lock whole or not at all: the content goes to a file of this process first, which is
 * then linked under the lock's name (a link fails when the name exists, as 'wx' does). So no other
 * process ever reads a lock without its owner.
 */
function createLockFile(path: string): boolean {
  const own = `${path}.${process.pid}`
  const fd = openSync(own, 'w')
  try {
    writeSync(fd, `${process.pid}\n${startTimeOf(process.pid) ?? ''}\n`)
  } finally {
    closeSync(fd)
  }
  try {
    linkSync(own, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return false
  } finally {
    unlinkSync(own)
  }
}

function readOwner(path: string): Owner | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return null
  }
  const [pid, started] = text.split('\n')
  const owner = Number.parseInt(pid ?? '', 10)
  return Number.isInteger(owner) && owner > 0 ? { pid: owner, started: started?.trim() || null } : null
}

function isRunning(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  // The id runs, but is it still the process that took the lock?
  if (owner.started === null) return true
  const started = startTimeOf(owner.pid)
  return started === null || started === owner.started
}

/** When a process started, from /proc (Linux); null elsewhere or when it cannot be read. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19] ?? null
  } catch {
    return null
  }
}

/** The process id of a running process that holds the data folder, or null (no lock, or a dead owner's). */
export function runningLockOwner(dataDir: string): number | null {
  const owner = readOwner(`${dataDir}/kracht.lock`)
  return owner && owner.pid !== process.pid && isRunning(owner) ? owner.pid : null
}
