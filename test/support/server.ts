import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type RunningServer } from '@kracht/server'

export interface TestServer extends RunningServer {
  dataDir: string
}

/** The whole server (portal and API) on a free port with its own embedded database and demo data. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kracht-e2e-'))
  // Built in this process: the child process of `npm start`'s first start is tested in test/server.test.ts.
  const server = await startServer({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, ...env }, () => {}, { firstStart: 'inline' })
  return {
    ...server,
    dataDir,
    async close() {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
