import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

/**
 * What the client writes stays hers: at 360 px, with and without JavaScript, she changes and removes
 * her own messages and her answers to the worker's comments; a change from an old page keeps her
 * words; the worker then reads the new words ("bewerkt") or only that something was removed.
 */

const e2e = useServerAndBrowser()

const text = async (page: Page) => (await page.locator('.page').first().textContent()) ?? ''

/** Opens the fold-out of one own item, puts new words in and saves. */
async function change(item: Locator, words: string) {
  await item.getByText('Aanpassen of verwijderen').click()
  await item.getByLabel('Je tekst').fill(words)
  await item.getByRole('button', { name: 'Opslaan' }).click()
}

/** Opens "Eerder" (answered comments) unless it is open already (with JavaScript it stays open across a save). */
async function openEarlier(page: Page) {
  const earlier = page.locator('details.card', { has: page.getByText('Eerder', { exact: true }) })
  if ((await earlier.count()) === 0) return
  if (!(await earlier.evaluate((details) => (details as HTMLDetailsElement).open))) await earlier.locator('summary').first().click()
}

async function remove(item: Locator) {
  await item.getByText('Aanpassen of verwijderen').click()
  await item.getByRole('button', { name: 'Verwijderen' }).click()
}

describe('the client changes and removes her own words', () => {
  it('messages and answers, with and without JavaScript; a stale change keeps her words; noor sees the result', { timeout: 300_000 }, async () => {
    const url = e2e.server.url
    const api = `${url}/api/v1`
    const headers = { origin: url }
    const noor = await signInOnPhone(e2e.browser, url, 'noor')
    const idOf = async (page: Page) => ((await (await page.request.get(`${api}/me`)).json()) as { id: string }).id
    const samWithJs = await signInOnPhone(e2e.browser, url, 'sam')
    const samId = await idOf(samWithJs.page)
    const noorId = await idOf(noor.page)

    // Sam shares her inventory with Noor to comment on; Noor comments on two of her statements (through the API).
    const shared = await samWithJs.page.request.post(`${api}/clients/${samId}/consents`, { headers, data: { granteeId: noorId, scopes: ['inventory'], excludeDomains: [], access: 'comment', endsAt: null } })
    expect(shared.status()).toBe(201)
    const inventory = (await (await samWithJs.page.request.get(`${api}/clients/${samId}/inventory`)).json()) as { statements: { id: string }[] }
    for (const [index, body] of ['Waar fiets je het liefst?', 'Wie helpt je daarbij?'].entries()) {
      const comment = await noor.page.request.post(`${api}/clients/${samId}/statements/${inventory.statements[index]!.id}/comments`, { headers, data: { kind: 'comment', body } })
      expect(comment.status()).toBe(201)
    }

    for (const javaScript of [false, true]) {
      const sam = javaScript ? samWithJs : await signInOnPhone(e2e.browser, url, 'sam', { javaScript: false })
      const tag = javaScript ? 'met JS' : 'zonder JS'

      // Messages: write two, change the first, remove the second.
      await sam.page.goto(`${url}/berichten`)
      for (const words of [`Kunnen we dinsdag praten? (${tag})`, `Verkeerd bericht (${tag})`]) {
        await sam.page.getByLabel('Je bericht').fill(words)
        await sam.page.getByRole('button', { name: 'Versturen' }).click()
        await sam.page.locator('.pre-line', { hasText: words }).waitFor()
      }
      const thread = sam.page.getByTestId('messages').locator('li')
      await change(thread.filter({ hasText: `Kunnen we dinsdag praten? (${tag})` }), `Kunnen we woensdag praten? (${tag})`)
      await sam.page.getByText('Je bericht is aangepast.').waitFor()
      const edited = thread.filter({ hasText: `Kunnen we woensdag praten? (${tag})` })
      expect(await edited.textContent()).toContain('bewerkt')
      await remove(thread.filter({ hasText: `Verkeerd bericht (${tag})` }))
      await sam.page.getByText('Je bericht is verwijderd.').waitFor()
      expect(await text(sam.page)).not.toContain(`Verkeerd bericht (${tag})`)
      expect(await text(sam.page)).toContain('Je hebt dit bericht verwijderd.')

      // A change from a page that is no longer current (changed meanwhile on another phone): refused,
      // her typed words stay in the box, the newer words show; saving again works.
      const messages = (await (await sam.page.request.get(`${api}/clients/${samId}/messages`)).json()) as { messages: { id: string; text: string; version: number }[] }
      const current = messages.messages.find((m) => m.text === `Kunnen we woensdag praten? (${tag})`)!
      const elsewhere = await sam.page.request.patch(`${api}/clients/${samId}/messages/${current.id}`, { headers, data: { text: `Kunnen we donderdag praten? (${tag})`, version: current.version } })
      expect(elsewhere.status()).toBe(200)
      await change(edited, `Kunnen we vrijdag praten? (${tag})`)
      const item = thread.filter({ hasText: `Kunnen we donderdag praten? (${tag})` })
      await item.getByText('Dit is ondertussen ergens anders aangepast.').waitFor()
      expect(await item.getByLabel('Je tekst').inputValue()).toBe(`Kunnen we vrijdag praten? (${tag})`)
      await item.getByRole('button', { name: 'Opslaan' }).click()
      await sam.page.getByText('Je bericht is aangepast.').waitFor()
      await sam.page.locator('.pre-line', { hasText: `Kunnen we vrijdag praten? (${tag})` }).waitFor()
      await noHorizontalScroll(sam.page)

      // Answers to Noor's comments: answer both, change one, remove the other.
      await sam.page.goto(`${url}/voorstellen`)
      for (const [question, answer] of [
        ['Waar fiets je het liefst?', `Langs de rivier (${tag})`],
        ['Wie helpt je daarbij?', `Mijn buurman (${tag})`],
      ] as const) {
        const comment = sam.page.getByTestId('comment-for-you').filter({ hasText: question })
        // Answered before (the first round): under "Eerder".
        if (!(await comment.isVisible())) await openEarlier(sam.page)
        await comment.getByLabel('Jouw antwoord (mag kort)').fill(answer)
        await comment.getByRole('button', { name: 'Antwoord sturen' }).click()
        await sam.page.locator('.reply', { hasText: answer }).waitFor({ state: 'attached' })
      }
      // Answered comments are read: they wait under "Eerder".
      await openEarlier(sam.page)
      const river = sam.page.locator('.reply').filter({ hasText: `Langs de rivier (${tag})` })
      await change(river, `Langs de rivier, op zondag (${tag})`)
      await sam.page.getByText('Je antwoord is aangepast.').waitFor()
      await openEarlier(sam.page)
      expect(await sam.page.locator('.reply').filter({ hasText: `Langs de rivier, op zondag (${tag})` }).textContent()).toContain('bewerkt')
      await remove(sam.page.locator('.reply').filter({ hasText: `Mijn buurman (${tag})` }))
      await sam.page.getByText('Je antwoord is verwijderd.').waitFor()
      expect(await text(sam.page)).not.toContain(`Mijn buurman (${tag})`)
      await noHorizontalScroll(sam.page)
      // axe runs as a script in the page: only where scripts run.
      if (javaScript) await expectAccessible(sam.page)
      else await sam.close()
    }

    // Noor reads the current words, and only that something was removed.
    await noor.page.goto(`${url}/clienten/${samId}/berichten`)
    await noor.page.getByRole('heading', { level: 1, name: /Berichten/ }).waitFor()
    const noorThread = await text(noor.page)
    for (const tag of ['zonder JS', 'met JS']) {
      expect(noorThread).toContain(`Kunnen we vrijdag praten? (${tag})`)
      expect(noorThread).not.toContain(`Verkeerd bericht (${tag})`)
      expect(noorThread).not.toContain(`dinsdag praten? (${tag})`)
    }
    expect(noorThread).toContain('bewerkt')
    await expectAccessible(noor.page)
    expect(noorThread.match(/Sam heeft dit bericht verwijderd\./g)?.length).toBe(2)
    // Noor cannot change what Sam wrote: no fold-out on Sam's messages.
    expect(await noor.page.getByText('Aanpassen of verwijderen').count()).toBe(0)
    await noHorizontalScroll(noor.page)

    await noor.page.goto(`${url}/clienten/${samId}`)
    const review = await text(noor.page)
    for (const tag of ['zonder JS', 'met JS']) {
      expect(review).toContain(`Langs de rivier, op zondag (${tag})`)
      expect(review).not.toContain(`Mijn buurman (${tag})`)
    }
    expect(review).toContain('Sam heeft een antwoord verwijderd.')
    expect(review).toContain('bewerkt')

    expect([...noor.errors, ...samWithJs.errors]).toEqual([])
    await Promise.all([noor.close(), samWithJs.close()])
  })
})
