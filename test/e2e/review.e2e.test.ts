import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { watchErrors } from '../support/browser'
import { expectAccessible, hydrated, noHorizontalScroll, signInOnPhone, submitSignIn } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

/** A desk: 1280 px wide, a mouse, Dutch. */
async function signInAtDesk(username: string) {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  const errors = watchErrors(page)
  await submitSignIn(page, e2e.server.url, username)
  await page.waitForURL(`${e2e.server.url}/`)
  return { page, errors, close: () => context.close() }
}

const step = (name: string) => process.env['E2E_STEPS'] && console.log(`[review e2e] step ${name} at ${new Date().toISOString()}`)
const visible = (page: Page, selector: string) => page.locator(selector).first().isVisible()

describe('the worker reviews, comments and signs; the client reads and answers (360 and 1280 px)', () => {
  it('noor at her desk, sam on a phone without JavaScript', { timeout: 420_000 }, async () => {
    step('1')
    // Sam (no JavaScript) writes something in a domain to leave out, and shares the rest with noor.
    const sam = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: false })
    // axe and the width check run scripts in the page: the same pages, checked on a second phone of sam's with JavaScript.
    const samCheck = await signInOnPhone(e2e.browser, e2e.server.url, 'sam')
    const checkAsSam = async (path: string) => {
      await samCheck.page.goto(`${e2e.server.url}${path}`)
      await noHorizontalScroll(samCheck.page)
      await expectAccessible(samCheck.page)
    }
    await sam.page.goto(`${e2e.server.url}/inventaris/nieuw?domein=partner`)
    await sam.page.getByLabel('Je zin').fill('Ik spreek mijn ex alleen op het station')
    await sam.page.getByRole('button', { name: 'Opslaan' }).click()
    await sam.page.waitForURL(/leefgebied\/partner/)
    await sam.page.goto(`${e2e.server.url}/delen`)
    await sam.page.getByLabel(/Noor Haddou/).check()
    await sam.page.getByText('Deze leefgebieden niet delen').click()
    await sam.page.getByLabel('(Ex-)partner').check()
    await sam.page.getByLabel('Lezen en reageren').check()
    await sam.page.getByRole('button', { name: 'Delen' }).click()
    await sam.page.waitForURL(/gedeeld=/)
    await checkAsSam('/delen')

    step('2')
    // Noor's home says what waits; the caseload leads to sam.
    const noor = await signInAtDesk('noor')
    expect(await noor.page.getByTestId('tile-caseload').textContent()).toContain('1 cliënt deelt met jou')
    await expectAccessible(noor.page)
    await noor.page.goto(`${e2e.server.url}/caseload`)
    await noor.page.getByRole('link', { name: 'Bekijken' }).first().click()
    await noor.page.waitForURL(/\/clienten\/[0-9a-f-]{36}$/)
    const samUrl = noor.page.url()
    await noor.page.getByRole('heading', { level: 1, name: 'Wat Sam met je deelt' }).waitFor()
    step('3')
    // Two columns at 1280 px: the panel sits beside the inventory, no tab needed.
    expect(await visible(noor.page, '#reacties')).toBe(true)
    expect(await visible(noor.page, '.review-tabs')).toBe(false)
    const [main, aside] = await Promise.all([noor.page.locator('#krachten').boundingBox(), noor.page.locator('#reacties').boundingBox()])
    expect(aside!.x).toBeGreaterThan(main!.x + main!.width - 1)
    step('4')
    // Nothing hints at what sam left out; the worksheet's other parts are there.
    const body = (await noor.page.locator('main').textContent()) ?? ''
    expect(body).not.toContain('station')
    expect(body).not.toContain('(Ex-)partner')
    expect(body).toContain('Checklist')
    expect(await noor.page.getByTestId('access-line').textContent()).toContain('Je kunt reageren')
    await expectAccessible(noor.page)
    // A statement is as tall as its words: in a phone's single column the row's 14rem basis once
    // became its height (a blank block under every statement).
    const firstText = noor.page.locator('[data-testid="shared-statement"] .statement-text').first()
    const lines = await firstText.evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))
    expect(lines).toBeLessThan(6)

    step('5')
    // One form on the page: a "Reageer" link under each statement opens it, under that statement.
    const work = noor.page.locator('[data-domain="work"] [data-testid="shared-statement"]').first()
    expect(await noor.page.locator('textarea').count()).toBe(0)
    await work.getByRole('link', { name: /^Reageer op de zin/ }).click()
    await noor.page.waitForURL(/\?reageer=[0-9a-f-]{36}#zin-/)
    // A comment that is too long: a clear message, and the typed text is still there.
    const long = 'Heel mooi. '.repeat(120)
    await work.getByLabel('Reactie').fill(long)
    await work.getByRole('button', { name: 'Reageren' }).click()
    await work.getByText('Dit is te lang.').waitFor()
    expect(await work.getByLabel('Reactie').inputValue()).toBe(long)
    step('6')
    // A plain comment, said truthfully: the form closes, the confirmation is at the statement.
    await work.getByLabel('Reactie').fill('Mooi gezegd. Waar fiets je het liefst?')
    await work.getByRole('button', { name: 'Reageren' }).click()
    await noor.page.waitForURL(/klaar=comment/)
    await work.getByText('Je reactie staat erbij. Sam ziet hem bij "Voor jou".').waitFor()
    expect(await noor.page.locator('textarea').count()).toBe(0)
    expect(await noor.page.getByTestId('panel-comment').first().textContent()).toContain('Nog niet gelezen')

    step('7')
    // Sam: the home tile counts it; "Voor jou" shows it with the sentence; sam answers (no JavaScript).
    await sam.page.goto(`${e2e.server.url}/`)
    expect(await sam.page.getByTestId('tile-for-you').textContent()).toContain('1 reactie of voorstel voor jou')
    await checkAsSam('/')
    await sam.page.getByTestId('tile-for-you').click()
    await sam.page.waitForURL(/voorstellen/)
    expect(await sam.page.getByTestId('comment-for-you').textContent()).toContain('Waar fiets je het liefst?')
    await checkAsSam('/voorstellen')
    await sam.page.getByLabel('Jouw antwoord (mag kort)').fill('Langs de rivier, op zondag.')
    await sam.page.getByRole('button', { name: 'Antwoord sturen' }).click()
    await sam.page.getByText('Je antwoord is verstuurd. Noor Haddou ziet het.').waitFor()
    step('8')
    // The comment is also under the sentence it is about.
    await sam.page.goto(`${e2e.server.url}/inventaris/leefgebied/work`)
    expect(await sam.page.getByTestId('statement-note').first().textContent()).toContain('Waar fiets je het liefst?')
    await checkAsSam('/inventaris/leefgebied/work')

    step('9')
    // Noor sees it arrived and the answer; then signs: a confirmation, no second button.
    await noor.page.goto(samUrl)
    const panel = (await noor.page.getByTestId('review-panel').textContent()) ?? ''
    expect(panel).toContain('Gelezen op')
    expect(panel).toContain('Sam antwoordde: Langs de rivier, op zondag.')
    expect(await noor.page.getByTestId('signatures').textContent()).toContain('Sam: nog niet')
    await noor.page.getByRole('button', { name: 'Deze versie ondertekenen' }).click()
    await noor.page.getByText('Getekend. Dank je wel.').waitFor()
    expect(await noor.page.getByTestId('signatures').textContent()).toMatch(/Sam: nog niet · Noor Haddou: getekend op \d+ \w+ \d{4}/)
    expect(await noor.page.getByRole('button', { name: 'Deze versie ondertekenen' }).count()).toBe(0)
    await expectAccessible(noor.page)

    step('10')
    // Sam signs too, from "Voor jou".
    await sam.page.goto(`${e2e.server.url}/voorstellen`)
    await sam.page.getByRole('button', { name: 'Deze versie ondertekenen' }).click()
    await sam.page.getByText('Getekend. Dank je wel.').waitFor()
    expect(await sam.page.getByTestId('signatures').textContent()).toMatch(/Sam: getekend op .* · Noor Haddou: getekend op/)
    await checkAsSam('/voorstellen')

    step('11')
    // Noor on a phone: one column, the panel behind its tab (a link, so no JavaScript needed).
    const phone = await signInOnPhone(e2e.browser, e2e.server.url, 'noor')
    await phone.page.goto(samUrl)
    expect(await visible(phone.page, '#reacties')).toBe(false)
    await noHorizontalScroll(phone.page)
    await expectAccessible(phone.page)
    await phone.page.getByRole('link', { name: 'Reacties en voorstellen' }).click()
    await expect.poll(() => visible(phone.page, '#reacties')).toBe(true)
    expect(await visible(phone.page, '#krachten')).toBe(false)
    await noHorizontalScroll(phone.page)
    await expectAccessible(phone.page)

    expect(sam.errors).toEqual([])
    expect(samCheck.errors).toEqual([])
    expect(noor.errors).toEqual([])
    expect(phone.errors).toEqual([])
    await Promise.all([sam.close(), samCheck.close(), noor.close(), phone.close()])
  })
})

