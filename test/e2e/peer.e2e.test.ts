import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()
const idOf = async (page: Page) => ((await (await page.request.get(`${e2e.server.url}/api/v1/me`)).json()) as { id: string }).id

describe("the peer expert's story: a session with a client present (1280 px), the client decides on a phone (360 px)", () => {
  it("eva finds what sam shares with her on 'Gedeeld met mij' and opens it, read only: no control she may not use (360 px; runs first: the next test gives her comment access)", { timeout: 120_000 }, async () => {
    const eva = await signInOnPhone(e2e.browser, e2e.server.url, 'eva')
    const sam = await signInOnPhone(e2e.browser, e2e.server.url, 'sam')
    const [samId, evaId] = await Promise.all([idOf(sam.page), idOf(eva.page)])
    const shared = await sam.page.request.post(`${e2e.server.url}/api/v1/clients/${samId}/consents`, {
      headers: { origin: e2e.server.url },
      data: { granteeId: evaId, scopes: ['inventory', 'network'], excludeDomains: [], access: 'read', endsAt: null },
    })
    expect(shared.status()).toBe(201)
    // Noor, who may comment, writes to sam: that stays between the two of them.
    const noor = await signInOnPhone(e2e.browser, e2e.server.url, 'noor')
    const forNoor = await sam.page.request.post(`${e2e.server.url}/api/v1/clients/${samId}/consents`, {
      headers: { origin: e2e.server.url },
      data: { granteeId: await idOf(noor.page), scopes: ['inventory'], excludeDomains: [], access: 'comment', endsAt: null },
    })
    expect(forNoor.status()).toBe(201)
    const [statement] = (await (await sam.page.request.get(`${e2e.server.url}/api/v1/clients/${samId}/statements`)).json()) as { id: string }[]
    const comment = await noor.page.request.post(`${e2e.server.url}/api/v1/clients/${samId}/statements/${statement?.id}/comments`, {
      headers: { origin: e2e.server.url },
      data: { kind: 'comment', body: 'Hoe ging het gesprek met je moeder?' },
    })
    expect(comment.status()).toBe(201)
    await noor.close()

    await eva.page.goto(`${e2e.server.url}/gedeeld`)
    const row = eva.page.getByTestId('shared-with-me').locator('li.row', { hasText: 'Sam' })
    // A way in for each page the share opens, named with the person for a screen reader.
    expect(await row.getByRole('link', { name: 'Netwerk (Sam)' }).count()).toBe(1)
    expect(await row.getByRole('link', { name: 'Berichten' }).count()).toBe(0)
    await expectAccessible(eva.page)
    await row.getByRole('link', { name: 'Krachten bekijken (Sam)' }).click()
    await eva.page.waitForURL(`${e2e.server.url}/clienten/${samId}`)
    await eva.page.getByRole('heading', { level: 1, name: /Sam/ }).waitFor()
    expect(await eva.page.getByTestId('shared-statement').count()).toBeGreaterThan(0)
    // The way back is her own list, not a worker's caseload.
    expect(await eva.page.locator('.breadcrumb').getByRole('link', { name: /Gedeeld met mij/ }).count()).toBe(1)
    // Read only: no way to comment is shown, not even by asking for the form in the address.
    expect(await eva.page.getByRole('link', { name: /Reageer/ }).count()).toBe(0)
    const [first] = (await (await sam.page.request.get(`${e2e.server.url}/api/v1/clients/${samId}/statements`)).json()) as { id: string }[]
    await eva.page.goto(`${e2e.server.url}/clienten/${samId}?reageer=${first?.id ?? ''}`)
    await eva.page.getByRole('heading', { level: 1, name: /Sam/ }).waitFor()
    expect(await eva.page.locator('textarea').count()).toBe(0)
    // Sam shared their own words with her, not what noor wrote to sam.
    expect(await eva.page.locator('main').textContent()).not.toContain('Hoe ging het gesprek met je moeder?')
    // Sam and a worker sign; eva is not named as one who has yet to sign.
    const signing = (await eva.page.getByTestId('sign-step').textContent()) ?? ''
    expect(signing).toContain('Jij tekent niet mee.')
    expect(signing).toContain('De begeleider: nog niet')
    expect(signing).not.toContain('Eva de Wit')
    // Nothing to write here: the panel says she reads, not that she wrote nothing yet.
    expect(await eva.page.getByTestId('review-panel').textContent()).toContain('Je kunt alleen lezen. Sam kiest of je mag reageren.')
    expect(await eva.page.getByTestId('sign-step').getByRole('button').count()).toBe(0)
    await noHorizontalScroll(eva.page)

    expect([...eva.errors, ...sam.errors]).toEqual([])
    await Promise.all([eva.close(), sam.close()])
  })

  it('eva co-facilitates, does the strengths conversation together with sam, offers a card and writes the reflection; sam keeps the card without JavaScript', { timeout: 180_000 }, async () => {
    const noor = await signInOnPhone(e2e.browser, e2e.server.url, 'noor')
    const eva = await signInOnPhone(e2e.browser, e2e.server.url, 'eva')
    const sam = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: false })
    await eva.page.setViewportSize({ width: 1280, height: 900 })
    const [samId, evaId] = await Promise.all([idOf(sam.page), idOf(eva.page)])

    // Sam shares the inventory with eva, to think along (comment access): what working together needs.
    const shared = await sam.page.request.post(`${e2e.server.url}/api/v1/clients/${samId}/consents`, {
      headers: { origin: e2e.server.url },
      data: { granteeId: evaId, scopes: ['inventory'], excludeDomains: [], access: 'comment', endsAt: null },
    })
    expect(shared.status()).toBe(201)
    // Noor plans a group session with eva, starting now, sam taking part.
    const planned = await noor.page.request.post(`${e2e.server.url}/api/v1/sessions`, {
      headers: { origin: e2e.server.url },
      data: { kind: 'group', title: 'Krachtengroep', startsAt: new Date(Date.now() + 1_000).toISOString(), clientIds: [samId], peerId: evaId },
    })
    expect(planned.status()).toBe(201)
    const { id: sessionId } = (await planned.json()) as { id: string }
    await new Promise((resolve) => setTimeout(resolve, 1_500))

    // Eva finds it on her home page's list of sessions and opens it.
    await eva.page.goto(`${e2e.server.url}/sessies`)
    await eva.page.getByRole('link', { name: 'Krachtengroep' }).first().click()
    await eva.page.waitForURL(`${e2e.server.url}/sessies/${sessionId}`)
    await expectAccessible(eva.page)

    // Together with sam: the strengths conversation; what sam says is typed by eva.
    await eva.page.getByLabel('Met Sam').selectOption({ label: 'Mijn krachten' })
    await eva.page.getByRole('button', { name: 'Start samen' }).click()
    await eva.page.waitForURL(new RegExp(`/sessies/${sessionId}/samen/`))
    await eva.page.getByRole('heading', { level: 1, name: 'Samen met Sam' }).waitFor()
    // First the topics sam chooses (ticked, as on sam's own phone), then sam's words.
    await eva.page.getByRole('group', { name: 'Wat kiest Sam?' }).getByLabel(/werk/i).first().check()
    await eva.page.getByRole('button', { name: 'Verder' }).click()
    await expect.poll(() => eva.page.locator('main').textContent()).not.toContain('Over welke onderwerpen')
    const wording = 'Ik ben geduldig met anderen in de groep'
    await eva.page.getByLabel('Wat zegt Sam?').fill(wording)
    await eva.page.getByRole('button', { name: 'Verder' }).click()
    const cards = eva.page.getByTestId('together-cards')
    await expect.poll(() => cards.textContent()).toContain(wording)
    await cards.locator('li', { hasText: wording }).getByRole('button', { name: 'Voorstellen aan Sam' }).click()
    await expect.poll(() => cards.locator('li', { hasText: wording }).textContent()).toContain('Wacht op Sam')
    await noHorizontalScroll(eva.page)
    await expectAccessible(eva.page)

    // Nothing is saved in sam's name before sam chooses.
    const statements = async () => (await (await sam.page.request.get(`${e2e.server.url}/api/v1/clients/${samId}/statements`)).json()) as { text: string; provenance: string }[]
    expect((await statements()).some((s) => s.text === wording)).toBe(false)

    // After the session eva writes the reflection both facilitators read.
    await eva.page.goto(`${e2e.server.url}/sessies/${sessionId}`)
    await eva.page.getByRole('textbox', { name: 'Terugblik' }).fill('Sam vertelde veel over de groep. Mooi gesprek.')
    await eva.page.getByRole('button', { name: 'Terugblik bewaren' }).click()
    await eva.page.getByText('De terugblik is bewaard.').waitFor()
    await noor.page.goto(`${e2e.server.url}/sessies/${sessionId}`)
    expect(await noor.page.getByTestId('reflection').textContent()).toContain('Geschreven door Eva')

    // Sam, on a phone without JavaScript, finds the card waiting and keeps it.
    await sam.page.goto(e2e.server.url)
    await sam.page.getByRole('link', { name: /1 kaartje wacht op jou/ }).click()
    await sam.page.waitForURL(`${e2e.server.url}/assistent`)
    const waiting = sam.page.locator('.pending-cards .row', { hasText: wording })
    expect(await waiting.textContent()).toContain('Voorstel van Eva')
    await waiting.getByRole('link', { name: /Bekijken en kiezen/ }).click()
    const card = sam.page.locator('.proposal', { hasText: wording })
    await card.getByRole('button', { name: 'Bewaren' }).click()
    // Without JavaScript the form posts and the page loads again: wait for the kept card to leave.
    await expect.poll(() => sam.page.locator('.proposal', { hasText: wording }).count()).toBe(0)
    await sam.page.waitForLoadState('load')
    expect((await statements()).find((s) => s.text === wording)?.provenance).toBe('client_accepted_worker')
    await noHorizontalScroll(sam.page)

    expect([...noor.errors, ...eva.errors, ...sam.errors]).toEqual([])
    await Promise.all([noor.close(), eva.close(), sam.close()])
  })
})
