import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

const signedInAsSam = (javaScript: boolean) => signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript })

describe('the strengths inventory at 360 px', () => {
  it('shows the portrait with priorities on top and empty domains inviting a first sentence', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await signedInAsSam(true)
    await page.getByRole('link', { name: 'Mijn krachten' }).first().click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mijn krachten')
    const priorities = await page.locator('.priority-list li strong').allTextContents()
    expect(priorities).toEqual(['Wonen en dagelijks leven', 'Werk, leren en dagbesteding'])
    expect(await page.locator('.domain-card').count()).toBe(10)
    expect(await page.locator('.domain-card.is-empty').count()).toBe(3)
    expect(await page.getByRole('link', { name: 'Schrijf hier je eerste zin' }).count()).toBe(3)
    await noHorizontalScroll(page)
    await expectAccessible(page)
    expect(errors).toEqual([])
    await context.close()
  })

  it('writes a statement with live tips (JavaScript), keeping the words', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await signedInAsSam(true)
    await page.goto(`${e2e.server.url}/inventaris/nieuw?domein=meaning`)
    // Changing one's mind between starters swaps them, never "Ik ben Ik kan".
    await page.locator('.starter', { hasText: 'Ik ben…' }).click()
    expect(await page.getByLabel('Je zin').inputValue()).toBe('Ik ben ')
    await page.locator('.starter', { hasText: 'Ik kan…' }).click()
    expect(await page.getByLabel('Je zin').inputValue()).toBe('Ik kan ')
    await page.getByLabel('Je zin').pressSequentially('niet stilzitten, ik wandel elke dag')
    await expect.poll(() => page.locator('.tips').textContent(), { timeout: 5000 }).toContain("Je schreef 'niet'")
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/inventaris\/leefgebied\/meaning/)
    expect(await page.locator('.statement.is-new .statement-text').textContent()).toBe('Ik kan niet stilzitten, ik wandel elke dag')
    expect(await page.getByRole('status').first().textContent()).toContain('Opgeslagen')
    expect(errors).toEqual([])
    await context.close()
  })

  it('opened without a life domain, none is chosen: saving asks for one beside the field and keeps the words', { timeout: 60_000 }, async () => {
    const { context, page } = await signedInAsSam(false)
    await page.goto(`${e2e.server.url}/inventaris/nieuw`)
    expect(await page.locator('#statement-domain').inputValue()).toBe('')
    expect(await page.locator('#statement-domain option:checked').textContent()).toBe('Kies een leefgebied')
    await page.getByLabel('Je zin').fill('Ik kan goed luisteren naar mijn vrienden')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(() => page.locator('#statement-domain-error').textContent()).toBe('Vul dit in.')
    expect(await page.getByLabel('Je zin').inputValue()).toBe('Ik kan goed luisteren naar mijn vrienden')
    await page.locator('#statement-domain').selectOption('relationships')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/inventaris\/leefgebied\/relationships/)
    expect(await page.locator('.statement.is-new .statement-text').textContent()).toBe('Ik kan goed luisteren naar mijn vrienden')
    await context.close()
  })

  it('writes a statement without JavaScript: tips after saving, errors beside the field, nothing lost', { timeout: 60_000 }, async () => {
    const { context, page } = await signedInAsSam(false)
    await page.goto(`${e2e.server.url}/inventaris/nieuw?domein=safety`)
    // Only spaces: the message shows beside the field, the other choices stay.
    await page.locator('.segment', { hasText: 'Later' }).click()
    await page.getByLabel('Je zin').fill('   ')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(() => page.locator('#statement-text-error').textContent()).toBe('Vul dit in.')
    expect(await page.locator('input[name="time"][value="future"]').isChecked()).toBe(true)
    expect(await page.locator('#statement-domain').inputValue()).toBe('safety')
    await page.getByLabel('Je zin').fill('<b>mijn buurvrouw</b> let op mij, ze is niet bang')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/inventaris\/leefgebied\/safety/)
    // Shown as text, not as HTML.
    expect(await page.locator('.statement.is-new .statement-text').textContent()).toBe('<b>mijn buurvrouw</b> let op mij, ze is niet bang')
    expect(await page.locator('.statement.is-new b').count()).toBe(0)
    expect(await page.locator('.tips').textContent()).toContain('niet')
    await context.close()
  })

  it('changes a statement, and a stale version is refused without losing the new words', { timeout: 60_000 }, async () => {
    const { context, page } = await signedInAsSam(false)
    await page.goto(`${e2e.server.url}/inventaris/leefgebied/leisure`)
    await page.getByRole('link', { name: /Aanpassen: Ik kan goed tekenen/ }).click()
    const editUrl = page.url()
    // A second tab saves first.
    const other = await context.newPage()
    await other.goto(editUrl)
    await other.getByLabel('Je zin').fill('Ik kan goed tekenen, vooral vogels')
    await other.getByRole('button', { name: 'Opslaan' }).click()
    await other.waitForURL(/leefgebied\/leisure/)
    await page.getByLabel('Je zin').fill('Ik kan goed tekenen en schilderen')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('ergens anders aangepast')
    expect(await page.getByLabel('Je zin').inputValue()).toBe('Ik kan goed tekenen en schilderen')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/leefgebied\/leisure/)
    expect(await page.locator('.statement.is-new .statement-text').textContent()).toBe('Ik kan goed tekenen en schilderen')
    await context.close()
  })

  it('sets priorities in order with a wish', { timeout: 60_000 }, async () => {
    const { context, page } = await signedInAsSam(true)
    await page.goto(`${e2e.server.url}/inventaris/prioriteiten`)
    expect(await page.locator('fieldset.priority-place').count()).toBe(4)
    const third = page.locator('fieldset.priority-place').nth(2)
    await third.getByLabel('Leefgebied').selectOption('health')
    await third.getByLabel('Wat wil je hier? (mag leeg)').fill('Elke dag wandelen')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('opgeslagen')
    await page.goto(`${e2e.server.url}/inventaris`)
    expect(await page.locator('.priority-list li strong').allTextContents()).toEqual([
      'Wonen en dagelijks leven',
      'Werk, leren en dagbesteding',
      'Gezondheid en goed voor jezelf zorgen',
    ])
    await context.close()
  })

  it('looks back to a date, shows changes since and the growth picture', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await signedInAsSam(true)
    await page.goto(`${e2e.server.url}/inventaris/terugkijken`)
    const sixtyDaysAgo = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10)
    await page.getByLabel('Kies een dag').fill(sixtyDaysAgo)
    await page.getByRole('button', { name: 'Laat zien' }).click()
    await page.waitForURL(new RegExp(`datum=${sixtyDaysAgo}`))
    // The story of what came in, by day and life domain, never a count of sentences.
    const growth = (await page.getByTestId('growth-days').textContent()) ?? ''
    expect(growth).toContain('je begon met')
    expect(growth).not.toMatch(/\d+ zinnen/)
    expect(await page.locator('.change').count()).toBeGreaterThan(3)
    expect(await page.locator('#then-title ~ .then-domain').count()).toBeGreaterThan(3)
    await noHorizontalScroll(page)
    await expectAccessible(page)
    expect(errors).toEqual([])
    await context.close()
  })

  it('renders the checklist and the print view, which fits A4', { timeout: 60_000 }, async () => {
    const { context, page } = await signedInAsSam(true)
    await page.goto(`${e2e.server.url}/inventaris/kwaliteit`)
    expect(await page.locator('.check').count()).toBe(9)
    expect(await page.locator('.check--done').count()).toBeGreaterThan(0)
    await page.goto(`${e2e.server.url}/inventaris/afdrukken`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('De krachten van Sam')
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.site-header').isVisible()).toBe(false)
    expect(await page.locator('.print-domain').count()).toBe(10)
    const pdf = await page.pdf({ format: 'A4', printBackground: false })
    expect(pdf.byteLength).toBeGreaterThan(10_000)
    await context.close()
  })
})
