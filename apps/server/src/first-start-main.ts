// The child process of the embedded database's first start (first-start.ts): creates the database in
// DATA_DIR, migrates it and adds the demo data, then exits, giving back all the memory that took. The
// server that started it holds the data folder's lock and waits.
import { ConfigError, instanceSecret, loadConfig } from '@kracht/api'
import { DatabaseStartError, openAppDatabase } from '@kracht/db'
import { Worker } from 'node:worker_threads'
import { seedDemoData } from './first-start'

// The server is gone (killed): stop at once, even in the middle of a long call into PGlite (initdb
// holds this thread for seconds, so a 'disconnect' event would wait for it). A thread of its own
// looks every 100 ms whether this process was orphaned and ends the whole process; a server started next reaches the lock later than
// that, so the folder is never open in two processes. A kill half-way is safe (client.ts: the
// cluster is made aside, migrations and demo data run in transactions).
const watchdog = new Worker(
  `const parent = ${process.ppid}
  const sleep = new Int32Array(new SharedArrayBuffer(4))
  for (;;) {
    Atomics.wait(sleep, 0, 0, 100)
    // Orphaned: another process (init) is the parent now, from the moment the server died.
    if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL')
  }`,
  { eval: true },
)
watchdog.unref()

// The server is gone (killed, or stopped): stop too, so nothing writes to a folder it no longer locks.
const parentGone = () => process.exit(1)
process.on('disconnect', parentGone)
/** Done: let go of the channel (it would keep this process alive), without taking that for the parent's end. */
const done = () => {
  process.off('disconnect', parentGone)
  process.disconnect?.()
}

const log = (line: string) => console.log(line)
try {
  const config = loadConfig(process.env, () => instanceSecret(process.env['DATA_DIR'] || '.data'))
  const { handle, applied } = await openAppDatabase({ dataDir: config.DATA_DIR, parentHoldsLock: true, log })
  try {
    if (applied > 0) log(`Database: ${applied} migration(s) applied.`)
    await seedDemoData(handle, config, log)
  } finally {
    await handle.close()
  }
  done()
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof DatabaseStartError ? error.message : `The first start of the embedded database failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exitCode = 1
  done()
}
