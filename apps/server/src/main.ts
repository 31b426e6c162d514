import { appMode } from '@kracht/api/config'

// The command-line entry of `npm start`.
//
// React and Remix choose their development or production build from NODE_ENV when they are first
// loaded. A demo or a pilot must never run React's development build (slower, and it shows more to
// the browser), so the app's own mode moves to KRACHT_MODE first and NODE_ENV becomes `production`
// before the portal build is imported below. See the README's *Configuration*.
process.env['KRACHT_MODE'] = appMode(process.env)
process.env['NODE_ENV'] = 'production'

const [{ default: closeWithGrace }, { ConfigError, errorForLog }, { DatabaseStartError }, { startServer }] = await Promise.all([
  import('close-with-grace'),
  import('@kracht/api'),
  import('@kracht/db'),
  import('./start'),
])

try {
  const server = await startServer(process.env)
  // `npm run backup` asks a running server for a backup: only this process may open its data folder.
  process.on('SIGUSR2', () => void server.backupNow())
  // Let open requests finish, checkpoint the database, exit; forced after 10 s. SIGUSR2 is the backup
  // request above, not a stop (close-with-grace would otherwise treat it as one).
  closeWithGrace({ delay: 10_000, skip: ['SIGUSR2'] }, async ({ signal, err }) => {
    if (err) console.error(`Kracht stops after an unexpected error: ${errorForLog(err)}`)
    else console.log(`Kracht stops (${signal ?? 'requested'}): finishing open requests and closing the database…`)
    await server.close()
  })
} catch (error) {
  if (error instanceof ConfigError || error instanceof DatabaseStartError) {
    console.error(error.message)
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(`Port ${process.env['PORT'] ?? 3000} is in use. Stop the other program or start with another PORT.`)
  } else {
    console.error(`Kracht could not start: ${errorForLog(error)}`)
  }
  process.exit(1)
}
