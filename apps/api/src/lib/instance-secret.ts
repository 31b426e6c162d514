import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
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
  // Written whole or not at all: to a file of this process, then linked under the key's name. A link
  // fails when the name exists ('wx'), so two processes starting at once cannot overwrite each
  // other's key, and a kill half-way never leaves an empty key that would stop the next start.
  if (!existsSync(file)) {
    const own = `${file}.${process.pid}`
    writeFileSync(own, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 })
    try {
      linkSync(own, file)
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error
    } finally {
      unlinkSync(own)
    }
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
