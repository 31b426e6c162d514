import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

const heading = (page: Page) => page.locator('h1').textContent()

/** Mobility Mentoring at 360 px, without JavaScript: every choice a plain form post and a page load. */
describe('my bridge and my money at 360 px', () => {
  it('without JavaScript: places Sam on all five pillars one at a time, the next step always in view, and shows the bridge over time', { timeout: 240_000 }, async () => {
    const { context, page, errors } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: false })
    await page.getByRole('link', { name: /Mijn brug/ }).first().click()
    await page.waitForURL(`${e2e.server.url}/brug`)
    await expect.poll(() => heading(page)).toBe('Mijn brug')
    // The demo placed Sam twice on money: the list says where Sam stands now, in words.
    expect(await page.getByTestId('now-money').textContent()).toContain('Stap 2')
    await noHorizontalScroll(page)

    await page.getByRole('link', { name: 'Kies opnieuw waar je staat' }).click()
    const flow: [string, string, number, number | null][] = [
      ['thuis', 'Thuis en gezin', 3, 4],
      ['welzijn', 'Je goed voelen', 3, null],
      ['geld', 'Geld', 3, 4],
      ['leren', 'Leren', 2, null],
      ['werk', 'Werk', 2, 3],
    ]
    for (const [slug, title, step, next] of flow) {
      await page.waitForURL(`${e2e.server.url}/brug/${slug}`)
      await expect.poll(() => heading(page)).toBe(title)
      // One pillar per screen; what comes after it is on the screen too.
      expect(await page.locator('input[name="step"]').count()).toBe(5)
      expect(await page.getByTestId('next-up').isVisible()).toBe(true)
      await noHorizontalScroll(page)
      await page.locator(`input[name="step"][value="${step}"]`).check()
      await page.locator(`input[name="nextStep"][value="${next ?? ''}"]`).check()
      await page.getByRole('button', { name: /^Bewaren en/ }).click()
    }
    await page.waitForURL(`${e2e.server.url}/brug?klaar=1`)
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Dit is jouw brug van vandaag')
    expect(await page.getByTestId('now-money').textContent()).toContain('Stap 3')
    expect(await page.getByTestId('now-money').textContent()).not.toMatch(/van 5/)
    // Where Sam stood before stays readable, in words, newest first.
    expect(await page.getByTestId('before-money').textContent()).toMatch(/Eerder: .*Stap 2 · .*Stap 1$/)
    // The picture: one filled dot per pillar now, earlier placements as open dots, wishes as rings.
    const picture = page.getByTestId('bridge-picture')
    expect(await picture.locator('[data-kind="now"]').count()).toBe(5)
    expect(await picture.locator('[data-kind="before"]').count()).toBeGreaterThanOrEqual(5)
    expect(await picture.locator('[data-kind="next"]').count()).toBe(3)
    expect(await picture.getAttribute('aria-hidden')).toBe('true')
    await noHorizontalScroll(page)

    // A goal from a pillar: the plan's new goal, in the money domain, the words left to Sam.
    await page.goto(`${e2e.server.url}/brug/geld`)
    await page.getByRole('link', { name: 'Maak hier een doel van' }).click()
    await page.waitForURL(`${e2e.server.url}/plan/nieuw?pijler=geld`)
    expect(await page.locator('#goal-domain').inputValue()).toBe('finances')
    expect(await page.locator('#goal-text').inputValue()).toBe('')
    expect(await page.getByTestId('from-pillar').textContent()).toContain('Geld')

    // Sam removes today's money placement: the pillar shows the one before it again.
    await page.goto(`${e2e.server.url}/brug/geld`)
    await page.locator('.pillar-history li').first().getByRole('button', { name: /^Haal weg wat je op/ }).click()
    await page.waitForURL(`${e2e.server.url}/brug/geld?weg=1`)
    await page.goto(`${e2e.server.url}/brug`)
    expect(await page.getByTestId('now-money').textContent()).toContain('Stap 2')
    expect(errors).toEqual([])
    await context.close()
  })

  it('without JavaScript: keeps a money page in Sam\'s own words: a bad amount is named beside its field and nothing typed is lost', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: false })
    await page.getByRole('link', { name: /Mijn geld/ }).first().click()
    await page.waitForURL(`${e2e.server.url}/geld`)
    await expect.poll(() => heading(page)).toBe('Mijn geld')
    await noHorizontalScroll(page)
    const values = (selector: string) => page.locator(selector).evaluateAll((inputs) => inputs.map((i) => (i instanceof HTMLInputElement ? i.value : '')))
    const income = page.locator('[data-section="income"] [data-line="new"]')
    await income.locator('input[name$=".source"]').fill('Toeslag')
    await income.locator('input[name$=".amount"]').fill('veel')
    const debt = page.locator('[data-section="debts"] [data-line="new"]')
    await debt.locator('input[name$=".toWhom"]').fill('Mijn broer')
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click()
    // The problem stands beside the amount, which points at it; everything typed is still there.
    const wrong = page.locator('[data-section="income"] input[aria-invalid="true"]')
    await expect.poll(() => wrong.count()).toBe(1)
    expect(await page.locator(`[id="${await wrong.getAttribute('aria-describedby').then((ids) => ids?.split(' ')[0])}"]`).textContent()).toContain('Schrijf een bedrag als 120 of 85,50')
    expect(await values('[data-section="income"] input[name$=".source"]')).toContain('Toeslag')
    expect(await values('[data-section="debts"] input[name$=".toWhom"]')).toContain('Mijn broer')

    await wrong.fill('85,50')
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Bewaard.')
    await page.goto(`${e2e.server.url}/geld`)
    expect(await values('[data-section="income"] input[name$=".amount"]')).toContain('85,50')
    expect(await values('[data-section="debts"] input[name$=".toWhom"]')).toContain('Mijn broer')

    // A 10 kB line is named beside its field, kept as typed, and nothing saved changes.
    const long = 'x'.repeat(10_000)
    await page.locator('[data-section="fixedCosts"] [data-line="new"] input[name$=".what"]').fill(long)
    await page.locator('[data-section="debts"] input[name$=".toWhom"]').first().fill('Iemand anders')
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click()
    const tooLong = page.locator('[data-section="fixedCosts"] input[aria-invalid="true"]')
    await expect.poll(() => tooLong.count()).toBe(1)
    expect(await tooLong.inputValue()).toBe(long)
    expect(await page.locator(`[id="${await tooLong.getAttribute('aria-describedby').then((ids) => ids?.split(' ')[0])}"]`).textContent()).toBe('Dit is te lang. Maak het korter.')
    await page.goto(`${e2e.server.url}/geld`)
    expect(await values('[data-section="debts"] input[name$=".toWhom"]')).toContain('Mijn broer')
    expect(await values('[data-section="fixedCosts"] input[name$=".what"]')).not.toContain(long)
    await noHorizontalScroll(page)
    expect(errors).toEqual([])
    await context.close()
  })

  it('with JavaScript: the bridge, a pillar and the money page are accessible', { timeout: 90_000 }, async () => {
    const { context, page } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: true })
    for (const path of ['/brug', '/brug/werk', '/geld']) {
      await page.goto(`${e2e.server.url}${path}`)
      await expectAccessible(page)
    }
    // On paper: the bridge and its words, without the buttons.
    await page.goto(`${e2e.server.url}/brug`)
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByTestId('bridge-picture').isVisible()).toBe(true)
    expect(await page.getByTestId('bridge-list').isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: /waar je staat/ }).isVisible()).toBe(false)
    await context.close()
  })
})
