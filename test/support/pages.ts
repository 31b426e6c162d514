import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { phoneContext, watchErrors } from './browser'

/** WCAG 2.2 AA as axe-core checks it, in the real browser. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** Nothing sticks out sideways on a 360 px phone. */
export async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
}

export interface SignedIn {
  context: BrowserContext
  page: Page
  errors: string[]
  close: () => Promise<void>
}

/** Fills in and sends the sign-in form, as a person would; where it leads is the caller's to check. */
export async function submitSignIn(page: Page, baseUrl: string, username: string, password = 'kracht-demo') {
  await page.goto(`${baseUrl}/inloggen`)
  await page.getByLabel('Gebruikersnaam').fill(username)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Inloggen' }).click()
}

/** A new phone, signed in through the sign-in page as a person would. */
export async function signInOnPhone(
  browser: Browser,
  baseUrl: string,
  username: string,
  options: { javaScript?: boolean; password?: string } = {},
): Promise<SignedIn> {
  const context = await phoneContext(browser, { javaScript: options.javaScript ?? true })
  const page = await context.newPage()
  // A failing step should say which one, well within the test's own time-out.
  page.setDefaultTimeout(15_000)
  const errors = watchErrors(page)
  await submitSignIn(page, baseUrl, username, options.password)
  await page.waitForURL(`${baseUrl}/`)
  return { context, page, errors, close: () => context.close() }
}
