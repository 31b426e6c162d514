import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

interface Added {
  name: string
  area: string
  areaLabel: string
  ring: 1 | 2 | 3
  ringLabel: string
  support: string
}

async function addPerson(page: Page, person: Added) {
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Op mijn kaart zetten' }) })
  await form.getByLabel('Naam of bijnaam').fill(person.name)
  await form.getByLabel('Waar hoort deze persoon bij?').selectOption({ label: person.areaLabel })
  await form.getByLabel('Hoe dichtbij?').selectOption({ label: person.ringLabel })
  await form.getByLabel(person.support).check()
  await form.getByRole('button', { name: 'Op mijn kaart zetten' }).click()
  await expect.poll(() => page.locator('.notice--ok').textContent()).toContain(`${person.name} staat op je kaart.`)
}

/** Where the dot of a person sits on the drawn map: its quarter and its ring, read from the SVG. */
async function dotPlace(page: Page, name: string, which = 0) {
  const person = page.locator('[data-testid="network-map"]').nth(which).locator(`[data-person][data-name="${name}"]`)
  const [cx, cy] = await Promise.all([person.locator('circle').getAttribute('cx'), person.locator('circle').getAttribute('cy')])
  const dx = Number(cx) - 180
  const dy = Number(cy) - 180
  const distance = Math.hypot(dx, dy)
  const area = dx < 0 ? (dy < 0 ? 'family' : 'professionals') : dy < 0 ? 'friends' : 'school_work_club'
  const ring = distance <= 72 ? 1 : distance <= 118 ? 2 : 3
  return { area, ring }
}

/** The ring a person is listed under in the list for screen readers, per area. */
async function listedRing(page: Page, area: string, name: string): Promise<string | null> {
  const item = page.locator(`[data-testid="network-list"] [data-area="${area}"] li`, { hasText: name })
  return (await item.count()) === 0 ? null : item.first().getAttribute('data-ring')
}

const three: Added[] = [
  { name: 'Oma Rie', area: 'family', areaLabel: 'Familie', ring: 1, ringLabel: 'Heel dichtbij', support: 'Steun, een luisterend oor' },
  { name: 'Buurman Kees', area: 'friends', areaLabel: 'Vrienden en kennissen', ring: 2, ringLabel: 'Dichtbij', support: 'Praktische hulp' },
  { name: 'Coach Ali', area: 'school_work_club', areaLabel: 'School, werk of club', ring: 3, ringLabel: 'Wat verder weg', support: 'Advies' },
]

