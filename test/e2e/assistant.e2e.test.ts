import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

const signedInAsSam = (javaScript: boolean) => signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript })

const withAndWithoutJavaScript = [
  { javaScript: true, label: 'with JavaScript' },
  { javaScript: false, label: 'without JavaScript' },
]

const question = (page: Page) => page.locator('#question').textContent()

/** Answers the question at the bottom (ticks a choice, types words) and sends it; waits for the next question. */
async function answer(page: Page, text: string | null, choice?: string) {
  const before = await page.locator('input[name="version"]').inputValue()
  if (choice) await page.locator(`input[name="choices"][value="${choice}"]`).check()
  if (text !== null) await page.getByLabel(/^(Jouw antwoord|Of schrijf het in je eigen woorden:)$/).fill(text)
  await page.getByRole('button', { name: 'Verstuur' }).click()
  await expect.poll(() => page.locator('input[name="version"]').count().then(async (n) => (n === 0 ? 'done' : page.locator('input[name="version"]').inputValue()))).not.toBe(before)
}

describe.each(withAndWithoutJavaScript)('the assistant at 360 px $label', ({ javaScript }) => {
  it('a whole miracle-question flow: one question at a time, cards to keep or drop, a celebration, kept words in the inventory', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await signedInAsSam(javaScript)
    await page.getByRole('link', { name: 'Samen ontdekken met de assistent' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Samen ontdekken')
    expect(await page.getByRole('button', { name: 'AI-hulp aanzetten' }).count()).toBe(1)
    expect(await page.getByText('AI-hulp staat uit').count()).toBe(1)
    await noHorizontalScroll(page)
    if (javaScript) await expectAccessible(page)

    await page.getByRole('button', { name: 'Begin: De wondervraag' }).click()
    await expect.poll(() => question(page)).toMatch(/wonder/i)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('De wondervraag')
    expect(await page.locator('.bubble').count()).toBeGreaterThan(0)
    // With JavaScript the turns happen without a page load: a marker on window survives them.
    if (javaScript) await page.evaluate(() => Object.assign(window, { keptAlive: true }))
    await noHorizontalScroll(page)
    if (javaScript) await expectAccessible(page)

    await answer(page, 'Ik word wakker in mijn eigen huis. Mijn kinderen zijn bij mij.')
    await expect.poll(() => question(page)).toMatch(/nog meer/i)
    expect(await page.locator('.proposal').count()).toBe(2)
    expect(await page.locator('.proposal-text').allTextContents()).toEqual(['Ik word wakker in mijn eigen huis.', 'Mijn kinderen zijn bij mij.'])
    if (javaScript) expect(await page.evaluate(() => 'keptAlive' in window)).toBe(true)
    if (javaScript) await expectAccessible(page)

    // An empty answer is asked again gently, the question stays.
    await page.getByRole('button', { name: 'Verstuur' }).click()
    // Wait for the gentle re-ask itself, so the next answer is not typed while this turn is under way.
    await expect.poll(() => page.locator('.bubble', { hasText: /Neem gerust de tijd|geen haast|Ik weet het niet/ }).count()).toBeGreaterThan(0)
    await expect.poll(() => question(page)).toMatch(/nog meer/i)

    await answer(page, 'rust in mijn hoofd')
    await expect.poll(() => question(page)).toMatch(/wie/i)
    await page.getByRole('button', { name: 'Ik weet het niet' }).click()
    await expect.poll(() => question(page)).toMatch(/anders dan nu/i)
    await answer(page, 'vroeg opstaan en koken')
    await expect.poll(() => page.locator('.celebration h2').count()).toBe(1)
    expect(await page.locator('.celebration').textContent()).toMatch(/wens/)
    expect(await page.locator('#answer-text').count()).toBe(0)
    await noHorizontalScroll(page)
    if (javaScript) await expectAccessible(page)

    // Keep one card (choosing a life area if the card asks for one) and drop another.
    const card = page.locator('.proposal', { hasText: 'Ik wil rust in mijn hoofd' })
    // Words typed for one question are never poured into another card's edit box (drafts are per form and target).
    expect(await card.locator('textarea[name="text"]').inputValue()).toBe('Ik wil rust in mijn hoofd')
    const domain = card.locator('.proposal-keep select[name="domain"]')
    if ((await domain.count()) > 0) await domain.selectOption('health')
    await card.getByRole('button', { name: 'Bewaren' }).click()
    await expect.poll(() => page.locator('.proposal', { hasText: 'Ik wil rust in mijn hoofd' }).count()).toBe(0)
    // Keeping or leaving out a card is not coming back to the conversation: no "Welkom terug!" over it.
    expect(await page.locator('.bubble', { hasText: 'Welkom terug' }).count()).toBe(0)
    await page.locator('.proposal', { hasText: 'Mijn kinderen zijn bij mij.' }).getByRole('button', { name: 'Weglaten' }).click()
    await expect.poll(() => page.locator('.proposal', { hasText: 'Mijn kinderen zijn bij mij.' }).count()).toBe(0)
    expect(await page.locator('.bubble', { hasText: 'Welkom terug' }).count()).toBe(0)
    await page.getByText(/Al gekozen/).click()
    await expect.poll(() => page.locator('.decided', { hasText: 'Ik wil rust in mijn hoofd' }).textContent()).toContain('Bewaard')
    expect(await page.locator('.decided', { hasText: 'Mijn kinderen' }).textContent()).toContain('Weggelaten')

    // The kept words are in the client's inventory, through the same API, marked as accepted from the assistant.
    const me = await (await page.request.get(`${e2e.server.url}/api/v1/me`)).json()
    const list = (await (await page.request.get(`${e2e.server.url}/api/v1/clients/${me.id}/statements`)).json()) as { text: string; provenance: string }[]
    expect(list.filter((s) => s.text === 'Ik wil rust in mijn hoofd').map((s) => s.provenance)).toContain('client_accepted_assistant')
    expect(list.some((s) => s.text === 'Mijn kinderen zijn bij mij.')).toBe(false)

    // The conversation is listed, finished, with the cards still open.
    await page.getByRole('link', { name: 'Alle gesprekken' }).click()
    await expect.poll(() => page.locator('.rows .row').first().textContent()).toContain('Klaar')
    expect(errors).toEqual([])
    await context.close()
  })

  it('a crisis answer shows the help card at once, with tel: links; only "yes" tells the worker', { timeout: 90_000 }, async () => {
    const { context, page, errors } = await signedInAsSam(javaScript)
    await page.goto(`${e2e.server.url}/assistent`)
    await page.getByRole('button', { name: 'Begin: Mijn krachten' }).click()
    await expect.poll(() => page.locator('#question').count()).toBe(1)
    // The strengths flow first asks for life domains: typed text works too.
    await page.getByLabel(/eigen woorden|Jouw antwoord/).fill('ik wil dood')
    await page.getByRole('button', { name: 'Verstuur' }).click()
    await expect.poll(() => page.locator('.safety-card').count()).toBe(1)
    const hrefs = await page.locator('.safety-card a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual(expect.arrayContaining(['tel:112', 'tel:113', 'tel:08000113', 'tel:08002000']))
    expect(await page.getByRole('link', { name: 'Snel weg' }).count()).toBe(1)
    expect(await page.locator('.proposal').count()).toBe(0)
    await noHorizontalScroll(page)
    if (javaScript) await expectAccessible(page)

    await page.getByRole('button', { name: 'Nee, nu niet' }).click()
    await expect.poll(() => page.getByText('We hebben niemand iets laten weten').count()).toBe(1)
    // Help stays on the page after the choice, and the question can still be answered.
    expect(await page.locator('.safety-card a[href="tel:113"]').count()).toBe(1)
    expect(await page.locator('#question').count()).toBe(1)

    await page.goto(`${e2e.server.url}/assistent`)
    await expect.poll(() => page.getByText('Momenten met hulp').count()).toBe(1)
    expect(await page.getByText('Niemand kreeg een bericht.').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe.each(withAndWithoutJavaScript)('changing a card before keeping it, $label', ({ javaScript }) => {
  it('a refused change keeps what was typed, the problem beside its field; an emptied note clears the card\'s note', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await signedInAsSam(javaScript)
    await page.goto(`${e2e.server.url}/assistent`)
    await page.getByRole('button', { name: 'Begin: Mijn belangrijke mensen' }).click()
    await expect.poll(() => page.locator('#question').count()).toBe(1)
    // A name, then the choices by their values: family, very close, a listening ear with words of one's own, nobody else.
    const name = `Fatima ${javaScript ? 'met' : 'zonder'}`
    await answer(page, name)
    for (const [choice, words] of [['family', null], ['1', null], ['emotional', 'ze luistert altijd'], ['no', null]] as const) await answer(page, words, choice)
    const card = page.locator('.proposal', { hasText: name })
    await expect.poll(() => card.count()).toBe(1)

    await card.getByText('Aanpassen').click()
    const edit = card.locator('.proposal-edit')
    expect(await edit.getByLabel('Wat wil je er nog over zeggen?').inputValue()).toBe('ze luistert altijd')
    // An emptied name is asked for, beside the name; nothing is lost: the emptied note stays empty, the tick stays.
    await edit.getByLabel('Naam').fill('')
    await edit.getByLabel('Wat wil je er nog over zeggen?').fill('')
    await edit.getByRole('button', { name: 'Aangepast bewaren' }).click()
    await expect.poll(() => edit.getByRole('alert').textContent()).toBe('Vul dit in.')
    expect(await edit.getAttribute('open')).not.toBeNull()
    expect(await edit.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true')
    expect(await edit.getByLabel('Wat wil je er nog over zeggen?').inputValue()).toBe('')
    expect(await edit.locator('input[name="support"][value="emotional"]').isChecked()).toBe(true)
    if (javaScript) await expectAccessible(page)

    await edit.getByLabel('Naam').fill(name)
    await edit.getByRole('button', { name: 'Aangepast bewaren' }).click()
    await expect.poll(() => page.locator('.proposal', { hasText: name }).count()).toBe(0)
    // On the network map without the note the card had: the emptied box cleared it.
    const me = await (await page.request.get(`${e2e.server.url}/api/v1/me`)).json()
    const people = (await (await page.request.get(`${e2e.server.url}/api/v1/clients/${me.id}/network/persons`)).json()) as { name: string; note: string | null; support: string[] }[]
    expect(people.filter((p) => p.name === name).map(({ note, support }) => ({ note, support }))).toEqual([{ note: null, support: ['emotional'] }])
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('a "yes" reaches the worker', () => {
  it('after the client chooses to tell their worker, the worker sees it on their home page', { timeout: 90_000 }, async () => {
    const sam = await signedInAsSam(true)
    await sam.page.goto(`${e2e.server.url}/assistent`)
    await sam.page.getByRole('button', { name: 'Begin: De wondervraag' }).click()
    await expect.poll(() => sam.page.locator('#question').count()).toBe(1)
    await sam.page.getByLabel('Jouw antwoord').fill('soms wil ik er niet meer zijn')
    await sam.page.getByRole('button', { name: 'Verstuur' }).click()
    await expect.poll(() => sam.page.locator('.safety-card').count()).toBe(1)
    await sam.page.getByRole('button', { name: 'Ja, laat het mijn begeleider weten' }).click()
    await expect.poll(() => sam.page.getByText('Je begeleider heeft een bericht gekregen').count()).toBe(1)
    await sam.close()

    const noor = await signInOnPhone(e2e.browser, e2e.server.url, 'noor')
    await expect.poll(() => noor.page.getByRole('heading', { name: 'Vraagt om contact' }).count()).toBe(1)
    expect(await noor.page.getByTestId('contact-requests').textContent()).toContain('Sam vroeg op')
    // The worker is told that Sam asked, never what Sam wrote.
    expect(await noor.page.content()).not.toContain('niet meer zijn')
    await expectAccessible(noor.page)
    // "Contact gehad" closes it; the notice says so only after it is done.
    await noor.page.getByRole('button', { name: 'Contact gehad' }).click()
    await noor.page.getByText('De vraag staat op afgehandeld.').waitFor()
    expect(await noor.page.getByTestId('contact-requests').count()).toBe(0)
    expect(noor.errors).toEqual([])
    await noor.close()
  })
})

describe('the assistant in English', () => {
  it('speaks the language the page is in: questions, buttons and cards', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await signedInAsSam(true)
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en')
    await page.goto(`${e2e.server.url}/assistent`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Discover together')
    await page.getByRole('button', { name: 'Start: The miracle question' }).click()
    await expect.poll(() => question(page)).toMatch(/miracle/i)
    await page.getByLabel('Your answer').fill('I wake up in my own home')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.locator('.proposal').count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Keep' }).count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Skip' }).count()).toBe(1)
    expect(await page.getByRole('button', { name: "I don't know" }).count()).toBe(1)
    await expectAccessible(page)
    expect(errors).toEqual([])
    await context.close()
  })
})
