import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

/** A day `days` from now, as a date input takes it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

const thisWeek = (page: Page) => page.getByTestId('this-week').textContent()

// Without JavaScript first (every form a page load), then with it: the same road, each from its own priority.
describe.each([
  { javaScript: false, priority: 'Wonen', wish: 'Een eigen plek waar Lina kan logeren.', steps: ['Woningnet openen', 'Brief urgentie lezen'] },
  { javaScript: true, priority: 'Werk', wish: 'Weer bakken, eerst een paar ochtenden.', steps: ['Bakker Jan bellen', 'Schort wassen'] },
])('the action plan at 360 px, JavaScript $javaScript', ({ javaScript, priority, wish, steps }) => {
  it('a goal from a priority with two steps, one done and celebrated, "Deze week" changes, print', { timeout: 420_000 }, async () => {
    const { context, page, errors } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript })
    const [first, second] = steps as [string, string]

    // From a priority: the wish written there is the start of the goal, in the client's words.
    await page.getByRole('link', { name: 'Mijn actieplan' }).first().click()
    await page.waitForURL(`${e2e.server.url}/plan`)
    await page.getByRole('link', { name: 'Nieuw doel' }).click()
    await page.getByRole('link', { name: new RegExp(`Begin bij ${priority}`) }).click()
    expect(await page.locator('#goal-text').inputValue()).toBe(wish)
    await noHorizontalScroll(page)
    await page.getByRole('button', { name: 'Doel opslaan' }).click()
    await page.waitForURL(/\/plan\/doel\/[0-9a-f-]+\?nieuw=1/)
    expect(await page.locator('#goal-title').textContent()).toBe(wish)
    // The goal check asks gently; it never grades.
    expect(await page.getByTestId('goal-check').textContent()).toContain('Wat is een eerste kleine stap?')

    // An empty step: a message beside the field, nothing added, and what was typed stays.
    await page.locator('#step-how').fill('Met de laptop')
    await page.getByRole('button', { name: 'Stap toevoegen' }).click()
    await expect.poll(() => page.locator('#step-what-error').textContent()).toBe('Vul dit in.')
    expect(await page.locator('#step-how').inputValue()).toBe('Met de laptop')
    expect(await page.getByTestId('step').count()).toBe(0)

    // Two steps: one for me, one with my worker.
    await page.locator('#step-what').fill(first)
    await page.locator('#step-when').fill(day(1))
    await page.getByRole('button', { name: 'Stap toevoegen' }).click()
    await expect.poll(() => page.getByTestId('step').count()).toBe(1)
    await page.locator('#step-what').fill(second)
    await page.locator('#step-how').fill('')
    await page.getByLabel('Mijn begeleider').check()
    await page.locator('#step-when').fill(day(2))
    await page.getByRole('button', { name: 'Stap toevoegen' }).click()
    await expect.poll(() => page.getByTestId('step').count()).toBe(2)
    expect(await page.getByTestId('goal-check').textContent()).not.toContain('Wie helpt je hierbij?')
    await noHorizontalScroll(page)
    // A step's words stay the client's to change (the walk of round h25 found only done, move and drop).
    const secondStep = page.getByTestId('step').filter({ hasText: second })
    await secondStep.getByText('Woorden aanpassen').click()
    await secondStep.getByLabel('Wat ga je doen?').fill(`${second}, samen`)
    await secondStep.getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(() => page.getByTestId('step').filter({ hasText: `${second}, samen` }).count()).toBe(1)
    expect(await page.getByTestId('step').count()).toBe(2)
    await noHorizontalScroll(page)
    const goalUrl = page.url().split('?')[0] ?? ''

    await page.goto(`${e2e.server.url}/`)
    expect(await thisWeek(page)).toContain(first)
    expect(await thisWeek(page)).toContain(second)

    // Done: a warm sentence, never a grade.
    await page.goto(goalUrl)
    await page.getByTestId('step').filter({ hasText: first }).getByRole('button', { name: 'Gedaan' }).click()
    await expect.poll(() => page.getByTestId('celebration').count()).toBe(1)
    const celebration = (await page.getByTestId('celebration').textContent()) ?? ''
    expect(celebration.length).toBeGreaterThan(10)
    expect(celebration).not.toMatch(/goed bezig|\d+ van \d+|cijfer|score/i)
    expect(await page.getByTestId('step').filter({ hasText: first }).textContent()).toContain('Gedaan op')
    await noHorizontalScroll(page)
    // axe-core runs as a script in the page: only where the page may run one.
    if (javaScript) await expectAccessible(page)

    await page.goto(`${e2e.server.url}/`)
    expect(await thisWeek(page)).not.toContain(first)
    expect(await thisWeek(page)).toContain(second)

    // Print: the goal and its steps on A4, the page's own buttons left out.
    await page.goto(`${e2e.server.url}/plan/afdrukken`)
    const sheet = await page.getByTestId('print-goal').filter({ hasText: wish }).textContent()
    expect(sheet).toContain(first)
    expect(sheet).toContain(second)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.no-print').first().isVisible()).toBe(false)
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.byteLength).toBeGreaterThan(1000)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe("the worker's and the peer expert's view of the plan at 360 px and 1280 px", () => {
  it('noor comments on a goal and suggests a step, sam takes the step up; eva reads without the forms', { timeout: 200_000 }, async () => {
    const { url } = e2e.server
    const sam = await signInOnPhone(e2e.browser, url, 'sam')
    const noor = await signInOnPhone(e2e.browser, url, 'noor', { javaScript: false })
    const eva = await signInOnPhone(e2e.browser, url, 'eva')
    const idOf = async (page: Page) => ((await (await page.request.get(`${url}/api/v1/me`)).json()) as { id: string }).id
    const [samId, noorId, evaId] = await Promise.all([idOf(sam.page), idOf(noor.page), idOf(eva.page)])
    const created = await sam.page.request.post(`${url}/api/v1/clients/${samId}/goals`, { headers: { origin: url }, data: { text: 'Ik wil weer zwemmen met Lina.', domain: 'leisure' } })
    expect(created.status()).toBe(201)
    const goalId = ((await created.json()) as { goal: { id: string } }).goal.id
    const share = (granteeId: string, access: 'read' | 'comment') =>
      sam.page.request.post(`${url}/api/v1/clients/${samId}/consents`, { headers: { origin: url }, data: { granteeId, scopes: ['action_plan'], excludeDomains: [], access, endsAt: null } })
    expect((await share(noorId, 'comment')).status()).toBe(201)
    expect((await share(evaId, 'read')).status()).toBe(201)

    // Noor (no JavaScript): an empty comment is named beside its field; then a comment and a step.
    await noor.page.goto(`${url}/clienten/${samId}/actieplan`)
    await expect.poll(() => noor.page.locator('h1').textContent()).toBe('Actieplan van Sam')
    expect(await noor.page.getByTestId('access-line').count()).toBe(0)
    const goal = noor.page.locator(`#doel-${goalId}`)
    await goal.getByLabel('Schrijf een reactie').fill('Mooi doel. Weet je al welk zwembad?')
    await goal.locator('form', { has: noor.page.getByLabel('Schrijf een reactie') }).getByRole('button', { name: 'Versturen' }).click()
    await noor.page.waitForURL(/verstuurd=1/)
    await goal.getByLabel('Stel een stap voor').fill('Zwemtijden van het Sportfondsenbad opzoeken')
    await goal.locator('form', { has: noor.page.getByLabel('Stel een stap voor') }).getByRole('button', { name: 'Versturen' }).click()
    await noor.page.waitForURL(/verstuurd=1/)
    await expect.poll(() => goal.locator('.comment').count()).toBe(2)
    await noHorizontalScroll(noor.page)

    // Sam sees both under the goal and takes the step up.
    await sam.page.goto(`${url}/plan/doel/${goalId}`)
    await expect.poll(() => sam.page.getByTestId('goal-comment').count()).toBe(2)
    expect(await sam.page.getByTestId('goal-comment').first().textContent()).toContain('Weet je al welk zwembad?')
    // Sam chooses who does it and when; the words of the step stay the suggested ones.
    const offered = sam.page.getByTestId('goal-comment').filter({ hasText: 'Zwemtijden van het Sportfondsenbad opzoeken' })
    await offered.getByLabel('Wanneer?').fill(day(3))
    await offered.getByRole('button', { name: 'Ja, toevoegen' }).click()
    await expect.poll(() => sam.page.getByTestId('step').filter({ hasText: 'Zwemtijden van het Sportfondsenbad opzoeken' }).count()).toBe(1)

    // Eva, with a read-only share, at 1280 px: the plan with the new step, and no forms.
    await eva.page.setViewportSize({ width: 1280, height: 900 })
    await eva.page.goto(`${url}/clienten/${samId}/actieplan`)
    await expect.poll(() => eva.page.getByTestId('access-line').textContent()).toContain('Je mag het plan lezen')
    expect(await eva.page.locator(`#doel-${goalId}`).textContent()).toContain('Zwemtijden van het Sportfondsenbad opzoeken')
    expect(await eva.page.getByRole('button', { name: 'Versturen' }).count()).toBe(0)
    await expectAccessible(eva.page)
    expect([...sam.errors, ...noor.errors, ...eva.errors]).toEqual([])
    await Promise.all([sam.close(), noor.close(), eva.close()])
  })
})
