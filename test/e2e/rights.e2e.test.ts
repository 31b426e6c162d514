import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { count, eq } from 'drizzle-orm'
import { accessLog, statements, users } from '@kracht/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser'
import { expectAccessible, noHorizontalScroll, signInOnPhone, submitSignIn } from '../support/pages'
import { startTestServer, type TestServer } from '../support/server'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('my data at 360 px: download everything, then delete the account', () => {
  it('sam downloads the file, finds the print pages, and deletes the account with the password', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await signInOnPhone(browser, server.url, 'sam')
    await page.getByRole('link', { name: 'Mijn gegevens', exact: true }).click()
    await page.waitForURL(`${server.url}/account/mijn-gegevens`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mijn gegevens')
    await noHorizontalScroll(page)
    await expectAccessible(page)

    // The download: one readable JSON file with everything, the removed statements too.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download mijn gegevens' }).click()])
    expect(download.suggestedFilename()).toMatch(/^kracht-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/)
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'))
    expect(file.profile).toMatchObject({ username: 'sam', name: 'Sam' })
    expect(file.inventory.statements.length).toBeGreaterThan(20)
    const samId: string = file.profile.id

    // The printable pages are one tap away.
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual(expect.arrayContaining(['/inventaris/afdrukken', '/plan/afdrukken', '/netwerk/afdrukken', '/hulp/mijn-plan/afdrukken', '/delen/bekeken']))

    // Delete: a clear warning, the password, a tick. A wrong password changes nothing.
    await page.getByRole('link', { name: 'Mijn account verwijderen' }).click()
    await page.waitForURL(`${server.url}/account/verwijderen`)
    expect(await page.locator('.card--warning').textContent()).toContain('Dit kun je niet terugdraaien')
    await noHorizontalScroll(page)
    await expectAccessible(page)
    await page.getByLabel('Je wachtwoord').fill('niet-mijn-wachtwoord')
    await page.getByLabel('Ik begrijp dat al mijn gegevens meteen weg zijn').check()
    await page.getByRole('button', { name: 'Ja, verwijder mijn account' }).click()
    await expect.poll(() => page.getByText('Dit wachtwoord klopt niet. Er is niets verwijderd.').count()).toBeGreaterThan(0)
    const stored = async () => (await server.handle.db.select({ n: count() }).from(statements).where(eq(statements.clientId, samId)))[0]?.n ?? 0
    expect(await stored()).toBeGreaterThan(20)

    await page.getByLabel('Je wachtwoord').fill('kracht-demo')
    const tick = page.getByLabel('Ik begrijp dat al mijn gegevens meteen weg zijn')
    if (!(await tick.isChecked())) await tick.check()
    await page.getByRole('button', { name: 'Ja, verwijder mijn account' }).click()
    await page.waitForURL(`${server.url}/tot-ziens`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Je account is verwijderd')
    await noHorizontalScroll(page)
    await expectAccessible(page)
    expect(await stored()).toBe(0)
    // The access log stays (ids and actions only); the account is blanked.
    expect((await server.handle.db.select({ n: count() }).from(accessLog).where(eq(accessLog.clientId, samId)))[0]?.n).toBeGreaterThan(0)
    expect((await server.handle.db.select({ name: users.displayName }).from(users).where(eq(users.id, samId)))[0]?.name).toBe('—')

    // Signed out, and the old password no longer opens anything.
    await page.goto(`${server.url}/account/mijn-gegevens`)
    await page.waitForURL(/\/inloggen/)
    await submitSignIn(page, server.url, 'sam')
    await expect.poll(() => page.locator('[role="alert"]').count()).toBeGreaterThan(0)
    expect(new URL(page.url()).pathname).toBe('/inloggen')
    expect(errors).toEqual([])
    await context.close()
  })

  it("noor's caseload no longer lists sam", { timeout: 60_000 }, async () => {
    const { context, page } = await signInOnPhone(browser, server.url, 'noor')
    await page.goto(`${server.url}/caseload`)
    expect(await page.locator('main').textContent()).not.toContain('Sam')
    await context.close()
  })
})
