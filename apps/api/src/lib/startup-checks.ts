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
