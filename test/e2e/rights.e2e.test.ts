import { readFileSync } from 'node:fs'
import { count, eq } from 'drizzle-orm'
import { accessLog, statements, users } from '@kracht/db'
import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone, submitSignIn } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

describe('my data at 360 px: download everything, then delete the account', () => {
  it('sam downloads the file, finds the print pages, and deletes the account with the password', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam')
    await page.getByRole('link', { name: 'Mijn gegevens', exact: true }).click()
    await page.waitForURL(`${e2e.server.url}/account/mijn-gegevens`)
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
    await page.waitForURL(`${e2e.server.url}/account/verwijderen`)
    expect(await page.locator('.card--warning').textContent()).toContain('Dit kun je niet terugdraaien')
    await noHorizontalScroll(page)
    await expectAccessible(page)
    await page.getByLabel('Je wachtwoord').fill('niet-mijn-wachtwoord')
    await page.getByLabel('Ik begrijp dat al mijn gegevens meteen weg zijn').check()
    await page.getByRole('button', { name: 'Ja, verwijder mijn account' }).click()
    await expect.poll(() => page.getByText('Dit wachtwoord klopt niet. Er is niets verwijderd.').count()).toBeGreaterThan(0)
    const stored = async () => (await e2e.server.handle.db.select({ n: count() }).from(statements).where(eq(statements.clientId, samId)))[0]?.n ?? 0
    expect(await stored()).toBeGreaterThan(20)

    await page.getByLabel('Je wachtwoord').fill('kracht-demo')
    const tick = page.getByLabel('Ik begrijp dat al mijn gegevens meteen weg zijn')
    if (!(await tick.isChecked())) await tick.check()
    await page.getByRole('button', { name: 'Ja, verwijder mijn account' }).click()
    await page.waitForURL(`${e2e.server.url}/tot-ziens`)
    // A client-side navigation changes the address before the new page is drawn: wait for it.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Je account is verwijderd')
    await noHorizontalScroll(page)
    await expectAccessible(page)
    expect(await stored()).toBe(0)
    // The access log stays (ids and actions only); the account is blanked.
    expect((await e2e.server.handle.db.select({ n: count() }).from(accessLog).where(eq(accessLog.clientId, samId)))[0]?.n).toBeGreaterThan(0)
    expect((await e2e.server.handle.db.select({ name: users.displayName }).from(users).where(eq(users.id, samId)))[0]?.name).toBe('—')

    // Signed out, and the old password no longer opens anything.
    await page.goto(`${e2e.server.url}/account/mijn-gegevens`)
    await page.waitForURL(/\/inloggen/)
    await submitSignIn(page, e2e.server.url, 'sam')
    await expect.poll(() => page.locator('[role="alert"]').count()).toBeGreaterThan(0)
    expect(new URL(page.url()).pathname).toBe('/inloggen')
    expect(errors).toEqual([])
    await context.close()
  })

  it("noor's caseload no longer lists sam", { timeout: 60_000 }, async () => {
    const { context, page } = await signInOnPhone(e2e.browser, e2e.server.url, 'noor')
    await page.goto(`${e2e.server.url}/caseload`)
    expect(await page.locator('main').textContent()).not.toContain('Sam')
    await context.close()
  })
})
