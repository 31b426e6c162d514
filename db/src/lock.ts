import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { DatabaseStartError } from './errors'

// Folders this process holds: a second open in the same process is as dangerous as one from another.
const heldHere = new Set<string>()

export interface DataDirLock {
  release(): void
}

/**
 * Two processes on one PGlite folder silently corrupt it, so the folder is locked with a file that
 * holds the owner's process id. A lock left by a process that no longer runs is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = `${dataDir}/kracht.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
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
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10)
      const heldByOther = owner === process.pid ? heldHere.has(path) : Number.isInteger(owner) && isRunning(owner)
      if (heldByOther) {
        throw new DatabaseStartError(
          `Another Kracht server (process ${owner}) is using the data folder ${dataDir}. ` +
            'Stop it first, or start this one with another DATA_DIR or with DATABASE_URL.',
        )
      }
      rmSync(path, { force: true })
    }
  }
  throw new DatabaseStartError(`Could not lock the data folder ${dataDir}.`)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The process id of a running process that holds the data folder, or null (no lock, or a dead owner's). */
export function runningLockOwner(dataDir: string): number | null {
  let owner: number
  try {
    owner = Number.parseInt(readFileSync(`${dataDir}/kracht.lock`, 'utf8'), 10)
  } catch {
    return null
  }
  return Number.isInteger(owner) && owner !== process.pid && isRunning(owner) ? owner : null
}
