import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { DatabaseStartError } from './errors'
import { acquireDataDirLock } from './lock'
import { appRole } from './roles'

// Backups of the embedded database (PGlite). A PostgreSQL server is backed up with its own tools
// (pg_dump, or the host's snapshots): see the README's *Backups*.

/** Backups this module writes and prunes; before-migration copies (db/src/migrate.ts) are kept apart. */
const BACKUP_FILE = /^kracht-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.tar\.gz$/

export interface BackupFile {
  path: string
  takenAt: Date
}

export function backupDirOf(dataDir: string): string {
  return join(dataDir, 'backups')
}

/**
 * Writes a consistent copy of a running embedded database. PGlite holds every query while it dumps,
 * so the copy is one moment: every write acknowledged before the backup started is in it. The file
 * appears under its final name only when complete (written aside, then renamed).
 */
export async function writeBackup(pg: PGlite, dir: string, now: Date = new Date()): Promise<BackupFile> {
  mkdirSync(dir, { recursive: true })
  // A checkpoint first, so the copy needs no long recovery. It needs the superuser the process
  // started as; inside one transaction no other query runs between RESET ROLE and SET ROLE.
  await pg.transaction(async (tx) => {
    await tx.exec(`RESET ROLE; CHECKPOINT; SET ROLE ${appRole}`)
  }).catch(async () => {
    // A database that never took the application role (a bare folder opened by `npm run backup`).
    await pg.exec('CHECKPOINT')
  })
  const dump = await pg.dumpDataDir('gzip')
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const path = join(dir, `kracht-${stamp}.tar.gz`)
  const partial = `${path}.partial`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 })
  renameSync(partial, path)
  return { path, takenAt: now }
}

/** The backups in a folder, newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map((name) => ({ name, match: BACKUP_FILE.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({
      path: join(dir, name),
      takenAt: new Date(match[1]!.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z')),
    }))
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime())
}

/** Removes backups older than `keepDays`, always keeping the newest one. Returns what it removed. */
export function pruneBackups(dir: string, keepDays: number, now: Date = new Date()): string[] {
  const cutoff = now.getTime() - keepDays * 24 * 60 * 60 * 1000
  const [newest, ...older] = listBackups(dir)
  if (!newest) return []
  const removed = older.filter((backup) => backup.takenAt.getTime() < cutoff).map((backup) => backup.path)
  for (const path of removed) rmSync(path, { force: true })
  return removed
}

/**
 * Puts a backup in place of the data folder's database. Refuses while a server uses the folder
 * (the folder's lock). The backup is unpacked and opened beside the current database first; only then
 * is the current one moved aside (never deleted). A backup that cannot be opened changes nothing.
 */
export async function restoreBackup(dataDir: string, file: string, now: Date = new Date()): Promise<{ movedAside: string | null }> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new DatabaseStartError(`There is no backup file ${file}. \`npm run backup -- --list\` shows the backups in ${backupDirOf(dataDir)}.`)
  }
  mkdirSync(dataDir, { recursive: true })
  const lock = acquireDataDirLock(dataDir)
  const pgdata = join(dataDir, 'pgdata')
  // Unpacked and checked beside the database first: a kill half-way leaves the current one as it was.
  const restoring = join(dataDir, 'pgdata.restoring')
  const aside = existsSync(pgdata) ? join(dataDir, `pgdata.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`) : null
  try {
    rmSync(restoring, { recursive: true, force: true })
    try {
      const pg = new PGlite({ dataDir: restoring, loadDataDir: new Blob([readFileSync(file)]) })
      await pg.waitReady
      // A backup that opens but is not Kracht's (or is damaged) must not become the database.
      await pg.query('select count(*) from drizzle.__drizzle_migrations')
      await pg.exec('CHECKPOINT')
      await pg.close()
    } catch (error) {
      rmSync(restoring, { recursive: true, force: true })
      throw new DatabaseStartError(
        `The backup ${basename(file)} could not be opened as a Kracht database (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`,
      )
    }
    // Between these two a kill leaves no pgdata; the next start then refuses and names both folders.
    if (aside) renameSync(pgdata, aside)
    renameSync(restoring, pgdata)
    return { movedAside: aside }
  } finally {
    lock.release()
  }
}
