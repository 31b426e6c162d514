import closeWithGrace from 'close-with-grace'
import { ConfigError } from '@kracht/api'
import { DatabaseStartError } from '@kracht/db'
import { startServer } from './start'

// The command-line entry of `npm start`.
try {
  const server = await startServer(process.env)
  // Let open requests finish, checkpoint the database, exit; forced after 10 s.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) console.error('Kracht stops after an unexpected error:', err)
    else console.log(`Kracht stops (${signal ?? 'requested'}): finishing open requests and closing the database…`)
    await server.close()
  })
} catch (error) {
  if (error instanceof ConfigError || error instanceof DatabaseStartError) {
    console.error(error.message)
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(`Port ${process.env['PORT'] ?? 3000} is in use. Stop the other program or start with another PORT.`)
  } else {
    console.error('Kracht could not start:', error)
  }
  process.exit(1)
}
