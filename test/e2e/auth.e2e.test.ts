import type { Page } from 'playwright-core'
import { generate } from 'otplib'
import { describe, expect, it } from 'vitest'
import { phoneContext, watchErrors } from '../support/browser'
import { expectAccessible, noHorizontalScroll, signInOnPhone, submitSignIn } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

/** The sign-in form on this test's server (test/support/pages.ts). */
const signInHere = (page: Page, username: string, password?: string) => submitSignIn(page, e2e.server.url, username, password)

describe('staff sign-in with an authenticator app, at 360 px', () => {
  it('a peer expert turns the app on, keeps the recovery codes, and signs in with a code step that works without JavaScript', { timeout: 120_000 }, async () => {
    const context = await phoneContext(e2e.browser, { javaScript: true })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await signInHere(page, 'eva')
    await page.waitForURL(`${e2e.server.url}/`)
    await page.getByRole('link', { name: 'Authenticator-app' }).click()
    await page.waitForURL(/\/account\/authenticator$/)
    await expectAccessible(page)
    await page.getByLabel('Je wachtwoord').fill('kracht-demo')
    await page.getByRole('button', { name: 'Instellen' }).click()
    const secret = ((await page.getByTestId('totp-key').textContent()) ?? '').trim()
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
    await expect.poll(() => page.locator('.qr-image svg').count()).toBe(1)
    await noHorizontalScroll(page)
    await expectAccessible(page)
    // A wrong code first: shown beside the field.
    await page.getByLabel('Code', { exact: true }).fill('000000')
    await page.getByRole('button', { name: 'Aanzetten' }).click()
    await page.getByText('Deze code klopt niet').first().waitFor()
    await page.getByLabel('Code', { exact: true }).first().fill(await generate({ secret }))
    await page.getByRole('button', { name: 'Aanzetten' }).click()
    const codes = page.getByTestId('recovery-codes').locator('li')
    await expect.poll(() => codes.count()).toBe(10)
    const recovery = (await codes.allTextContents()).map((code) => code.trim())
    await expectAccessible(page)
    expect(errors).toEqual([])
    await context.close()

    // Signing in now takes the passphrase and then a code: here a recovery code, on a phone without JavaScript.
    const plain = await phoneContext(e2e.browser, { javaScript: false })
    const phone = await plain.newPage()
    await signInHere(phone, 'eva')
    await phone.waitForURL(/\/inloggen\/code/)
    await phone.getByRole('heading', { level: 1, name: 'Code uit je app' }).waitFor()
    await phone.getByLabel('Code', { exact: true }).fill('123456')
    await phone.getByRole('button', { name: 'Inloggen' }).click()
    await phone.getByText('Deze code klopt niet').first().waitFor()
    await phone.getByLabel('Code', { exact: true }).fill(recovery[0] ?? '')
    await phone.getByRole('button', { name: 'Inloggen' }).click()
    await phone.waitForURL(`${e2e.server.url}/`)
    await noHorizontalScroll(phone)
    await plain.close()
  })
})

describe('an access reset, told to the client', () => {
  it('the worker gives a new code; at the next sign-in the client is asked "was that you?" and told what to do', { timeout: 90_000 }, async () => {
    const workerContext = await phoneContext(e2e.browser, { javaScript: true })
    const worker = await workerContext.newPage()
    await signInHere(worker, 'noor')
    await worker.waitForURL(`${e2e.server.url}/`)
    await worker.goto(`${e2e.server.url}/clienten`)
    await worker.getByRole('button', { name: 'Nieuwe code geven' }).first().click()
    await worker.getByTestId('invitation-code').waitFor()
    await workerContext.close()

    const clientContext = await phoneContext(e2e.browser, { javaScript: true })
    const client = await clientContext.newPage()
    const errors = watchErrors(client)
    await signInHere(client, 'sam')
    await client.waitForURL(/\/account\/nieuwe-code/)
    expect(await client.getByTestId('reset-notice').textContent()).toContain('Noor Haddou gaf je op')
    await noHorizontalScroll(client)
    await expectAccessible(client)
    await client.getByRole('button', { name: 'Nee, dat was ik niet' }).click()
    await client.getByRole('heading', { level: 1, name: 'Goed dat je het zegt' }).waitFor()
    expect(await client.getByRole('link', { name: 'Nieuw wachtwoord kiezen' }).count()).toBe(1)
    await expectAccessible(client)
    // The client's access log says it in words, and nobody can take it out.
    await client.getByRole('link', { name: 'Wie heeft mijn gegevens bekeken' }).click()
    await client.getByText('Noor Haddou gaf je een nieuwe code om in te loggen').first().waitFor()
    expect(errors).toEqual([])
    await clientContext.close()
    // Answered: the next sign-in goes straight home.
    const again = await phoneContext(e2e.browser, { javaScript: true })
    const page = await again.newPage()
    await signInHere(page, 'sam')
    await page.waitForURL(`${e2e.server.url}/`)
    await again.close()
  })
})

describe('a refused password change, with JavaScript', () => {
  it('the passwords start empty again after the answer (never sent back), the error stands beside the field', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: true })
    await page.goto(`${e2e.server.url}/account/wachtwoord`)
    const current = page.getByLabel('Huidig wachtwoord', { exact: true })
    await current.fill('dit is niet mijn wachtwoord')
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een lange nieuwe zin voor mij')
    await page.getByLabel('Nieuw wachtwoord nog een keer', { exact: true }).fill('een lange nieuwe zin voor mij')
    await page.locator('form:has(input[name="currentPassword"]) button[type="submit"]').first().click()
    // The answer came without a page load: the field the action did not send back starts over (its key).
    await expect.poll(() => current.getAttribute('aria-invalid')).toBe('true')
    expect(await current.inputValue()).toBe('')
    expect(await page.getByLabel('Nieuw wachtwoord', { exact: true }).inputValue()).toBe('')
    expect(errors).toEqual([])
    await context.close()
  })
})
