import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()
const idOf = async (page: Page) => ((await (await page.request.get(`${e2e.server.url}/api/v1/me`)).json()) as { id: string }).id
const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? ''

/**
 * The worker's screens speak about the client, not as the client: no "Mijn actieplan" or "Jouw wens"
 * for what is Sam's; what the worker is told the client sees is where the client finds it; and a plan
 * signed by someone shows them no sign button for the same version again (360 px).
 */
describe("the worker's words on the client's plan, and signing it once (360 px)", () => {
  it('noor reads and comments on sam\'s plan and signs; sam finds the comment at the goal and signs; eva reads the parts by their names', { timeout: 180_000 }, async () => {
    const sam = await signInOnPhone(e2e.browser, e2e.server.url, 'sam')
    const noor = await signInOnPhone(e2e.browser, e2e.server.url, 'noor')
    const eva = await signInOnPhone(e2e.browser, e2e.server.url, 'eva')
    const [samId, noorId, evaId] = await Promise.all([idOf(sam.page), idOf(noor.page), idOf(eva.page)])
    const api = `${e2e.server.url}/api/v1/clients/${samId}`
    const headers = { origin: e2e.server.url }
    for (const granteeId of [noorId, evaId]) {
      const shared = await sam.page.request.post(`${api}/consents`, { headers, data: { granteeId, scopes: ['inventory', 'action_plan'], excludeDomains: [], access: 'comment', endsAt: null } })
      expect(shared.status()).toBe(201)
    }
    const goal = await sam.page.request.post(`${api}/goals`, { headers, data: { text: 'Weer bakken, eerst een paar ochtenden.', domain: 'work', wish: 'Weer bakken, eerst een paar ochtenden.' } })
    expect(goal.status()).toBe(201)
    const goalId = ((await goal.json()) as { goal: { id: string } }).goal.id
    const step = await sam.page.request.post(`${api}/goals/${goalId}/actions`, { headers, data: { what: 'Ik bel de bakkerij op de hoek', who: 'client', when: '2027-01-15' } })
    expect(step.status()).toBe(201)

    // The caseload and the client's page name the parts as Sam's, not as noor's own.
    await noor.page.goto(`${e2e.server.url}/caseload`)
    let text = await mainText(noor.page)
    expect(text).toContain('Krachten, Actieplan')
    expect(text).not.toContain('Mijn krachten')
    await noor.page.goto(`${e2e.server.url}/clienten/${samId}`)
    // (On a phone the links sit on the second tab, "Reacties en voorstellen".)
    expect(await noor.page.locator('.client-sections a').allTextContents()).toContain('Actieplan')
    expect(await noor.page.locator('.client-sections a').allTextContents()).not.toContain('Mijn actieplan')

    // The plan: Sam's wish, an agreement between Sam and the worker, a comment that says where Sam reads it.
    await noor.page.goto(`${e2e.server.url}/clienten/${samId}/actieplan`)
    text = await mainText(noor.page)
    expect(text).toContain('Wens van Sam')
    expect(text).not.toContain('Jouw wens')
    expect(text).not.toContain('je begeleider')
    expect(text).toContain('Afspraak over het plan')
    // Sam's own step is Sam's, not the worker's "ik".
    expect(text).toContain('Wie: Sam')
    expect(text).not.toContain('Wie: ik')
    // A suggested step reads as one, and says it waits for Sam.
    await noor.page.getByLabel('Stel een stap voor').fill('Samen een cv maken')
    await noor.page.getByRole('button', { name: 'Versturen' }).nth(1).click()
    await expect.poll(async () => (await noor.page.getByTestId('goal-comment').allTextContents()).join(' ')).toContain('Noor Haddou stelt een stap voor: Samen een cv maken')
    expect(await mainText(noor.page)).toContain('Wacht op Sam.')
    await noor.page.getByLabel('Schrijf een reactie').fill('Welke bakkerij heb je in gedachten?')
    await noor.page.getByRole('button', { name: 'Versturen' }).first().click()
    await noor.page.getByText('Verstuurd. Sam ziet het bij het doel.').waitFor()
    await noor.page.getByRole('button', { name: 'Ondertekenen' }).click()
    await noor.page.getByTestId('signed-by-you').waitFor()
    expect(await noor.page.getByRole('button', { name: 'Ondertekenen' }).count()).toBe(0)
    await noHorizontalScroll(noor.page)

    // Sam reads the comment at the goal, as noor was told, and signs once.
    await sam.page.goto(`${e2e.server.url}/plan/doel/${goalId}`)
    expect(await mainText(sam.page)).toContain('Welke bakkerij heb je in gedachten?')
    await sam.page.goto(`${e2e.server.url}/plan`)
    await sam.page.getByRole('button', { name: 'Ondertekenen' }).click()
    await sam.page.getByTestId('signed-by-you').waitFor()
    expect(await sam.page.getByRole('button', { name: 'Ondertekenen' }).count()).toBe(0)
    expect(await mainText(sam.page)).toContain('Getekend door Noor Haddou')

    // Eva's list names what Sam shares with her the same way.
    await eva.page.goto(`${e2e.server.url}/gedeeld`)
    text = await mainText(eva.page)
    expect(text).toContain('Krachten, Actieplan')
    expect(text).not.toContain('Mijn ')

    expect([...sam.errors, ...noor.errors, ...eva.errors]).toEqual([])
    await Promise.all([sam.close(), noor.close(), eva.close()])
  })
})
