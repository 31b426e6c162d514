import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { phoneContext, watchErrors } from '../support/browser'
import { expectAccessible, noHorizontalScroll, submitSignIn } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

/** The sign-in form on this test's server (test/support/pages.ts). */
const signIn = (page: Page, username: string, password?: string) => submitSignIn(page, e2e.server.url, username, password)

describe.each([
  { javaScript: true, label: 'with JavaScript' },
  { javaScript: false, label: 'without JavaScript' },
])('at 360 px $label', ({ javaScript }) => {
  it('a worker invites a client, who accepts on their phone, signs out and signs in again', { timeout: 90_000 }, async () => {
    const suffix = javaScript ? 'js' : 'nojs'
    const workerContext = await phoneContext(e2e.browser, { javaScript })
    const worker = await workerContext.newPage()
    const workerErrors = watchErrors(worker)
    await signIn(worker, 'noor')
    await expect.poll(() => worker.getByRole('heading', { level: 1 }).textContent()).toContain('Hoi Noor')
    await worker.getByRole('link', { name: 'Cliënt uitnodigen' }).first().click()
    await worker.getByLabel('Naam van de cliënt').fill(`Robin ${suffix}`)
    await worker.getByRole('button', { name: 'Uitnodiging maken' }).click()
    const code = (await worker.getByTestId('invitation-code').textContent())?.trim() ?? ''
    expect(code).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$/)
    await expect.poll(() => worker.locator('.qr-image svg').count()).toBe(1)
    await noHorizontalScroll(worker)
    if (javaScript) await expectAccessible(worker)

    const clientContext = await phoneContext(e2e.browser, { javaScript })
    const client = await clientContext.newPage()
    const clientErrors = watchErrors(client)
    await client.goto(`${e2e.server.url}/uitnodiging`)
    await client.getByLabel('Code').fill(code.toLowerCase())
    await client.getByRole('button', { name: 'Verder' }).click()
    await expect.poll(() => client.getByRole('heading', { level: 1 }).textContent()).toBe('Welkom bij Kracht')
    // A mistake first: too short a passphrase, shown beside the field, nothing lost.
    await client.getByLabel('Kies een gebruikersnaam').fill(`robin_${suffix}`)
    await client.getByLabel('Kies een wachtwoord').fill('kort')
    await client.getByLabel('Nieuw wachtwoord nog een keer').fill('kort')
    await client.getByRole('button', { name: 'Account maken' }).click()
    await expect.poll(() => client.getByText('Kies minstens 10 tekens').count()).toBeGreaterThan(0)
    expect(await client.getByLabel('Kies een gebruikersnaam').inputValue()).toBe(`robin_${suffix}`)
    if (javaScript) await expectAccessible(client)

    await client.getByLabel('Kies een wachtwoord').fill('de zon schijnt op het water')
    await client.getByLabel('Nieuw wachtwoord nog een keer').fill('de zon schijnt op het water')
    await client.getByRole('button', { name: 'Account maken' }).click()
    await expect.poll(() => client.getByRole('heading', { level: 1 }).textContent()).toBe(`Hoi Robin ${suffix}`)
    await expect.poll(() => client.getByText('Noor Haddou').count()).toBe(1)
    await noHorizontalScroll(client)
    if (javaScript) await expectAccessible(client)

    await client.getByRole('button', { name: 'Uitloggen' }).click()
    await expect.poll(() => client.getByText('Je bent uitgelogd.').count()).toBe(1)
    await client.goto(`${e2e.server.url}/`)
    expect(new URL(client.url()).pathname).toBe('/inloggen')

    await signIn(client, `robin_${suffix}`, 'de zon schijnt op het water')
    await expect.poll(() => client.getByRole('heading', { level: 1 }).textContent()).toBe(`Hoi Robin ${suffix}`)

    // The invitation cannot be used a second time.
    const other = await (await phoneContext(e2e.browser, { javaScript })).newPage()
    await other.goto(`${e2e.server.url}/uitnodiging`)
    await other.getByLabel('Code').fill(code)
    await other.getByRole('button', { name: 'Verder' }).click()
    await expect.poll(() => other.getByText('Deze uitnodiging is al gebruikt').count()).toBe(1)

    expect(workerErrors).toEqual([])
    expect(clientErrors).toEqual([])
    await workerContext.close()
    await clientContext.close()
  })
})

describe('pages for everyone', () => {
  it('shows help with exact tel: links, signed out and without JavaScript', async () => {
    const page = await (await phoneContext(e2e.browser, { javaScript: false })).newPage()
    await page.goto(`${e2e.server.url}/inloggen`)
    await page.getByRole('link', { name: 'Hulp nodig?' }).click()
    // Without JavaScript the click is a page load: read the help page, not the sign-in page it left.
    await page.waitForURL(/\/hulp$/)
    await page.locator('a[href^="tel:"]').first().waitFor()
    const hrefs = await page.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual(['tel:112', 'tel:113', 'tel:08000113', 'tel:08002000'])
    expect(await page.getByRole('link', { name: 'Snel weg' }).count()).toBe(1)
  })

  it('switches to English and back', async () => {
    const page = await (await phoneContext(e2e.browser)).newPage()
    await page.goto(`${e2e.server.url}/inloggen`)
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await page.getByRole('button', { name: 'Nederlands' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen')
  })

  it('answers a wrong passphrase with one clear message', async () => {
    const page = await (await phoneContext(e2e.browser)).newPage()
    await signIn(page, 'sam', 'niet het goede wachtwoord')
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('klopt niet')
  })
})
