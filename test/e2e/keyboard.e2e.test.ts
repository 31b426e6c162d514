import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { watchErrors } from '../support/browser'
import { useServerAndBrowser } from '../support/e2e'

/*
 * The client's main story with the keyboard alone: Tab, Shift+Tab, Enter and Space (and typing the
 * words; inside a radio group or a closed list the keys a e2e.browser gives for choosing). No mouse, no
 * clicks. Every control we use must show where the focus is, clearly enough to see (WCAG 2.4.7, 1.4.11).
 */

const e2e = useServerAndBrowser()

interface Focused {
  tag: string
  text: string
  href: string | null
  id: string
  name: string | null
  value: string | null
}

/** What has the focus now: tag, accessible-ish text (label, aria-label or own text), href, id. */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return { tag: '', text: '', href: null, id: '', name: null, value: null }
    const input = el as HTMLInputElement
    const label = input.labels?.[0]?.innerText ?? ''
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute('aria-label') ?? (label || el.innerText || '')).replace(/\s+/g, ' ').trim(),
      href: el.getAttribute('href'),
      id: el.id,
      name: el.getAttribute('name'),
      value: 'value' in input ? input.value : null,
    }
  })
}

type Target = Partial<{ text: RegExp; href: string; id: string; name: string }>

const matches = (f: Focused, target: Target) =>
  (!target.text || target.text.test(f.text)) && (!target.href || f.href === target.href) && (!target.id || f.id === target.id) && (!target.name || f.name === target.name)

/** Presses Tab (or Shift+Tab) until the target has the focus, then checks its focus is visible. */
async function tabTo(page: Page, target: Target, options: { back?: boolean; max?: number } = {}) {
  const seen: string[] = []
  for (let i = 0; i < (options.max ?? 150); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
    const now = await focused(page)
    seen.push(`${now.tag}${now.id ? `#${now.id}` : ''} "${now.text.slice(0, 30)}"`)
    if (matches(now, target)) {
      await expectVisibleFocus(page)
      return now
    }
  }
  throw new Error(`never reached ${JSON.stringify(target, (_, v) => (v instanceof RegExp ? v.source : v))} by ${options.back ? 'Shift+Tab' : 'Tab'}; went past: ${seen.join(' | ')}`)
}

/**
 * The focused control shows a focus ring: at least 2 px, not hidden, and its colour at least 3:1
 * against what lies behind it. A radio or checkbox drawn as a styled label is judged by that label.
 */
async function expectVisibleFocus(page: Page) {
  const ring = await page.evaluate(() => {
    const parse = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number)
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    let el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { ok: false, why: 'nothing focused' }
    if (el instanceof HTMLInputElement && getComputedStyle(el).opacity === '0' && el.nextElementSibling instanceof HTMLElement) el = el.nextElementSibling
    const style = getComputedStyle(el)
    const width = parseFloat(style.outlineWidth)
    if (style.outlineStyle === 'none' || width < 2) return { ok: false, why: `outline ${style.outlineStyle} ${style.outlineWidth} on ${el.tagName}` }
    // What lies behind the ring: the first ancestor with a solid background.
    let behind = el.parentElement
    while (behind && (parse(getComputedStyle(behind).backgroundColor)[3] ?? 1) === 0) behind = behind.parentElement
    const background = behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)'
    const [a, b] = [luminance(parse(style.outlineColor)), luminance(parse(background))]
    const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
    return { ok: contrast >= 3, why: `ring ${style.outlineColor} on ${background}: ${contrast.toFixed(2)}:1 (${el.tagName} "${el.innerText?.slice(0, 30)}")` }
  })
  expect(ring.ok, ring.why).toBe(true)
}

async function press(page: Page, key: 'Enter' | 'Space') {
  await page.keyboard.press(key === 'Space' ? ' ' : 'Enter')
}