describe('my network map at 360 px', () => {
  for (const javaScript of [false, true]) {
    it(`adds three VIP people in the right area and ring, changes one, removes one, prints (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 150_000 }, async () => {
      const { context, page, errors } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript })
      await page.getByRole('link', { name: 'Mijn netwerk' }).click()
      await page.waitForURL(`${e2e.server.url}/netwerk`)
      const people = three.map((person) => ({ ...person, name: `${person.name}${javaScript ? ' 2' : ''}` }))
      for (const person of people) await addPerson(page, person)
      for (const person of people) {
        expect(await dotPlace(page, person.name), person.name).toEqual({ area: person.area, ring: person.ring })
        expect(await listedRing(page, person.area, person.name)).toBe(String(person.ring))
      }
      await noHorizontalScroll(page)
      // axe runs its script in the page: only with JavaScript on (as the other e2e.browser tests do).
      if (javaScript) await expectAccessible(page)

      // A name far too long: a message beside the field, nothing saved, the typing kept.
      const form = page.locator('form', { has: page.getByRole('button', { name: 'Op mijn kaart zetten' }) })
      await form.getByLabel('Naam of bijnaam').fill('x'.repeat(250))
      await form.getByLabel('Waar hoort deze persoon bij?').selectOption({ label: 'Familie' })
      await form.getByLabel('Hoe dichtbij?').selectOption({ label: 'Dichtbij' })
      await form.getByRole('button', { name: 'Op mijn kaart zetten' }).click()
      await expect.poll(() => page.locator('#add-name-error').textContent()).toContain('te lang')
      expect(await page.locator('#add-name').inputValue()).toHaveLength(250)
      expect(await page.locator('[data-testid="network-list"] li', { hasText: 'xxxxxxxxxx' }).count()).toBe(0)

      // Change one: Oma moves from very close to close, from the list's link (the dot opens the same page).
      const [oma, kees] = people
      await page.getByRole('link', { name: `Bekijk of verander ${oma!.name}` }).click()
      await page.waitForURL(/\/netwerk\/persoon\/[0-9a-f-]+$/)
      const personUrl = page.url()
      await page.getByLabel('Hoe dichtbij?').selectOption({ label: 'Dichtbij' })
      await page.getByRole('button', { name: 'Opslaan' }).click()
      await expect.poll(() => page.locator('.notice--ok').textContent()).toContain('Opgeslagen.')
      await noHorizontalScroll(page)
      await page.getByRole('link', { name: 'Terug naar mijn netwerk' }).click()
      await page.waitForURL(`${e2e.server.url}/netwerk`)
      expect(await dotPlace(page, oma!.name)).toEqual({ area: 'family', ring: 2 })
      expect(await listedRing(page, 'family', oma!.name)).toBe('2')
      const href = await page.locator(`[data-testid="network-map"] a[data-name="${oma!.name}"]`).getAttribute('href')
      expect(href).toBe(new URL(personUrl).pathname)

      // Remove one.
      await page.getByRole('link', { name: `Bekijk of verander ${kees!.name}` }).click()
      await page.getByRole('button', { name: 'Van mijn kaart halen' }).click()
      await page.waitForURL(`${e2e.server.url}/netwerk`)
      expect(await listedRing(page, 'friends', kees!.name)).toBeNull()
      expect(await page.locator(`[data-testid="network-map"] [data-name="${kees!.name}"]`).count()).toBe(0)

      // A resource beside the map, linked to a person.
      await page.getByLabel('Wat helpt je?').fill('Oma kookt op zondag')
      await page.getByLabel('Hoort bij').selectOption({ label: `Persoon: ${oma!.name}` })
      await page.getByRole('button', { name: 'Hulpbron bewaren' }).click()
      await expect.poll(() => page.locator('.network-resources').textContent()).toContain('Oma kookt op zondag')

      // Then and now: the day before shows nobody; today shows who is on the map.
      await page.getByRole('link', { name: 'Vergelijken met vroeger' }).click()
      await page.waitForURL(/\/netwerk\/vergelijken/)
      await expect.poll(() => page.locator('[data-testid="network-changes"] li', { hasText: `${oma!.name} kwam erbij` }).count(), { timeout: 10_000 }).toBe(1)
      await noHorizontalScroll(page)

      // Print on A4.
      await page.goto(`${e2e.server.url}/netwerk/afdrukken`)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Netwerkkaart van Sam')
      await page.emulateMedia({ media: 'print' })
      expect(await page.locator('.site-header').isVisible()).toBe(false)
      expect(await page.locator('[data-testid="network-map"] [data-person]').count()).toBeGreaterThanOrEqual(2)
      const pdf = await page.pdf({ format: 'A4', printBackground: false })
      expect(pdf.byteLength).toBeGreaterThan(10_000)
      expect(errors).toEqual([])
      await context.close()
    })
  }
})

describe("the worker's view of the network at 360 px and 1280 px", () => {
  it('noor sees nothing before sam shares; with a share she sees the map, suggests a person, and sam decides; eva reads without the forms', { timeout: 150_000 }, async () => {
    const sam = await signInOnPhone(e2e.browser, e2e.server.url, 'sam')
    const noor = await signInOnPhone(e2e.browser, e2e.server.url, 'noor', { javaScript: false })
    const eva = await signInOnPhone(e2e.browser, e2e.server.url, 'eva')
    const idOf = async (page: Page) => ((await (await page.request.get(`${e2e.server.url}/api/v1/me`)).json()) as { id: string }).id
    const [samId, noorId, evaId] = await Promise.all([idOf(sam.page), idOf(noor.page), idOf(eva.page)])
    const share = (granteeId: string, access: 'read' | 'comment') =>
      sam.page.request.post(`${e2e.server.url}/api/v1/clients/${samId}/consents`, {
        headers: { origin: e2e.server.url },
        data: { granteeId, scopes: ['network'], excludeDomains: [], access, endsAt: null },
      })

    // Not shared: no link on the client's page, and the page itself says so kindly.
    await noor.page.goto(`${e2e.server.url}/clienten/${samId}`)
    expect(await noor.page.getByRole('link', { name: 'Netwerk', exact: true }).count()).toBe(0)
    await noor.page.goto(`${e2e.server.url}/clienten/${samId}/netwerk`)
    // Nothing shared means the worker does not get the client's name from the shares either: the
    // page must not print a blank where the name would be ("Netwerk van ").
    expect(await noor.page.getByRole('heading', { level: 1 }).textContent()).toBe('Netwerk')
    expect(await noor.page.getByTestId('network-not-shared').textContent()).toBe('De cliënt heeft dit (nu) niet met jou gedeeld. Dat is hun keuze. Vraag het gerust in een gesprek.')

    expect((await share(noorId, 'comment')).status()).toBe(201)
    await noor.page.goto(`${e2e.server.url}/clienten/${samId}`)
    await noor.page.getByRole('link', { name: 'Netwerk', exact: true }).click()
    await noor.page.waitForURL(`${e2e.server.url}/clienten/${samId}/netwerk`)
    expect(await noor.page.getByTestId('access-line').textContent()).toContain('Sam beslist')
    await noHorizontalScroll(noor.page)

    // A suggestion with a name far too long keeps the typing and says why; then a good one.
    const suggest = noor.page.locator('form', { has: noor.page.getByRole('button', { name: 'Voorstel sturen' }) })
    await suggest.getByLabel('Naam of bijnaam').fill('x'.repeat(250))
    await suggest.getByLabel('Waar hoort deze persoon bij?').selectOption({ label: 'Vrienden en kennissen' })
    await suggest.getByLabel('Hoe dichtbij?').selectOption({ label: 'Dichtbij' })
    await suggest.getByRole('button', { name: 'Voorstel sturen' }).click()
    await expect.poll(() => noor.page.locator('#suggest-name-error').textContent()).toContain('te lang')
    expect(await noor.page.locator('#suggest-name').inputValue()).toHaveLength(250)
    await noor.page.locator('#suggest-name').fill('Buurvrouw Jet')
    await noor.page.getByRole('button', { name: 'Voorstel sturen' }).click()
    await noor.page.waitForURL(/verstuurd=1/)
    expect(await noor.page.locator('.notice').first().textContent()).toContain('Sam beslist zelf')
    expect(await noor.page.getByTestId('network-suggestion').textContent()).toContain('Wacht op een antwoord')
    // The suggestion is not on the map before sam says yes.
    expect(await noor.page.locator('[data-testid="network-map"] [data-name="Buurvrouw Jet"]').count()).toBe(0)

    // Sam says yes on the own map page.
    await sam.page.goto(`${e2e.server.url}/netwerk`)
    const offered = sam.page.getByTestId('network-suggestion').filter({ hasText: 'Buurvrouw Jet' })
    await offered.getByRole('button', { name: 'Ja, graag' }).click()
    await expect.poll(() => sam.page.locator('[data-testid="network-map"] [data-name="Buurvrouw Jet"]').count()).toBe(1)

    // Eva, with a read-only share, at 1280 px: the map, no forms.
    expect((await share(evaId, 'read')).status()).toBe(201)
    await eva.page.setViewportSize({ width: 1280, height: 900 })
    await eva.page.goto(`${e2e.server.url}/clienten/${samId}/netwerk`)
    expect(await eva.page.getByTestId('access-line').textContent()).toContain('om te lezen')
    expect(await eva.page.locator('[data-testid="network-map"] [data-name="Buurvrouw Jet"]').count()).toBe(1)
    expect(await eva.page.getByRole('button', { name: 'Voorstel sturen' }).count()).toBe(0)
    expect(await eva.page.getByRole('button', { name: 'Opmerking plaatsen' }).count()).toBe(0)
    await expectAccessible(eva.page)
    expect([...sam.errors, ...noor.errors, ...eva.errors]).toEqual([])
    await Promise.all([sam.close(), noor.close(), eva.close()])
  })
})