describe('one comment form per page on the worker\'s client page', () => {
  it('a link opens it without JavaScript; a failed save keeps the text, a save closes it; a reader sees no link', { timeout: 240_000 }, async () => {
    // Sam shares the inventory with Noor to comment on and with Eva only to read (through the API:
    // the sharing page has its own tests).
    const sam = await signInOnPhone(e2e.browser, e2e.server.url, 'sam')
    const api = `${e2e.server.url}/api/v1`
    const headers = { origin: e2e.server.url }
    const idOf = async (page: Page) => ((await (await page.request.get(`${api}/me`)).json()) as { id: string }).id
    const noor = await signInOnPhone(e2e.browser, e2e.server.url, 'noor', { javaScript: false })
    const eva = await signInOnPhone(e2e.browser, e2e.server.url, 'eva', { javaScript: false })
    const [samId, noorId, evaId] = [await idOf(sam.page), await idOf(noor.page), await idOf(eva.page)]
    for (const [granteeId, access] of [
      [noorId, 'comment'],
      [evaId, 'read'],
    ] as const) {
      const shared = await sam.page.request.post(`${api}/clients/${samId}/consents`, { headers, data: { granteeId, scopes: ['inventory'], excludeDomains: [], access, endsAt: null } })
      expect(shared.status()).toBe(201)
    }
    const page = `${e2e.server.url}/clienten/${samId}`

    // Noor, no JavaScript: a link under every statement and no form, until a link opens one.
    await noor.page.goto(page)
    const statements = noor.page.getByTestId('shared-statement')
    const links = noor.page.getByRole('link', { name: /^Reageer op de zin: "/ })
    expect(await links.count()).toBe(await statements.count())
    expect(await noor.page.locator('textarea').count()).toBe(0)
    const first = statements.first()
    const statementId = ((await first.getAttribute('id')) ?? '').replace('zin-', '')
    expect(await first.getByRole('link', { name: /^Reageer/ }).getAttribute('href')).toBe(`/clienten/${samId}?reageer=${statementId}#zin-${statementId}`)
    await first.getByRole('link', { name: /^Reageer/ }).click()
    await noor.page.waitForURL(`${page}?reageer=${statementId}#zin-${statementId}`)
    expect(await noor.page.locator('form textarea[name="body"]').count()).toBe(1)
    expect(await first.getByRole('link', { name: /^Reageer/ }).count()).toBe(0)

    // A failed save (too long): the form stays open with the text as typed and says why.
    const long = 'Dit wil ik graag beter begrijpen. '.repeat(40)
    await first.getByLabel('Reactie').fill(long)
    await first.getByRole('button', { name: 'Reageren' }).click()
    await first.getByText('Dit is te lang.').waitFor()
    expect(await first.getByLabel('Reactie').inputValue()).toBe(long)
    expect(await first.getByText('Je tekst staat er nog.').count()).toBe(1)

    // A save: the form closes, the confirmation is at the statement, its link is back.
    await first.getByLabel('Reactie').fill('Wat fijn dat dit lukt.')
    await first.getByRole('button', { name: 'Reageren' }).click()
    await noor.page.waitForURL(new RegExp(`klaar=comment&zin=${statementId}#zin-${statementId}$`))
    await first.getByText('Je reactie staat erbij.').waitFor()
    expect(await first.getByText('Wat fijn dat dit lukt.').count()).toBe(1)
    expect(await noor.page.locator('textarea').count()).toBe(0)
    expect(await first.getByRole('link', { name: /^Reageer/ }).count()).toBe(1)

    // "Sluiten" closes without saving, back at the statement.
    await first.getByRole('link', { name: /^Reageer/ }).click()
    await first.getByRole('link', { name: /^Sluiten/ }).click()
    await noor.page.waitForURL(`${page}#zin-${statementId}`)
    expect(await noor.page.locator('textarea').count()).toBe(0)

    // An unknown or malformed statement opens nothing and is no error.
    for (const odd of ['00000000-0000-4000-8000-000000000000', 'niet-een-zin']) {
      const response = await noor.page.goto(`${page}?reageer=${odd}`)
      expect(response?.status()).toBe(200)
      expect(await noor.page.locator('textarea').count()).toBe(0)
    }

    // Eva may only read: no link, and the address cannot open a form for her.
    await eva.page.goto(page)
    expect(await eva.page.getByTestId('access-line').textContent()).toContain('deelt dit om te lezen')
    expect(await eva.page.getByRole('link', { name: /^Reageer/ }).count()).toBe(0)
    const response = await eva.page.goto(`${page}?reageer=${statementId}`)
    expect(response?.status()).toBe(200)
    expect(await eva.page.locator('textarea').count()).toBe(0)

    // With JavaScript, on a phone: the cursor goes into the box, the page stays at the statement, the
    // link is a full touch target, and a draft survives a reload.
    const phone = await signInOnPhone(e2e.browser, e2e.server.url, 'noor')
    await phone.page.goto(page)
    const last = phone.page.getByTestId('shared-statement').last()
    const link = last.getByRole('link', { name: /^Reageer/ })
    const box = await link.boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(44)
    expect(box!.width).toBeGreaterThanOrEqual(44)
    await link.click()
    await phone.page.waitForURL(/\?reageer=/)
    await expect.poll(() => phone.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('body')
    expect(await last.isVisible()).toBe(true)
    const inView = await last.evaluate((el) => {
      const rect = el.getBoundingClientRect()
      return rect.bottom > 0 && rect.top < window.innerHeight
    })
    expect(inView).toBe(true)
    await noHorizontalScroll(phone.page)
    await expectAccessible(phone.page)
    await phone.page.keyboard.type('Nog even over nadenken')
    await phone.page.reload()
    await hydrated(phone.page)
    await expect.poll(() => last.getByLabel('Reactie').inputValue()).toBe('Nog even over nadenken')
    // A comment that quotes risky words is saved, with the help card (an answer, not a redirect): the
    // form closes all the same, the confirmation is at the statement, and its draft is gone.
    await last.getByLabel('Reactie').fill('Sam zei: ik wil niet meer leven. Ik bel vandaag.')
    await last.getByRole('button', { name: 'Reageren' }).click()
    await phone.page.locator('.safety-card').waitFor()
    await last.getByText('Je reactie staat erbij.').waitFor()
    expect(await phone.page.locator('textarea:visible').count()).toBe(0)
    await phone.page.waitForTimeout(200)
    await last.getByRole('link', { name: /^Reageer/ }).click()
    await expect.poll(() => phone.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('body')
    expect(await last.getByLabel('Reactie').inputValue()).toBe('')
    expect(await phone.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('kracht:draft:')))).toEqual([])

    expect(sam.errors).toEqual([])
    expect(noor.errors).toEqual([])
    expect(eva.errors).toEqual([])
    expect(phone.errors).toEqual([])
    await Promise.all([sam.close(), noor.close(), eva.close(), phone.close()])
  })
})
