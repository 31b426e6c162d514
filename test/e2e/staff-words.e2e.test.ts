import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

/**
 * What a worker writes stays hers to change (docs/decisions/017): at 360 px, with and without
 * JavaScript, Noor changes one of her comments on Sam's statements and removes another (one Sam
 * answered) from a page of its own; a change from an old page keeps her words; Sam then reads the
 * new words ("bewerkt") or only that the comment was removed, with her own answer still under it.
 */

const e2e = useServerAndBrowser()

const text = async (page: Page) => (await page.locator('.page').first().textContent()) ?? ''

describe('a worker changes and removes her own comments', () => {
  it('from the panel, with and without JavaScript; a stale change keeps her words; sam sees the result', { timeout: 300_000 }, async () => {
    const url = e2e.server.url
    const api = `${url}/api/v1`
    const headers = { origin: url }
    const sam = await signInOnPhone(e2e.browser, url, 'sam')
    const noorWithJs = await signInOnPhone(e2e.browser, url, 'noor')
    const idOf = async (page: Page) => ((await (await page.request.get(`${api}/me`)).json()) as { id: string }).id
    const samId = await idOf(sam.page)
    const noorId = await idOf(noorWithJs.page)

    const shared = await sam.page.request.post(`${api}/clients/${samId}/consents`, { headers, data: { granteeId: noorId, scopes: ['inventory'], excludeDomains: [], access: 'comment', endsAt: null } })
    expect(shared.status()).toBe(201)
    const inventory = (await (await sam.page.request.get(`${api}/clients/${samId}/inventory`)).json()) as { statements: { id: string }[] }
    const statementId = inventory.statements[0]!.id

    for (const javaScript of [false, true]) {
      const noor = javaScript ? noorWithJs : await signInOnPhone(e2e.browser, url, 'noor', { javaScript: false })
      const tag = javaScript ? 'met JS' : 'zonder JS'
      // Two comments by Noor (through the API); Sam answers the second.
      const ids: string[] = []
      for (const body of [`Waar fiets je graag? (${tag})`, `Wie helpt je daarbij? (${tag})`]) {
        const comment = await noor.page.request.post(`${api}/clients/${samId}/statements/${statementId}/comments`, { headers, data: { kind: 'comment', body } })
        expect(comment.status()).toBe(201)
        ids.push(((await comment.json()) as { id: string }).id)
      }
      const answered = await sam.page.request.post(`${api}/clients/${samId}/comments/${ids[1]}/replies`, { headers, data: { body: `Mijn buurman (${tag})` } })
      expect(answered.status()).toBe(201)

      // Change the first from the panel's link (on a phone the panel is its own tab): its own page, a plain form.
      await noor.page.goto(`${url}/clienten/${samId}#reacties`)
      const panel = noor.page.getByTestId('review-panel')
      await panel.getByTestId('panel-comment').filter({ hasText: `Waar fiets je graag? (${tag})` }).getByRole('link', { name: 'Aanpassen of verwijderen' }).click()
      await noor.page.getByRole('heading', { level: 1, name: 'Je reactie aanpassen' }).waitFor()
      await noor.page.getByLabel('Je reactie').fill(`Waar wandel je graag? (${tag})`)
      await noor.page.getByRole('button', { name: 'Opslaan' }).click()
      await noor.page.getByText('Je reactie is aangepast.').waitFor()
      await noHorizontalScroll(noor.page)

      // Changed meanwhile elsewhere (another phone): refused, her typed words stay, the newer words show; saving again works.
      const elsewhere = await noor.page.request.patch(`${api}/clients/${samId}/statements/${statementId}/comments/${ids[0]}`, { headers, data: { body: `Waar loop je graag? (${tag})`, version: 2 } })
      expect(elsewhere.status()).toBe(200)
      await noor.page.getByLabel('Je reactie').fill(`Waar wandel je het liefst? (${tag})`)
      await noor.page.getByRole('button', { name: 'Opslaan' }).click()
      await noor.page.getByText('Dit is ondertussen ergens anders aangepast.').waitFor()
      expect(await noor.page.getByLabel('Je reactie').inputValue()).toBe(`Waar wandel je het liefst? (${tag})`)
      await noor.page.getByTestId('own-comment').getByText(`Waar loop je graag? (${tag})`).waitFor()
      await noor.page.getByRole('button', { name: 'Opslaan' }).click()
      await noor.page.getByText('Je reactie is aangepast.').waitFor()
      await noor.page.getByTestId('own-comment').getByText(`Waar wandel je het liefst? (${tag})`).waitFor()
      if (javaScript) await expectAccessible(noor.page)

      // Back on the panel: the new words, marked edited.
      await noor.page.getByRole('link', { name: 'Terug' }).click()
      const changed = noor.page.getByTestId('review-panel').getByTestId('panel-comment').filter({ hasText: `Waar wandel je het liefst? (${tag})` })
      expect(await changed.textContent()).toContain('bewerkt')

      // Remove the second: the words go, Sam's answer stays under its place.
      await noor.page.getByTestId('review-panel').getByTestId('panel-comment').filter({ hasText: `Wie helpt je daarbij? (${tag})` }).getByRole('link', { name: 'Aanpassen of verwijderen' }).click()
      await noor.page.getByRole('button', { name: 'Verwijderen' }).click()
      await noor.page.getByText('Je reactie is verwijderd.').waitFor()
      await noHorizontalScroll(noor.page)
      await noor.page.goto(`${url}/clienten/${samId}#reacties`)
      const review = await text(noor.page)
      expect(review).not.toContain(`Wie helpt je daarbij? (${tag})`)
      expect(review).toContain('Je hebt deze reactie verwijderd.')
      expect(review).toContain(`Mijn buurman (${tag})`)
      await noHorizontalScroll(noor.page)
      if (!javaScript) await noor.close()
    }

    // Sam reads the current words, marked edited, and only that Noor removed the other; her answers stay.
    await sam.page.goto(`${url}/voorstellen`)
    const earlier = sam.page.locator('details.card', { has: sam.page.getByText('Eerder', { exact: true }) })
    if ((await earlier.count()) > 0) await earlier.locator('summary').first().click()
    const page = await text(sam.page)
    for (const tag of ['zonder JS', 'met JS']) {
      expect(page).toContain(`Waar wandel je het liefst? (${tag})`)
      expect(page).not.toContain(`Wie helpt je daarbij? (${tag})`)
      expect(page).not.toContain(`Waar fiets je graag? (${tag})`)
      expect(page).toContain(`Mijn buurman (${tag})`)
    }
    expect(page).toContain('bewerkt')
    expect(page.match(/Noor Haddou heeft deze reactie verwijderd\./g)?.length).toBe(2)
    await noHorizontalScroll(sam.page)
    await expectAccessible(sam.page)

    expect([...noorWithJs.errors, ...sam.errors]).toEqual([])
    await Promise.all([noorWithJs.close(), sam.close()])
  })
})
