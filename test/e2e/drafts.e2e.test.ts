import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

const restoredLine = 'We hebben je tekst bewaard op dit toestel. Nog niet opgeslagen.'
const offlineLine = 'Opslaan lukt nu niet. Je tekst staat nog hier. Probeer het zo nog eens.'
const keptDrafts = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('kracht:draft:')))

describe('no lost work on a phone (360 px)', () => {
  it('keeps typed text through a reload, says so, and forgets it once saved', { timeout: 90_000 }, async () => {
    const { context, page, errors } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam')
    await page.goto(`${e2e.server.url}/inventaris/nieuw?domein=meaning`)
    const box = page.getByLabel('Je zin')
    await box.fill('Ik zorg elke ochtend voor mijn plantjes')
    expect((await keptDrafts(page)).length).toBeGreaterThan(0)

    await page.reload()
    await expect.poll(() => page.getByRole('status').filter({ hasText: restoredLine }).count()).toBe(1)
    expect(await box.inputValue()).toBe('Ik zorg elke ochtend voor mijn plantjes')

    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/inventaris\/leefgebied\/meaning/)
    await expect.poll(() => page.locator('.statement-text', { hasText: 'Ik zorg elke ochtend voor mijn plantjes' }).count()).toBe(1)
    await expect.poll(() => keptDrafts(page)).toEqual([])

    // A new page to write on starts empty, with nothing to say.
    await page.goto(`${e2e.server.url}/inventaris/nieuw?domein=meaning`)
    expect(await box.inputValue()).toBe('')
    expect(await page.getByText(restoredLine).count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('a message: kept through a reload, forgotten once sent (the page stays); signing out forgets every draft', { timeout: 90_000 }, async () => {
    const { context, page, errors } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam')
    await page.goto(`${e2e.server.url}/berichten`)
    const box = page.getByLabel('Je bericht')
    await box.fill('Kunnen we dinsdag bellen?')
    await page.reload()
    await expect.poll(() => page.getByText(restoredLine).count()).toBe(1)
    expect(await box.inputValue()).toBe('Kunnen we dinsdag bellen?')
    await page.getByRole('button', { name: 'Versturen' }).click()
    await expect.poll(() => page.locator('[data-testid="messages"] li', { hasText: 'Kunnen we dinsdag bellen?' }).count()).toBe(1)
    await expect.poll(() => keptDrafts(page)).toEqual([])
    expect(await box.inputValue()).toBe('')

    await box.fill('Nog iets wat ik wil zeggen')
    expect((await keptDrafts(page)).length).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    await page.waitForURL(/tot-ziens|inloggen|\/$/)
    expect(await keptDrafts(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('offline, a save says it did not work and keeps the text; back online it is saved once', { timeout: 90_000 }, async () => {
    const { context, page } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam')
    await page.goto(`${e2e.server.url}/inventaris/nieuw?domein=work`)
    const words = 'Ik help mijn collega met de planning'
    await page.getByLabel('Je zin').fill(words)

    await context.setOffline(true)
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(() => page.getByRole('alert').filter({ hasText: offlineLine }).count()).toBe(1)
    expect(page.url()).toContain('/inventaris/nieuw')
    expect(await page.getByLabel('Je zin').inputValue()).toBe(words)

    await context.setOffline(false)
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/inventaris\/leefgebied\/work/)
    await expect.poll(() => page.locator('.statement-text', { hasText: words }).count()).toBe(1)
    await expect.poll(() => keptDrafts(page)).toEqual([])
    await context.close()
  })

  it('a double submit (two posts with one form key) makes one statement', { timeout: 90_000 }, async () => {
    const { context, page } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam')
    await page.goto(`${e2e.server.url}/inventaris/nieuw?domein=leisure`)
    const key = await page.locator('input[name="idempotencyKey"]').first().inputValue()
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    const words = 'Ik maak graag muziek met vrienden'
    const send = () =>
      page.request.post(`${e2e.server.url}/inventaris/nieuw`, {
        form: { idempotencyKey: key, domain: 'leisure', time: 'present', form: '', text: words },
        headers: { Origin: e2e.server.url },
        maxRedirects: 0,
      })
    const [first, second] = await Promise.all([send(), send()])
    expect([first.status(), second.status()]).toEqual([302, 302])
    // Both answers lead to the same, one saved statement.
    expect(second.headers()['location']).toBe(first.headers()['location'])
    await page.goto(`${e2e.server.url}/inventaris/leefgebied/leisure`)
    expect(await page.locator('.statement-text', { hasText: words }).count()).toBe(1)
    // The same key for other words is a new request: saved, not refused.
    const other = await page.request.post(`${e2e.server.url}/inventaris/nieuw`, {
      form: { idempotencyKey: key, domain: 'leisure', time: 'present', form: '', text: 'Ik teken in het park' },
      headers: { Origin: e2e.server.url },
      maxRedirects: 0,
    })
    expect(other.status()).toBe(302)
    expect(other.headers()['location']).not.toBe(first.headers()['location'])
    await context.close()
  })
})
