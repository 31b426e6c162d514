import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()
const SETTINGS = 'Werkwijze'

describe.each([
  { javaScript: true, label: 'with JavaScript' },
  { javaScript: false, label: 'without JavaScript' },
])('the coordinator\'s forms at 360 px $label', ({ javaScript }) => {
  it('refuse a wrong value beside its field, keep what was typed, and save a correct one', { timeout: 90_000 }, async () => {
    const admin = await signInOnPhone(e2e.browser, e2e.server.url, 'admin', { javaScript })
    await admin.page.goto(`${e2e.server.url}/beheer`)
    const retention = admin.page.getByRole('region', { name: 'Bewaartermijn' })
    await retention.getByLabel('Aantal dagen').fill('5')
    await retention.getByRole('button').click()
    await expect.poll(() => retention.getByText('Kies een aantal dagen tussen 30 en 3650.').count()).toBe(1)
    expect(await retention.getByLabel('Aantal dagen').inputValue()).toBe('5')
    await noHorizontalScroll(admin.page)
    if (javaScript) await expectAccessible(admin.page)
    // No button the coordinator may not use: turning off one's own account is refused by the API.
    expect(await admin.page.getByRole('button', { name: /Coördinator De Brug/ }).count()).toBe(0)
    expect(await admin.page.getByRole('button', { name: 'Account uitzetten: Noor Haddou' }).count()).toBe(1)

    // The team form next to it has its own errors, not the retention form's.
    const teams = admin.page.getByRole('region', { name: 'Teams' })
    expect(await teams.locator('.field-error').count()).toBe(0)
    const name = `Team Noord ${javaScript ? 'js' : 'nojs'}`
    await teams.getByLabel('Naam van het team').fill(name)
    await teams.getByRole('button', { name: 'Team toevoegen' }).click()
    await expect.poll(() => teams.getByText(name).count()).toBe(1)
    await expect.poll(() => teams.getByText('0 medewerkers').count()).toBeGreaterThan(0)

    await retention.getByLabel('Aantal dagen').fill('400')
    await retention.getByRole('button').click()
    await expect.poll(() => admin.page.getByText('De bewaartermijn is opgeslagen.').count()).toBe(1)

    // The kind of care decides which questions the assistant leaves out (a women's shelter: none about the ex-partner).
    const settings = admin.page.getByRole('region', { name: SETTINGS })
    await settings.getByLabel('Soort opvang of hulp').selectOption('womens_shelter')
    await settings.getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(() => admin.page.getByText('De werkwijze is opgeslagen.').count()).toBe(1)
    await admin.page.goto(`${e2e.server.url}/beheer`)
    expect(await admin.page.getByRole('region', { name: SETTINGS }).getByLabel('Soort opvang of hulp').inputValue()).toBe('womens_shelter')
    expect(admin.errors).toEqual([])
    await admin.close()
  })
})
