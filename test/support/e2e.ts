import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
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
  // A failed step says only which locator it waited for: print what each page still open showed
  // (its address, heading and any message), so a failure in CI can be read without rerunning it.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !browser) return
    for (const context of browser.contexts()) {
      for (const page of context.pages()) console.error(`[e2e failure] ${task.name}\n${await pageReport(page)}`)
      await context.close()
    }
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

/** Where a page is and what it says: address, h1, alerts and notices (demo data only in tests). */
async function pageReport(page: Page): Promise<string> {
  try {
    return await page.evaluate(() => {
      const texts = (selector: string) => [...document.querySelectorAll(selector)].map((e) => (e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 200))
      return [
        `url: ${location.pathname}${location.search}`,
        `h1: ${texts('h1').join(' | ')}`,
        `alerts: ${texts('[role="alert"], .notice, [aria-invalid="true"]').join(' | ') || 'none'}`,
        `hydrated: ${document.documentElement.hasAttribute('data-hydrated') ? 'yes' : 'no (or JavaScript off)'}`,
      ].join('\n')
    })
  } catch (error) {
    return `url: ${page.url()} (the page could not be read: ${String(error).slice(0, 100)})`
  }
}
