import { verifyAccessLogChain } from './access-log-chain'
import { createDatabase, type DatabaseHandle } from './client'
import { DatabaseStartError } from './errors'

// `npm run audit:verify`: walks the access log's hash chain and says OK, or where it breaks.
// Reads DATABASE_URL (a PostgreSQL server; any user that may SELECT the log), else the embedded
// database in DATA_DIR (default .data; stop the server first: one process per data folder).
// Exit code 0: intact; 1: broken; 2: could not check.
async function main(): Promise<number> {
  const databaseUrl = process.env['DATABASE_URL'] || undefined
  const dataDir = process.env['DATA_DIR'] || '.data'
  let handle: DatabaseHandle
  try {
    handle = await createDatabase({ databaseUrl, dataDir })
  } catch (error) {
    console.error(error instanceof DatabaseStartError ? error.message : `Cannot open the database: ${String(error)}`)
    return 2
  }
  try {
    const where = handle.kind === 'pglite' ? `the embedded database in ${dataDir}` : 'the PostgreSQL server in DATABASE_URL'
    console.log(`Checking the access log's hash chain in ${where}…`)
    const report = await verifyAccessLogChain(handle.db)
    if (report.ok) {
      console.log(`OK: ${report.rows} row(s), nothing removed or changed. Last row ${report.lastSeq}, hash ${report.headHash}.`)
      console.log('Keep this hash somewhere else (with the date): a later check must reach it again.')
      return 0
    }
    console.error(`BROKEN after ${report.rows} intact row(s): ${report.message}`)
    return 1
  } catch (error) {
    console.error(`Could not check the access log: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  } finally {
    await handle.close()
  }
}

process.exitCode = await main()
