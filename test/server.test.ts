import { execFile, spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { appMode, loadConfig } from '@kracht/api'
import { backupDirOf, listBackups } from '@kracht/db'
import { startServer } from '@kracht/server'
import { copyDataTemplate, serversClosedAfterEach } from './support/server'

const run = promisify(execFile)

const { running, tempDir } = serversClosedAfterEach('kracht-server-')

async function start(dataDir: string, env: Record<string, string> = {}, log: (line: string) => void = () => {}) {
  const server = await startServer({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, ...env }, log)
  running.push(server)
  return server
}

async function signIn(url: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'kracht-demo' }),
  })
  return response.headers.get('set-cookie')?.split(';')[0] ?? ''
}

// Each embedded database start costs ~800 MiB while it initialises, so this file opens as few as it
// can: one data folder, started twice.
describe('the server process', () => {
  it('serves portal and API on one port, locks its data folder, and keeps data across a restart', { timeout: 120_000 }, async () => {
    const dataDir = tempDir()
    const lines: string[] = []
    const first = await start(dataDir, {}, (line) => lines.push(line))
    // The first start (initdb, migrations, demo data) ran in a child process that has ended, so this
    // process never held the memory it took (issue 19); the child's lines came through.
    const setupPid = Number(/built in a separate process \((\d+)\)/.exec(lines.join('\n'))?.[1])
    expect(setupPid).toBeGreaterThan(0)
    expect(setupPid).not.toBe(process.pid)
    expect(() => process.kill(setupPid, 0)).toThrow()
    expect(lines).toContain('Demo data added to the empty database (Stichting De Brug).')
    const health = await fetch(`${first.url}/api/v1/health`)
    expect(await health.json()).toEqual({ status: 'ok', database: 'reachable' })
    const page = await fetch(`${first.url}/inloggen`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<h1>Inloggen</h1>')
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/)
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect(page.headers.get('cache-control')).toBe('private, no-store')
    const docs = await fetch(`${first.url}/api/docs`)
    expect(docs.status).toBe(200)
    expect(await docs.text()).toContain('Kracht API')
    const missing = await fetch(`${first.url}/api/v1/nope`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).toBe('no-store')
    expect(await missing.json()).toMatchObject({ code: 'not_found' })

    // A second server on the same folder is refused before it touches the data.
    await expect(start(dataDir)).rejects.toThrow(/Another Kracht server \(process \d+\) is using the data folder/)

    const cookie = await signIn(first.url)
    const created = await fetch(`${first.url}/api/v1/teams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name: 'Team Na De Herstart' }),
    })
    expect(created.status).toBe(201)
    await first.close()
    running.splice(0)

    // A lock left by a process that no longer runs is taken over.
    writeFileSync(join(dataDir, 'kracht.lock'), '999999')
    const second = await start(dataDir)
    const teams = await (await fetch(`${second.url}/api/v1/teams`, { headers: { cookie: await signIn(second.url) } })).json()
    expect(teams.map((team: { name: string }) => team.name)).toContain('Team Na De Herstart')
  })

  it('never initialises over a half-made data folder', async () => {
    const dataDir = tempDir()
    mkdirSync(join(dataDir, 'pgdata'), { recursive: true })
    writeFileSync(join(dataDir, 'pgdata', 'postgresql.conf'), '# left by an interrupted first start')
    await expect(start(dataDir)).rejects.toThrow(/incomplete .* Nothing was changed/)
  })
})

describe('production mode', () => {
  it('refuses to start without the required settings, saying which', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET is required in production/)
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL is required/)
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required/)
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short', PUBLIC_URL: 'https://x.nl', DATABASE_URL: 'postgres://x/y' })).toThrow(/SESSION_SECRET/)
  })

  it('accepts a complete production configuration, with secure cookies', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'a'.repeat(40),
      PUBLIC_URL: 'https://kracht.example.nl/',
      DATABASE_URL: 'postgres://kracht@db.example.nl/kracht',
    })
    expect(config.production).toBe(true)
    expect(config.publicUrl).toBe('https://kracht.example.nl')
  })

  it('rejects nonsense settings with a message', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/)
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '-1' })).toThrow(/SESSION_IDLE_MINUTES/)
  })
})

describe('the app mode and React build are separate settings', () => {
  it('KRACHT_MODE decides the app mode; unset, it follows NODE_ENV as before', () => {
    expect(appMode({})).toBe('demo')
    expect(appMode({ NODE_ENV: 'development' })).toBe('demo')
    expect(appMode({ NODE_ENV: 'production' })).toBe('production')
    expect(appMode({ NODE_ENV: 'test' })).toBe('test')
    expect(appMode({ NODE_ENV: 'production', KRACHT_MODE: 'demo' })).toBe('demo')
    expect(loadConfig({ NODE_ENV: 'production', KRACHT_MODE: 'demo' }).production).toBe(false)
    expect(() => loadConfig({ KRACHT_MODE: 'production' })).toThrow(/SESSION_SECRET is required in production/)
    expect(() => loadConfig({ KRACHT_MODE: 'pilot' })).toThrow(/KRACHT_MODE/)
  })

  it('`npm start` (the bundle, plain Node) serves React’s production build even with NODE_ENV=development, in demo mode; `npm run backup` beside it', { timeout: 120_000 }, async () => {
    const dataDir = tempDir()
    // Not a first start (test/faults/start-stop.test.ts runs those with this bundle): a copy of the built database.
    await copyDataTemplate(dataDir)
    // What `npm run build` makes and `npm start` runs: the server bundled, without tsx (made anew for
    // this run by test/support/global-setup.ts with apps/server/build.mjs, not here: test/faults runs it meanwhile).
    const main = fileURLToPath(new URL('../apps/server/build/main.mjs', import.meta.url))
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir }
    delete env['KRACHT_MODE']
    const child = spawn(process.execPath, [main], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          if (output.includes('React:')) resolve()
        })
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
        child.once('exit', () => reject(new Error(`the server stopped: ${output}`)))
      })
      expect(output).toContain('Mode: demo; React: production build.')
      // `npm run backup` beside the running server: the server writes it (only it may open the folder).
      const cli = fileURLToPath(new URL('../db/src/backup-cli.ts', import.meta.url))
      const { stdout } = await run(process.execPath, ['--import', 'tsx', cli, 'backup'], { env: { ...process.env, DATA_DIR: dataDir } })
      expect(stdout).toMatch(/is writing the backup[\s\S]*Backup written: .*kracht-.*\.tar\.gz/)
      expect(listBackups(backupDirOf(dataDir))).toHaveLength(1)
      // The backup request does not stop the server: it still answers.
      const url = /runs on (http:\/\/localhost:\d+)/.exec(output)?.[1]
      expect(url).toBeDefined()
      expect((await fetch(`${url}/api/v1/health`)).status).toBe(200)
      expect(await (await fetch(`${url}/inloggen`)).text()).toContain('<h1>Inloggen</h1>')
      expect(child.exitCode).toBeNull()
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
    }
  })
})
