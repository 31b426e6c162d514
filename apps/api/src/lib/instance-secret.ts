import { chmodSync, mkdirSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'

export class InstanceSecretError extends Error {
  override name = 'InstanceSecretError'
}

/**
 * The key for hashing session and invitation tokens when SESSION_SECRET is not set (never in
 * production): 256 random bits made on the first start and kept in `<dataDir>/secret`, readable by
 * the server's user only (0600). Sessions survive a restart, and no two installations share a key.
 *
 * Also with DATABASE_URL outside production: the file sits in DATA_DIR beside the backups. A second
 * server process on another machine would need the same file, so such a set-up sets SESSION_SECRET
 * (production requires it anyway).
 */
export function instanceSecret(dataDir: string): string {
  const file = join(dataDir, 'secret')
  mkdirSync(dataDir, { recursive: true })
  try {
    // 'wx': created only if absent, so two processes starting at once cannot overwrite each other's key.
    const fd = openSync(file, 'wx', 0o600)
    try {
      writeSync(fd, `${randomBytes(32).toString('hex')}\n`)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error
  }
  // Someone may have loosened it by hand: the key is as sensitive as the database.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600)
  const secret = readFileSync(file, 'utf8').trim()
  if (!/^[0-9a-f]{64}$/.test(secret)) {
    throw new InstanceSecretError(
      `The key file ${file} is damaged. If no one is signed in that matters, delete it and start again (everyone signs in anew); or set SESSION_SECRET.`,
    )
  }
  return secret
}
