import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hydrated, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()
const idOf = async (page: Page) => ((await (await page.request.get(`${e2e.server.url}/api/v1/me`)).json()) as { id: string }).id

/**
 * The worker's story when the client stops sharing while she writes: the page says so in plain words
 * (not "something is filled in wrong"), shows none of the client's words any more, and what she typed
 * is still on the screen (360 px, with and without JavaScript).
 */
describe('the client stops sharing while the worker writes (360 px)', () => {
  for (const javaScript of [true, false]) {
    it(`a comment on a statement and on a goal: "no longer shared", no stale data, the typed text kept (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 180_000 }, async () => {
      const sam = await signInOnPhone(e2e.browser, e2e.server.url, 'sam')
      const noor = await signInOnPhone(e2e.browser, e2e.server.url, 'noor', { javaScript })
      const [samId, noorId] = await Promise.all([idOf(sam.page), idOf(noor.page)])
      const api = `${e2e.server.url}/api/v1/clients/${samId}`
      const headers = { origin: e2e.server.url }
      const goal = await sam.page.request.post(`${api}/goals`, { headers, data: { text: 'Ik wil weer bakken.', domain: 'work' } })
      expect(goal.status()).toBe(201)
      const share = async () => {
        const shared = await sam.page.request.post(`${api}/consents`, {
          headers,
          data: { granteeId: noorId, scopes: ['inventory', 'action_plan'], excludeDomains: [], access: 'comment', endsAt: null },
        })
        expect(shared.status()).toBe(201)
        return ((await shared.json()) as { id: string }).id
      }
      const stop = async (consentId: string) => expect((await sam.page.request.delete(`${api}/consents/${consentId}`, { headers })).ok()).toBe(true)
      const [statement] = (await (await sam.page.request.get(`${api}/statements`)).json()) as { id: string; text: string }[]
      if (!statement) throw new Error('the demo client has statements')

      // On the strengths: noor opens a comment form and types; sam stops sharing; noor presses Reageren.
      let consentId = await share()
      await noor.page.goto(`${e2e.server.url}/clienten/${samId}?reageer=${statement.id}`)
      if (javaScript) await hydrated(noor.page)
      await noor.page.getByRole('textbox', { name: 'Reactie' }).fill('Wat fijn om te lezen, vertel eens meer.')
      await stop(consentId)
      await noor.page.getByRole('button', { name: 'Reageren' }).click()
      await noor.page.getByTestId('not-shared').waitFor()
      let main = (await noor.page.locator('main').textContent()) ?? ''
      expect(main).not.toContain('Niet alles is goed ingevuld')
      expect(main).toContain('Je tekst is niet verstuurd')
      expect(main).not.toContain(statement.text)
      expect(await noor.page.getByTestId('unsent-text').textContent()).toContain('Wat fijn om te lezen, vertel eens meer.')
      await noHorizontalScroll(noor.page)

      // On the action plan: the same.
      consentId = await share()
      await noor.page.goto(`${e2e.server.url}/clienten/${samId}/actieplan`)
      if (javaScript) await hydrated(noor.page)
      expect((await noor.page.locator('main').textContent()) ?? '').toContain('Ik wil weer bakken.')
      const goalCard = noor.page.getByTestId('goal').first()
      await goalCard.getByLabel('Schrijf een reactie').fill('Zullen we samen de bakker bellen?')
      await stop(consentId)
      await goalCard.getByRole('button', { name: 'Versturen' }).first().click()
      await noor.page.getByTestId('plan-not-shared').waitFor()
      main = (await noor.page.locator('main').textContent()) ?? ''
      expect(main).not.toContain('Niet alles is goed ingevuld')
      expect(main).not.toContain('Ik wil weer bakken.')
      expect(await noor.page.getByTestId('unsent-text').textContent()).toContain('Zullen we samen de bakker bellen?')
      await noHorizontalScroll(noor.page)

      // Only the refused sends: no page error, no 5xx.
      expect(noor.errors.filter((error) => !/status of 403/.test(error))).toEqual([])
      await Promise.all([sam.close(), noor.close()])
    })
  }
})
