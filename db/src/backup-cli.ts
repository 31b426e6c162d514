import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { PGlite } from '@electric-sql/pglite'
import { backupDirOf, listBackups, pruneBackups, restoreBackup, writeBackup } from './backup'
import { DatabaseStartError } from './errors'
import { acquireDataDirLock, runningLockOwner } from './lock'

// `npm run backup` and `npm run restore -- <file>` for the embedded database (README, *Backups*).
// A running server is asked (SIGUSR2) to write the backup itself, since only the process that holds
// the data folder may open it; a stopped one is opened here.

const [command, ...args] = process.argv.slice(2)
const dataDir = resolve(process.env['DATA_DIR'] || '.data')
const keepDays = Number.parseInt(process.env['BACKUP_KEEP_DAYS'] ?? '14', 10)

async function backup(): Promise<void> {
  const dir = backupDirOf(dataDir)
  if (args.includes('--list')) {
    const backups = listBackups(dir)
    if (backups.length === 0) console.log(`No backups yet in ${dir}.`)
    for (const b of backups) console.log(`${b.takenAt.toISOString()}  ${b.path}`)
    return
  }
  if (!existsSync(resolve(dataDir, 'pgdata', 'PG_VERSION'))) {
    throw new DatabaseStartError(`There is no embedded database in ${dataDir} to back up. Set DATA_DIR to the server's data folder.`)
  }
  const owner = runningLockOwner(dataDir)
  if (owner !== null) {
    const before = listBackups(dir)[0]?.path
    process.kill(owner, 'SIGUSR2')
    console.log(`The server (process ${owner}) is writing the backup…`)
    for (let waited = 0; waited < 120_000; waited += 250) {
      const newest = listBackups(dir)[0]
      if (newest && newest.path !== before) {
        console.log(`Backup written: ${newest.path}`)
        return
      }
      await sleep(250)
    }
    throw new DatabaseStartError(`The server (process ${owner}) wrote no backup within 2 minutes. Look at its log.`)
  }
  const lock = acquireDataDirLock(dataDir)
  try {
    const pg = new PGlite(resolve(dataDir, 'pgdata'))
    await pg.waitReady
    try {
      const written = await writeBackup(pg, dir)
      console.log(`Backup written: ${written.path}`)
    } finally {
      await pg.close()
    }
    for (const removed of pruneBackups(dir, keepDays)) console.log(`Removed a backup older than ${keepDays} days: ${removed}`)
  } finally {
    lock.release()
  }
}

async function restore(): Promise<void> {
  const file = args.find((a) => !a.startsWith('--'))
  if (!file) {
    throw new DatabaseStartError(`Say which backup to restore: npm run restore -- <file>. \`npm run backup -- --list\` shows them.`)
  }
  const { movedAside } = await restoreBackup(dataDir, resolve(file))
  console.log(`Restored ${file} into ${dataDir}.`)
  if (movedAside) console.log(`The database that was there is kept in ${movedAside}; delete it when you no longer need it.`)
  console.log('Start the server again with `npm start`.')
}

try {
  if (process.env['DATABASE_URL']) {
    throw new DatabaseStartError(
      'DATABASE_URL is set: back up the PostgreSQL server with its own tools (pg_dump -Fc, or your host\'s snapshots). These commands are for the embedded database.',
    )
  }
  if (command === 'backup') await backup()
  else if (command === 'restore') await restore()
  else throw new DatabaseStartError('Use `npm run backup` or `npm run restore -- <file>`.')
} catch (error) {
  console.error(error instanceof DatabaseStartError ? error.message : error)
  process.exit(1)
}
