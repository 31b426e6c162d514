import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { phoneContext, watchErrors } from './browser'

type Impact = 'minor' | 'moderate' | 'serious' | 'critical'
const allImpacts: readonly Impact[] = ['minor', 'moderate', 'serious', 'critical']
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']

// The axe-core that @axe-core/playwright itself uses (same pinned version).
const axeSource = readFileSync(createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  impact: Impact | null
  tags: string[]
  targets: string[]
}
interface AxeInPage {
  run(context: Document, options: object): Promise<{ violations: { id: string; impact?: Impact | null; tags: string[]; nodes: { target: unknown[] }[] }[] }>
}

/**
 * WCAG 2.2 AA findings as axe-core reports them in the real browser, one line each ("rule (impact): selectors").
 * Our pages have no frames, so axe runs straight in the page: @axe-core/playwright's analyze() opens a
 * blank page per call to finish its frame-by-frame run, about 1 s a check on two busy cores against
 * 0.1–0.2 s this way. A page with frames still goes through AxeBuilder.
 */
export async function axeViolations(
  page: Page,
  impacts: readonly Impact[] = allImpacts,
  /** Best-practice rules (headings, landmarks) to report as well, whatever their impact. */
  alsoRules: readonly string[] = [],
): Promise<string[]> {
  // The WCAG rules plus the named best-practice rules only: a rule's own `enabled` wins over the tag
  // filter in axe, where the whole best-practice tag ran some 25 rules more whose findings were dropped.
  const rules = Object.fromEntries(alsoRules.map((id) => [id, { enabled: true }]))
  let violations: Violation[]
  if (page.frames().length > 1) {
    const result = await new AxeBuilder({ page }).options({ resultTypes: ['violations'], rules }).withTags(wcagTags).analyze()
    violations = result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, tags: v.tags, targets: v.nodes.map((n) => n.target.join(' ')) }))
  } else {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
    violations = await page.evaluate(
      async ({ tags, rules }) => {
        const axe = (window as unknown as { axe: AxeInPage }).axe
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] })
        return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, tags: v.tags, targets: v.nodes.map((n) => n.target.join(' ')) }))
      },
      { tags: wcagTags, rules },
    )
  }
  return violations
    .filter((v) => alsoRules.includes(v.id) || (v.tags.some((tag) => wcagTags.includes(tag)) && impacts.includes(v.impact ?? 'minor')))
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`)
}

/** WCAG 2.2 AA as axe-core checks it, in the real browser: no finding at all. */
export async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([])
}

/** How many pixels the page sticks out sideways (0 when it fits). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth))
}

/** Nothing sticks out sideways on a 360 px phone. */
export async function noHorizontalScroll(page: Page) {
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
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

/**
 * Waits until React has hydrated the page (apps/portal/app/root.tsx marks it), so a test does not
 * type into a page whose scripts are still starting: on a busy machine (2026-12-01) a save on the
 * network map, typed straight after the page came, never showed its notice.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' })
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
  if (options.javaScript ?? true) await hydrated(page)
  return { context, page, errors, close: () => context.close() }
}

/**
 * Text that cannot be read whole: cut off by a box that hides its overflow, shortened with "…", or
 * sticking out of the window sideways. Text meant only for screen readers (.visually-hidden) and the
 * skip link waiting off-screen do not count. Returns one line per problem, empty when all is readable.
 */
export async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const width = document.documentElement.clientWidth
    const name = (el: HTMLElement) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.innerText ?? '').trim().slice(0, 40)}"`
    for (const node of document.body.querySelectorAll('*')) {
      if (!(node instanceof HTMLElement)) continue
      if (node.closest('.visually-hidden, .skip-link, [hidden], [aria-hidden="true"], script, style, template, noscript')) continue
      const style = getComputedStyle(node)
      if (style.display === 'none' || style.visibility === 'hidden') continue
      const text = (node.innerText ?? '').trim()
      if (!text) continue
      const hidesX = style.overflowX === 'hidden' || style.overflowX === 'clip'
      const hidesY = style.overflowY === 'hidden' || style.overflowY === 'clip'
      if ((hidesX && node.scrollWidth > node.clientWidth + 1) || (hidesY && node.scrollHeight > node.clientHeight + 1)) problems.push(`cut off: ${name(node)}`)
      else if (style.textOverflow === 'ellipsis' && node.scrollWidth > node.clientWidth + 1) problems.push(`shortened: ${name(node)}`)
      const ownText = [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim())
      if (ownText) {
        const box = node.getBoundingClientRect()
        if (box.width > 0 && (box.right > width + 1 || box.left < -1)) problems.push(`outside the window: ${name(node)}`)
      }
    }
    return problems
  })
}
