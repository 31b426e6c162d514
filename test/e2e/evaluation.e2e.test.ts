import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

/** Sam's worker page, reached the way noor gets there: the caseload, then sam. Returns sam's id. */
async function openSam(page: Page, baseUrl: string): Promise<string> {
  await page.goto(`${baseUrl}/caseload`)
  await page.getByRole('link', { name: 'Bekijken' }).first().click()
  await page.waitForURL(/\/clienten\/[0-9a-f-]{36}$/)
  const id = /\/clienten\/([0-9a-f-]{36})$/.exec(page.url())?.[1]
  if (!id) throw new Error(`no client id in ${page.url()}`)
  return id
}

/** Answers one question in the evaluation and waits until the page says it is saved. */
async function answer(page: Page, item: string, text: string) {
  const row = page.locator(`li[data-item="${item}"]`)
  await row.locator('textarea').fill(text)
  await row.getByRole('button', { name: 'Antwoord opslaan' }).click()
  await page.locator(`li[data-item="${item}"] [role="status"]`).waitFor()
}

/** The current heading of a page, once the (client-side) navigation has rendered it. */
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

describe('the trajectory together at 360 px', () => {
  it('noor (no JavaScript) opens an evaluation at an evaluation phase; both answer every question, both sign, sam sees it', { timeout: 400_000 }, async () => {
    const { url } = e2e.server
    const noor = await signInOnPhone(e2e.browser, url, 'noor', { javaScript: false })
    const samId = await openSam(noor.page, url)
    await noor.page.goto(`${url}/clienten/${samId}/traject`)
    await noor.page.getByLabel('Critical Time Intervention (CTI)').check()
    await noor.page.getByRole('button', { name: 'Traject beginnen' }).click()
    await noor.page.waitForURL(/klaar=start/)
    // Structuring is no phase to evaluate in: nothing to start yet.
    expect(await noor.page.getByRole('button', { name: 'Samen terugkijken beginnen' }).count()).toBe(0)
    await noor.page.getByRole('button', { name: 'Naar de volgende fase: Uitproberen' }).click()
    await noor.page.waitForURL(/klaar=next/)
    await noor.page.getByRole('button', { name: 'Naar de volgende fase: Overdragen' }).click()
    await noor.page.waitForURL(/klaar=next/)
    await noor.page.getByRole('button', { name: 'Samen terugkijken beginnen' }).click()
    await noor.page.waitForURL(/\/traject\/terugkijken\/[0-9a-f-]{36}$/)
    expect(await heading(noor.page)).toBe('Samen terugkijken')
    // The method's checklist, in its order: every question the page asks.
    const evaluationItems = await noor.page.locator('li[data-item]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item') ?? ''))
    expect(evaluationItems).toEqual(['goals_met', 'quality_of_life', 'working_relation', 'looking_back', 'strengths_resources', 'capacity', 'new_goals', 'extension', 'aftercare'])
    for (const item of evaluationItems) await answer(noor.page, item, `Wat ik zag bij ${item}: Sam regelt veel zelf.`)
    await noHorizontalScroll(noor.page)
    // Signing waits for sam's answers.
    expect(await noor.page.getByText('Eerst geven jullie allebei op elke vraag een antwoord.').count()).toBe(1)

    const sam = await signInOnPhone(e2e.browser, url, 'sam')
    await sam.page.goto(`${url}/traject`)
    await sam.page.getByTestId('evaluations').getByRole('link', { name: 'Bekijken' }).click()
    await sam.page.waitForURL(/\/traject\/terugkijken\/[0-9a-f-]{36}$/)
    await expect.poll(() => heading(sam.page)).toBe('Samen terugkijken')
    // Sam reads noor's answer beside their own question, and writes their own.
    expect(await sam.page.locator('li[data-item="goals_met"] [data-side="worker"]').textContent()).toContain('Sam regelt veel zelf')
    for (const item of evaluationItems) await answer(sam.page, item, `In mijn eigen woorden over ${item}.`)
    await sam.page.getByRole('button', { name: 'Ik teken' }).click()
    await sam.page.getByText('Je hebt getekend.').waitFor()
    await noHorizontalScroll(sam.page)
    await expectAccessible(sam.page)

    await noor.page.reload()
    expect(await noor.page.locator('li[data-item="aftercare"] [data-side="client"]').textContent()).toBe('In mijn eigen woorden over aftercare.')
    await noor.page.getByRole('button', { name: 'Ik teken' }).click()
    await noor.page.getByText('Jullie hebben allebei getekend.').waitFor()

    // Sam sees it signed by both; it stays readable, no longer a form.
    await sam.page.goto(`${url}/traject`)
    await sam.page.getByTestId('evaluations').getByText('Allebei getekend').waitFor()
    await sam.page.getByTestId('evaluations').getByRole('link', { name: 'Bekijken' }).click()
    await sam.page.waitForURL(/\/traject\/terugkijken\/[0-9a-f-]{36}$/)
    await sam.page.getByText('Jullie hebben allebei getekend.').waitFor()
    expect(await sam.page.locator('li[data-item="goals_met"] textarea').count()).toBe(0)
    expect(await sam.page.locator('[data-signer]').count()).toBe(2)
    expect(sam.errors).toEqual([])
    expect(noor.errors).toEqual([])
    await sam.close()
    await noor.close()
  })

  it("a team meeting is prepared from sam's team share; sam writes the question; sam accepts an idea of the team", { timeout: 300_000 }, async () => {
    const { url } = e2e.server
    const noor = await signInOnPhone(e2e.browser, url, 'noor', { javaScript: false })
    const samId = await openSam(noor.page, url)
    await noor.page.goto(`${url}/clienten/${samId}/traject`)
    // Without sam's team share there is nothing to prepare from: no button.
    await noor.page.getByTestId('no-team-share').waitFor()
    expect(await noor.page.getByRole('button', { name: 'Bespreking voorbereiden' }).count()).toBe(0)

    const sam = await signInOnPhone(e2e.browser, url, 'sam')
    await sam.page.goto(`${url}/delen`)
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    await sam.page.getByLabel('Tot en met welke dag?').fill(tomorrow)
    await sam.page.getByRole('button', { name: 'Laat het team meekijken' }).click()
    await sam.page.waitForURL(/gedeeld=/)

    await noor.page.reload()
    await noor.page.getByLabel('Datum en tijd van de bespreking').fill(`${tomorrow}T10:00`)
    await noor.page.getByRole('button', { name: 'Bespreking voorbereiden' }).click()
    await noor.page.waitForURL(/\/traject\/teambespreking\/[0-9a-f-]{36}$/)
    expect(await heading(noor.page)).toBe('Teamkrachtbespreking')
    expect(await noor.page.getByTestId('shared-statements').locator('li').count()).toBeGreaterThan(0)
    expect(await noor.page.locator('.team-step').count()).toBe(8)
    await noHorizontalScroll(noor.page)

    await sam.page.goto(`${url}/traject`)
    await sam.page.getByTestId('team-meetings').getByRole('link', { name: 'Bekijken' }).click()
    await sam.page.waitForURL(/\/traject\/teambespreking\/[0-9a-f-]{36}$/)
    await expect.poll(() => heading(sam.page)).toBe('Bespreking met het team')
    await sam.page.getByLabel('Schrijf in je eigen woorden waar het team over mag meedenken.').fill('Hoe vind ik werk in de buurt, met mijn rijbewijs?')
    await sam.page.getByRole('button', { name: 'Vraag opslaan' }).click()
    await sam.page.getByText('Je vraag is opgeslagen.').waitFor()

    await noor.page.reload()
    expect(await noor.page.getByTestId('client-question').textContent()).toBe('Hoe vind ik werk in de buurt, met mijn rijbewijs?')
    await noor.page.getByLabel('6. Brainstorm: ideeën van het team').fill('Werkcafé, oefenen met Eva, vacatures bij de bakker')
    await noor.page.getByRole('button', { name: 'Notities opslaan' }).click()
    await noor.page.getByText('De notities zijn opgeslagen.').waitFor()
    await noor.page.getByLabel('Idee van het team').fill('Vraag bij de bibliotheek naar het werkcafé.')
    await noor.page.getByRole('button', { name: 'Idee toevoegen' }).click()
    await noor.page.getByText('Het idee staat bij de cliënt klaar.').waitFor()

    await sam.page.reload()
    const idea = sam.page.locator('[data-idea-status]').filter({ hasText: 'Vraag bij de bibliotheek naar het werkcafé.' })
    await idea.getByRole('button', { name: 'Dit wil ik doen' }).click()
    await sam.page.getByText('Je koos dit idee.').waitFor()
    expect(await idea.getAttribute('data-idea-status')).toBe('accepted')
    await noHorizontalScroll(sam.page)
    await expectAccessible(sam.page)

    await noor.page.reload()
    expect(await noor.page.getByTestId('team-ideas').textContent()).toContain('De cliënt koos dit')
    expect(sam.errors).toEqual([])
    expect(noor.errors).toEqual([])
    await sam.close()
    await noor.close()
  })
})
