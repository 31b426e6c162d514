import { sql } from 'drizzle-orm'
import { databaseHoldsDemo, type Database } from '@kracht/db'
import { ConfigError, type Config } from './config'

/**
 * A production start refuses a database that holds the demo organisation: its users share one
 * passphrase that is printed in the README, so anyone could sign in as a coordinator.
 */
export async function refuseDemoDataInProduction(db: Database, config: Config): Promise<void> {
  if (!config.production) return
  if (await databaseHoldsDemo(db)) {
    throw new ConfigError(
      'Kracht cannot start in production: this database holds the demo organisation (Stichting De Brug) and its demo users, ' +
        'whose passphrase is public. Start production on a new, empty database; demo data is never added in production.',
    )
  }
}

/** Settings without which a PostgreSQL server can lose confirmed writes in a crash or power cut. */
const durabilitySettings = { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' } as const

/**
 * Reads the server's durability settings; returns one line per setting that is not as it should
 * be (empty when all is well). `synchronous_commit` may also be `local`, `remote_apply` or `remote_write` on a
 * replicated server: those keep confirmed writes too.
 */
export async function durabilityProblems(show: (setting: string) => Promise<string>): Promise<string[]> {
  const problems: string[] = []
  for (const [setting, wanted] of Object.entries(durabilitySettings)) {
    const value = (await show(setting)).trim().toLowerCase()
    const fine = value === wanted || (setting === 'synchronous_commit' && ['local', 'remote_apply', 'remote_write'].includes(value))
    if (!fine) {
      problems.push(`PostgreSQL has ${setting} = ${value}: set it to ${wanted} (postgresql.conf), or a crash can lose writes Kracht already confirmed.`)
    }
  }
  return problems
}

export async function showSetting(db: Database, setting: keyof typeof durabilitySettings | string): Promise<string> {
  const result = await db.execute(sql.raw(`SHOW ${setting.replace(/[^a-z_]/g, '')}`))
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[]
  return String(Object.values(rows[0] ?? {})[0] ?? '')
}