describe('keyboard only: the client main story at 360 px', () => {
  it('signs in, writes a statement, marks a priority, answers the assistant and shares with Noor', { timeout: 240_000 }, async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL' })
    const page = await context.newPage()
    page.setDefaultTimeout(60_000)
    const errors = watchErrors(page)
    // On a phone six times slower than this machine, as many clients have: the keys come while a page
    // still hydrates, which is where React's "Root did not complete" (#345) came from (entry.client.tsx).
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })

    // The skip link is the first stop, visible when focused, and takes the focus to the content.
    await page.goto(`${e2e.server.url}/inloggen`)
    await page.keyboard.press('Tab')
    expect((await focused(page)).text).toBe('Naar de inhoud')
    const box = await page.locator('.skip-link').boundingBox()
    expect(box && box.x >= 0 && box.y >= 0 && box.width > 0).toBe(true)
    await expectVisibleFocus(page)
    await press(page, 'Enter')
    expect((await focused(page)).id).toBe('main')

    // Sign in.
    await tabTo(page, { text: /^Gebruikersnaam/ })
    await page.keyboard.type('sam')
    await tabTo(page, { text: /^Wachtwoord/ })
    await page.keyboard.type('kracht-demo')
    await tabTo(page, { text: /^Inloggen$/ })
    await press(page, 'Enter')
    await page.waitForURL(`${e2e.server.url}/`)

    // A statement in "Vrije tijd", from the domain's own button on the inventory.
    await tabTo(page, { href: '/inventaris' })
    await press(page, 'Enter')
    await page.waitForURL(`${e2e.server.url}/inventaris`)
    await tabTo(page, { href: '/inventaris/nieuw?domein=leisure' })
    await press(page, 'Enter')
    await page.waitForURL(/\/inventaris\/nieuw\?domein=leisure$/)
    expect(await page.locator('#statement-domain').inputValue()).toBe('leisure')
    await tabTo(page, { id: 'statement-text' })
    await page.keyboard.type('Ik kan goed luisteren naar anderen.')
    await tabTo(page, { text: /^Opslaan$/ })
    await press(page, 'Enter')
    await page.waitForURL(/\/inventaris\/leefgebied\/leisure\?opgeslagen=/)
    expect(await page.locator('main').textContent()).toContain('Ik kan goed luisteren naar anderen.')

    // A third priority: "Vrije tijd", chosen in the closed list by typing its first letters.
    await tabTo(page, { href: '/inventaris/prioriteiten' }, { back: true })
    await press(page, 'Enter')
    await page.waitForURL(`${e2e.server.url}/inventaris/prioriteiten`)
    // The third place's fields (conform names them after the list: places[2]).
    const domain3 = 'priorities-places[2].domain'
    const wish3 = 'priorities-places[2].wish'
    await tabTo(page, { id: domain3 })
    await page.keyboard.type('Vrij')
    expect(await page.locator(`[id="${domain3}"]`).inputValue()).toBe('leisure')
    await tabTo(page, { id: wish3 })
    await page.keyboard.type('Weer tekenen, elke week')
    await tabTo(page, { text: /^Opslaan$/ })
    await press(page, 'Space')
    await page.waitForURL(/opgeslagen=1/)
    expect(await page.locator(`[id="${domain3}"]`).inputValue()).toBe('leisure')
    expect(await page.locator(`[id="${wish3}"]`).inputValue()).toBe('Weer tekenen, elke week')

    // The assistant: start the miracle question and answer the first step. Shift+Tab back to the
    // header's home link first, as someone who overshot would.
    await tabTo(page, { href: '/' }, { back: true })
    await press(page, 'Enter')
    await page.waitForURL(`${e2e.server.url}/`)
    await tabTo(page, { href: '/assistent' })
    await press(page, 'Enter')
    await page.waitForURL(`${e2e.server.url}/assistent`)
    await tabTo(page, { text: /^Begin: De wondervraag$/ })
    await press(page, 'Enter')
    await page.waitForURL(/\/assistent\/[0-9a-f-]+$/)
    const first = await page.locator('#question').textContent()
    await tabTo(page, { id: 'answer-text' })
    await page.keyboard.type('Ik word wakker in mijn eigen huis.')
    await tabTo(page, { text: /^Verstuur$/ })
    await press(page, 'Enter')
    await expect.poll(() => page.locator('#question').textContent()).not.toBe(first)
    // The next question takes the focus, so it is read out and the answer box is one Tab away.
    await expect.poll(async () => (await focused(page)).id).toBe('question')
    expect(await page.locator('.proposal').count()).toBeGreaterThan(0)

    // Share with Noor, to read: back to the start, then "Wie mag wat zien".
    await tabTo(page, { href: '/' }, { back: true })
    await press(page, 'Enter')
    await page.waitForURL(`${e2e.server.url}/`)
    await tabTo(page, { href: '/delen' })
    await press(page, 'Enter')
    await page.waitForURL(`${e2e.server.url}/delen`)
    const grantee = await tabTo(page, { name: 'granteeId' })
    if (!/Noor/.test(grantee.text)) {
      // Inside a radio group the arrow keys choose; Tab leaves the group.
      for (let i = 0; i < 5 && !/Noor/.test((await focused(page)).text); i++) await page.keyboard.press('ArrowDown')
    }
    expect((await focused(page)).text).toMatch(/Noor/)
    await expectVisibleFocus(page)
    await tabTo(page, { text: /^Delen$/ })
    await press(page, 'Enter')
    await page.waitForURL(/gedeeld=/)
    expect(decodeURIComponent(page.url())).toContain('Noor')

    // Any page error fails the story, React's #345 too.
    expect(errors).toEqual([])
    await context.close()
  })
})
