import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type RunningServer } from '@kracht/server'
import { afterEach, inject } from 'vitest'

export interface TestServer extends RunningServer {
  dataDir: string
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A data folder with the migrated embedded database and the demo data, closed cleanly, for this run.
 * Building one (initdb, every migration, the demo data) is most of a test server's start, and some
 * thirty test files start one: the first builds it, the others wait for it, and each copies it. Test
 * files run in parallel processes, so a directory made with mkdir (which only one can make) decides
 * who builds. Fresh every run (global-setup.ts), so it never lags behind a changed migration.
 */
async function dataTemplate(): Promise<string> {
  const folder = inject('serverDataTemplate')
  const data = join(folder, 'data')
  const ready = join(folder, 'ready')
  const failed = join(folder, 'failed')
  if (existsSync(ready)) return data
  try {
    mkdirSync(join(folder, 'building'))
  } catch {
    for (let waited = 0; !existsSync(ready); waited += 250) {
      if (existsSync(failed)) throw new Error(`Building the test database template failed in another test file: ${readFileSync(failed, 'utf8')}`)
      if (waited > 300_000) throw new Error(`The test database template in ${folder} was not ready after 5 minutes`)
      await sleep(250)
    }
    return data
  }
  try {
    const server = await startServer({ NODE_ENV: 'test', PORT: '0', DATA_DIR: data }, () => {}, { firstStart: 'inline' })
    await server.close()
  } catch (error) {
    writeFileSync(failed, String(error))
    throw error
  }
  writeFileSync(ready, '')
  return data
}

/**
 * Fills an empty folder with a copy of the template database (migrated, demo data), so a server
 * started on it restarts instead of building: for tests about something other than the first start.
 */
export async function copyDataTemplate(dataDir: string): Promise<void> {
  cpSync(await dataTemplate(), dataDir, { recursive: true })
}

/** The whole server (portal and API) on a free port with its own embedded database and demo data. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kracht-e2e-'))
  // A copy of the template (migrated, with the demo data): a restart, not a first start. What a
  // first start does, in the child process `npm start` uses, is tested in test/server.test.ts and test/faults.
  await copyDataTemplate(dataDir)
  // No rate limits unless a test asks for them (test/security/limits.test.ts does): a browser test walks
  // one person through more turns a minute than a person would, and on a fast machine the assistant's
  // 30 a minute refused the last start of test/e2e/assistant.e2e.test.ts (CI, 2026-12-01).
  const noLimits = { RATE_LIMIT_WRITES_PER_MINUTE: '0', RATE_LIMIT_ASSISTANT_PER_MINUTE: '0' }
  const server = await startServer({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, ...noLimits, ...env }, () => {}, { firstStart: 'inline' })
  return {
    ...server,
    dataDir,
    async close() {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Servers and data folders a test file starts itself (server.test, backup.test): each test's are
 * closed and removed after it, whatever it left behind.
 */
export function serversClosedAfterEach(prefix: string) {
  const running: RunningServer[] = []
  const dirs: string[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()))
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  return {
    running,
    tempDir(): string {
      const dir = mkdtempSync(join(tmpdir(), prefix))
      dirs.push(dir)
      return dir
    },
  }
}

/** Signs a demo user in through the API of a running test server; returns the session cookie. */
export async function signInOverApi(serverUrl: string, username: string, password = 'kracht-demo'): Promise<string> {
  const response = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (response.status !== 200) throw new Error(`${username} could not sign in: ${response.status}`)
  return response.headers.get('set-cookie')?.split(';')[0] ?? ''
}

