import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { serve, type ServerType } from '@hono/node-server'
import type { ServerBuild } from '@remix-run/node'
import {
  createApi,
  createModelFromEnv,
  deleteExpiredSessions,
  durabilityProblems,
  instanceSecret,
  loadConfig,
  refuseDemoDataInProduction,
  showSetting,
  type Config,
  type Deps,
} from '@kracht/api'
import { demoUsers, openAppDatabase, type DatabaseHandle } from '@kracht/db'
import { scheduleBackups } from './backups'
import { firstStartInChild, seedDemoData } from './first-start'
import { scheduleRetention } from './retention'
import { createHost } from './host'

const portalDir = fileURLToPath(new URL('../../portal/build/', import.meta.url))

export async function loadPortalBuild(): Promise<{ build: ServerBuild; clientDir: string; serverEntry: string }> {
  const serverEntry = `${portalDir}server/index.js`
  if (!existsSync(serverEntry)) {
    throw new Error('The portal is not built yet. Run `npm run build` (npm start does this for you).')
  }
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild
  return { build, clientDir: `${portalDir}client`, serverEntry }
}

/**
 * Which build of React's server renderer this process loaded, read from the module cache: the
 * proof that `npm start` serves the production build whatever NODE_ENV the shell had.
 */
export function reactServerBuild(): 'production' | 'development' | 'unknown' {
  const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => /react-dom[\\/]cjs[\\/]react-dom-server/.test(file))
  if (loaded.some((file) => file.includes('.development.'))) return 'development'
  if (loaded.some((file) => file.includes('.production.'))) return 'production'
  return 'unknown'
}

export interface RunningServer {
  url: string
  config: Config
  handle: DatabaseHandle
  /** Writes a backup of the embedded database now (`npm run backup` asks for it with SIGUSR2); null on PostgreSQL. */
  backupNow(): Promise<string | null>
  /** Stops taking requests, lets open ones finish, checkpoints and closes the database. */
  close(): Promise<void>
}

export interface StartOptions {
  /**
   * Where a new embedded database is built: `child` (the default, what `npm start` runs) gives the
   * first start's memory back (first-start.ts); `inline` builds it in this process, for the browser
   * tests, which each start a short-lived server on a fresh folder and gain nothing from a second
   * process but its start-up time.
   */
  firstStart?: 'child' | 'inline'
}

export async function startServer(
  env: Record<string, string | undefined>,
  log: (line: string) => void = console.log,
  options: StartOptions = {},
): Promise<RunningServer> {
  // Without SESSION_SECRET (never in production) the key is a random one kept in the data folder.
  const config = loadConfig(env, () => instanceSecret(env['DATA_DIR'] || '.data'))
  // The portal's build loads while the database opens (it needs nothing from it).
  const portal = loadPortalBuild()
  portal.catch(() => {})
  // Migrated by the owner, then working as the role kracht_app, which cannot rewrite the access log.
  const { handle, applied } = await openAppDatabase({
    databaseUrl: config.DATABASE_URL,
    migrationDatabaseUrl: config.MIGRATION_DATABASE_URL,
    dataDir: config.DATA_DIR,
    backupDir: `${config.DATA_DIR}/backups`,
    log,
    // A new embedded database is built in a child process that gives its memory back (first-start.ts).
    firstStart: options.firstStart === 'inline' ? undefined : () => firstStartInChild(env, log),
  })
  try {
    if (applied > 0) log(`Database: ${applied} migration(s) applied.`)
    await refuseDemoDataInProduction(handle.db, config)
    if (handle.kind === 'postgres') {
      for (const problem of await durabilityProblems((setting) => showSetting(handle.db, setting))) log(`Warning: ${problem}`)
    }
    // The assistant's model, once (null unless AI_PROVIDER=openai and AI_MODEL are set): used only for
    // clients who turned AI help on; without it the assistant works offline.
    const model = createModelFromEnv(env)
    const deps: Deps = { db: handle.db, config, now: () => new Date(), model }
    if (model) log(`Assistant: AI help available (model ${env['AI_MODEL'] ?? ''}) for clients who turn it on.`)
    // Also here: a database emptied since its first start, or PostgreSQL.
    await seedDemoData(handle, config, log)
    const api = createApi(deps)
    const host = createHost({
      api,
      portal: await portal,
      production: config.production,
      publicUrl: config.publicUrl,
      trustedProxies: config.trustedProxies,
      secureCookies: config.secureCookies,
    })
    const server = await listen(host.fetch, config.PORT)
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.PORT
    const url = `http://localhost:${port}`
    const sweep = setInterval(() => void deleteExpiredSessions(deps).catch(() => {}), 10 * 60_000)
    sweep.unref()
    const backups = scheduleBackups({ handle, dataDir: config.DATA_DIR, everyHours: config.BACKUP_EVERY_HOURS, keepDays: config.BACKUP_KEEP_DAYS, log })
    // Ended clients past their organisation's retention period are erased once a day.
    const retention = scheduleRetention({ deps, log })
    log(`Kracht runs on ${url} (database: ${handle.kind === 'pglite' ? `embedded, in ${config.DATA_DIR}` : 'PostgreSQL server'})`)
    log(`Mode: ${config.mode}; React: ${reactServerBuild()} build.`)
    if (!config.production) {
      log(`Demo users (password "${config.DEMO_PASSWORD}"): ${demoUsers.map((u) => `${u.username} (${u.role})`).join(', ')}`)
    }
    let closing: Promise<void> | null = null
    return {
      url,
      config,
      handle,
      backupNow: backups.backupNow,
      close() {
        closing ??= (async () => {
          clearInterval(sweep)
          await new Promise<void>((resolve) => {
            // Idle keep-alive connections would hold close() open until they time out (5 s), also
            // those that become idle when their last request finishes: closed as they go idle.
            const idle = setInterval(() => {
              if ('closeIdleConnections' in server) server.closeIdleConnections()
            }, 50)
            server.close(() => {
              clearInterval(idle)
              resolve()
            })
            if ('closeIdleConnections' in server) server.closeIdleConnections()
          })
          await backups.stop()
          await retention.stop()
          await handle.close()
          log(handle.kind === 'pglite' ? 'Database checkpointed and closed.' : 'Database connections closed.')
        })()
        return closing
      },
    }
  } catch (error) {
    await handle.close()
    throw error
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port }, () => resolve(server))
    server.once('error', reject)
  })
}
