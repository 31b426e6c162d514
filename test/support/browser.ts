import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

// Flags that keep Chromium from reaching for Google's servers on this closed network.
const quietFlags = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-sandbox',
  '--disable-gpu',
]

/**
 * Debian's Chromium: its headless shell first (package chromium-headless-shell, the same Chromium
 * without the desktop browser around it: the accessibility sweep took 113-155 s with it against
 * 167-186 s with the full browser's headless mode, taking turns on two cores), else the browser.
 */
const systemChromiums = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium']

/**
 * Chromium in this order: CHROMIUM_PATH, the system Chromium, else the one @sparticuz/chromium ships
 * inside its npm package (so `npm test` works on a fresh machine with no system step).
 */
export async function launchBrowser(): Promise<Browser> {
  const fromEnv = process.env['CHROMIUM_PATH']
  if (fromEnv) return chromium.launch({ executablePath: fromEnv, args: quietFlags })
  const system = systemChromiums.find((path) => existsSync(path))
  if (system) return chromium.launch({ executablePath: system, args: quietFlags })
  const sparticuz = (await import('@sparticuz/chromium')).default
  // --single-process kills the browser when a second context opens; --disable-web-security would
  // hide the very faults these tests look for.
  const args = sparticuz.args.filter((arg) => arg !== '--single-process' && arg !== '--disable-web-security')
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args: [...args, ...quietFlags] })
}

/** A phone: 360 px wide, touch, Dutch. */
export async function phoneContext(browser: Browser, options: { javaScript?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    // Layout is in CSS pixels whatever the density: a density of 2 only made the browser paint four times the pixels.
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
    javaScriptEnabled: options.javaScript ?? true,
  })
}

/** Fails the test on any page error or console error, so broken hydration does not pass silently. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => {
    // A navigation that is overtaken by the next one (a tap on a link while the page still reloads
    // its data after a save) is cancelled by the router: the person moved on, nothing failed.
    const text = `${error.name}: ${error.message}\n${error.stack ?? ''}`
    if (/AbortError: signal is aborted/.test(text) && /\bnavigate\b/.test(text)) return
    errors.push(error.message)
  })
  page.on('console', (message) => {
    // A 4xx answer to a form post (a validation message) is expected behaviour, not a fault.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) errors.push(message.text())
  })
  return errors
}
