import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

describe('the trajectory at 360 px', () => {
  it('noor (no JavaScript) starts a CTI trajectory and moves it to testing; sam sees the phase, its planned end, what lies behind, and a warm sentence', { timeout: 300_000 }, async () => {
    // Noor, the linked worker, without JavaScript: every step is a real form.
    const noor = await signInOnPhone(e2e.browser, e2e.server.url, 'noor', { javaScript: false })
    await noor.page.goto(`${e2e.server.url}/caseload`)
    await noor.page.getByRole('link', { name: 'Bekijken' }).first().click()
    await noor.page.waitForURL(/\/clienten\/[0-9a-f-]{36}$/)
    // Sam shared nothing yet: the trajectory is still reachable (the care arrangement, not sam's words).
    await noor.page.getByRole('link', { name: 'Traject', exact: true }).click()
    await noor.page.waitForURL(/\/traject$/)
    await noor.page.getByText('Er is nog geen traject.').waitFor()
    await noHorizontalScroll(noor.page)
    await noor.page.getByLabel('Critical Time Intervention (CTI)').check()
    await noor.page.getByRole('button', { name: 'Traject beginnen' }).click()
    await noor.page.waitForURL(/klaar=start/)
    expect(await noor.page.getByRole('status').first().textContent()).toContain('Een goede basis leggen')
    const now = noor.page.locator('[data-state="now"]')
    expect(await now.getAttribute('data-phase')).toBe('structuring')
    expect(await noor.page.locator('[data-state="ahead"]').count()).toBe(2)

    await noor.page.getByRole('button', { name: 'Naar de volgende fase: Uitproberen' }).click()
    await noor.page.waitForURL(/klaar=next/)
    expect(await noor.page.locator('[data-state="now"]').getAttribute('data-phase')).toBe('testing')
    expect(await noor.page.getByTestId('phase-moment').textContent()).toContain('Uitproberen')
    await noHorizontalScroll(noor.page)
    // (axe needs JavaScript in the page: it checks sam's page below, the same timeline component.)

    // Sam, on the phone: the phase now, its planned end, what lies behind, and the warm moment.
    const sam = await signInOnPhone(e2e.browser, e2e.server.url, 'sam')
    await sam.page.getByRole('link', { name: 'Mijn traject' }).click()
    await sam.page.waitForURL(/\/traject$/)
    const current = sam.page.locator('[data-state="now"]')
    expect(await current.getAttribute('data-phase')).toBe('testing')
    expect(await current.textContent()).toContain('Uitproberen')
    expect(await sam.page.getByTestId('planned-end').textContent()).toMatch(/Gepland tot ongeveer \d{1,2} \w+ \d{4}/)
    const behind = sam.page.locator('[data-state="done"]')
    expect(await behind.getAttribute('data-phase')).toBe('structuring')
    expect(await behind.textContent()).toContain('Afgerond op')
    const moment = (await sam.page.getByTestId('phase-moment').textContent()) ?? ''
    expect(moment).toContain('nieuwe fase: Uitproberen')
    expect(moment).toContain('achter je')
    await noHorizontalScroll(sam.page)
    await expectAccessible(sam.page)
    expect(sam.errors).toEqual([])
    expect(noor.errors).toEqual([])
    await sam.close()
    await noor.close()
  })
})
