import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

/** A day `days` from now, as a date input takes it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

const thisWeek = (page: Page) => page.getByTestId('this-week').textContent()

// Without JavaScript first (every form a page load), then with it: the same road, each from its own priority.
describe.each([
  { javaScript: false, priority: 'Wonen', wish: 'Een eigen plek waar Lina kan logeren.', steps: ['Woningnet openen', 'Brief urgentie lezen'] },
  { javaScript: true, priority: 'Werk', wish: 'Weer bakken, eerst een paar ochtenden.', steps: ['Bakker Jan bellen', 'Schort wassen'] },
])('the action plan at 360 px, JavaScript $javaScript', ({ javaScript, priority, wish, steps }) => {
  it('a goal from a priority with two steps, one done and celebrated, "Deze week" changes, print', { timeout: 420_000 }, async () => {
    const { context, page, errors } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript })
    const [first, second] = steps as [string, string]

    // From a priority: the wish written there is the start of the goal, in the client's words.
    await page.getByRole('link', { name: 'Mijn actieplan' }).first().click()
    await page.waitForURL(`${e2e.server.url}/plan`)
    await page.getByRole('link', { name: 'Nieuw doel' }).click()
    await page.getByRole('link', { name: new RegExp(`Begin bij ${priority}`) }).click()
    expect(await page.locator('#goal-text').inputValue()).toBe(wish)
    await noHorizontalScroll(page)
    await page.getByRole('button', { name: 'Doel opslaan' }).click()
    await page.waitForURL(/\/plan\/doel\/[0-9a-f-]+\?nieuw=1/)
    expect(await page.locator('#goal-title').textContent()).toBe(wish)
    // The goal check asks gently; it never grades.
    expect(await page.getByTestId('goal-check').textContent()).toContain('Wat is een eerste kleine stap?')

    // An empty step: a message beside the field, nothing added, and what was typed stays.
    await page.locator('#step-how').fill('Met de laptop')
    await page.getByRole('button', { name: 'Stap toevoegen' }).click()
    await expect.poll(() => page.locator('#step-what-error').textContent()).toBe('Vul dit in.')
    expect(await page.locator('#step-how').inputValue()).toBe('Met de laptop')
    expect(await page.getByTestId('step').count()).toBe(0)

    // Two steps: one for me, one with my worker.
    await page.locator('#step-what').fill(first)
    await page.locator('#step-when').fill(day(1))
    await page.getByRole('button', { name: 'Stap toevoegen' }).click()
    await expect.poll(() => page.getByTestId('step').count()).toBe(1)
    await page.locator('#step-what').fill(second)
    await page.locator('#step-how').fill('')
    await page.getByLabel('Mijn begeleider').check()
    await page.locator('#step-when').fill(day(2))
    await page.getByRole('button', { name: 'Stap toevoegen' }).click()
    await expect.poll(() => page.getByTestId('step').count()).toBe(2)
    expect(await page.getByTestId('goal-check').textContent()).not.toContain('Wie helpt je hierbij?')
    await noHorizontalScroll(page)
    const goalUrl = page.url().split('?')[0] ?? ''

    await page.goto(`${e2e.server.url}/`)
    expect(await thisWeek(page)).toContain(first)
    expect(await thisWeek(page)).toContain(second)

    // Done: a warm sentence, never a grade.
    await page.goto(goalUrl)
    await page.getByTestId('step').filter({ hasText: first }).getByRole('button', { name: 'Gedaan' }).click()
    await expect.poll(() => page.getByTestId('celebration').count()).toBe(1)
    const celebration = (await page.getByTestId('celebration').textContent()) ?? ''
    expect(celebration.length).toBeGreaterThan(10)
    expect(celebration).not.toMatch(/goed bezig|\d+ van \d+|cijfer|score/i)
    expect(await page.getByTestId('step').filter({ hasText: first }).textContent()).toContain('Gedaan op')
    await noHorizontalScroll(page)
    // axe-core runs as a script in the page: only where the page may run one.
    if (javaScript) await expectAccessible(page)

    await page.goto(`${e2e.server.url}/`)
    expect(await thisWeek(page)).not.toContain(first)
    expect(await thisWeek(page)).toContain(second)

    // Print: the goal and its steps on A4, the page's own buttons left out.
    await page.goto(`${e2e.server.url}/plan/afdrukken`)
    const sheet = await page.getByTestId('print-goal').filter({ hasText: wish }).textContent()
    expect(sheet).toContain(first)
    expect(sheet).toContain(second)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.no-print').first().isVisible()).toBe(false)
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.byteLength).toBeGreaterThan(1000)
    expect(errors).toEqual([])
    await context.close()
  })
})
