import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './browser'
import { startTestServer, type TestServer } from './server'

/**
 * The set-up every browser test file shares: the whole server on its own embedded database with the
 * demo data, and one Chromium, started side by side before the file's tests and closed after them.
 * Read `server` and `browser` inside tests and hooks (they exist once `beforeAll` has run).
 */
export function useServerAndBrowser(): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startTestServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} starts in beforeAll: use it inside a test or hook`)
    return value
  }
  return {
    get server() {
      return started(server, 'the server')
    },
    get browser() {
      return started(browser, 'the browser')
    },
  }
}
