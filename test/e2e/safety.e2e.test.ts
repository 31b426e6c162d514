import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { phoneContext } from '../support/browser'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

/** Sends an answer in the chat (without JavaScript: a page load per turn) and waits for the next step. */
async function answer(page: Page, text: string) {
  const before = await page.locator('input[name="version"]').first().inputValue()
  await page.locator('#answer-text').fill(text)
  await page.getByRole('button', { name: 'Verstuur' }).click()
  await expect.poll(() => page.locator('input[name="version"]').count().then(async (n) => (n === 0 ? 'done' : page.locator('input[name="version"]').first().inputValue()))).not.toBe(before)
}

describe('my safety plan at 360 px', () => {
  it('a client builds the plan through the conversation, keeps the cards, and sees the plan first on /hulp', { timeout: 150_000 }, async () => {
    const { context, page, errors } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: false })
    await page.goto(`${e2e.server.url}/hulp/mijn-plan`)
    await page.getByRole('button', { name: 'Samen met de assistent invullen' }).click()
    await page.waitForURL(/\/assistent\/[0-9a-f-]+$/)
    await expect.poll(() => page.locator('#question').textContent()).toMatch(/merk jij dat het minder goed/)
    await noHorizontalScroll(page)

    await answer(page, 'Ik slaap slecht')
    await answer(page, 'Ik ga wandelen')
    await page.getByRole('button', { name: 'Overslaan' }).click()
    await expect.poll(() => page.locator('#question').textContent()).toMatch(/rustig en veilig/)
    await answer(page, 'De bibliotheek')
    await answer(page, 'Mijn kinderen')
    await answer(page, 'Mijn huisarts')
    await expect.poll(() => page.locator('.celebration').count()).toBe(1)

    // Keep every card; each lands in the plan.
    for (let left = await page.locator('.proposal').count(); left > 0; left--) {
      await page.locator('.proposal').first().getByRole('button', { name: 'Bewaren' }).click()
      await expect.poll(() => page.locator('.proposal').count()).toBe(left - 1)
    }

    await page.getByRole('link', { name: 'Hulp nodig?' }).last().click()
    await page.waitForURL(`${e2e.server.url}/hulp`)
    const plan = page.locator('.my-plan')
    expect(await plan.textContent()).toContain('Ik slaap slecht')
    expect(await plan.textContent()).toContain('Mijn kinderen')
    // First on the page: the plan comes before the help lines.
    expect(await page.evaluate(() => {
      const mine = document.querySelector('.my-plan')
      const lines = document.querySelector('.help-lines')
      return Boolean(mine && lines && mine.compareDocumentPosition(lines) & Node.DOCUMENT_POSITION_FOLLOWING)
    })).toBe(true)
    const hrefs = await page.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual(expect.arrayContaining(['tel:112', 'tel:113', 'tel:08000113', 'tel:08002000']))
    await noHorizontalScroll(page)

    // The print view has every part on one sheet.
    await page.goto(`${e2e.server.url}/hulp/mijn-plan/afdrukken`)
    expect(await page.locator('.plan-view-part').count()).toBe(6)
    expect(errors).toEqual([])
    await context.close()
  })

  it('the plan form works without JavaScript and refuses script in a line, keeping what was typed', { timeout: 60_000 }, async () => {
    const { context, page } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: false })
    await page.goto(`${e2e.server.url}/hulp/mijn-plan`)
    await page.getByLabel('Waarom ik doorga, nieuwe regel').fill('<script>alert(1)</script>')
    await page.getByRole('button', { name: 'Plan opslaan' }).click()
    // Beside the line, which points at it; the line keeps what was typed.
    const refused = page.locator('input[aria-invalid="true"]')
    await expect.poll(() => refused.count()).toBe(1)
    expect(await refused.inputValue()).toBe('<script>alert(1)</script>')
    const errorId = (await refused.getAttribute('aria-describedby'))?.split(' ')[0]
    expect(await page.locator(`.plan-line [id="${errorId}"]`).textContent()).toBe('Tekens als < en > kunnen hier niet. Schrijf het in gewone woorden.')
    await page.goto(`${e2e.server.url}/hulp`)
    expect(await page.locator('.my-plan').textContent()).not.toContain('script')

    // A 10 kB line: named beside it, and the plan saved before stays as it was.
    await page.goto(`${e2e.server.url}/hulp/mijn-plan`)
    const before = await page.locator('form[data-draft="safety-plan"] input[type="text"]').evaluateAll((inputs) => inputs.map((i) => (i instanceof HTMLInputElement ? i.value : '')))
    await page.getByLabel('Plekken waar ik me veilig voel, nieuwe regel').fill('x'.repeat(10_000))
    await page.getByRole('button', { name: 'Plan opslaan' }).click()
    await expect.poll(() => page.getByText('Deze regel is te lang.').count()).toBe(1)
    await page.goto(`${e2e.server.url}/hulp/mijn-plan`)
    expect(await page.locator('form[data-draft="safety-plan"] input[type="text"]').evaluateAll((inputs) => inputs.map((i) => (i instanceof HTMLInputElement ? i.value : '')))).toEqual(before)
    await context.close()
  })

  it('with JavaScript: accessible, and the help card after a risky line', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: true })
    await page.goto(`${e2e.server.url}/hulp/mijn-plan`)
    await expectAccessible(page)
    await page.getByLabel('Mijn signalen, nieuwe regel').fill('Als ik denk dat iedereen beter af is zonder mij')
    await page.getByRole('button', { name: 'Plan opslaan' }).click()
    await expect.poll(() => page.locator('.safety-card').count()).toBe(1)
    expect(await page.getByText('Je plan is opgeslagen.').count()).toBe(1)
    expect(await page.locator('.safety-card a[href="tel:113"]').count()).toBe(1)
    await noHorizontalScroll(page)
    await expectAccessible(page)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('every text screened: a session note', () => {
  it('a risky note is saved as written and the help card follows, with the lines that fit', { timeout: 90_000 }, async () => {
    const noor = await signInOnPhone(e2e.browser, e2e.server.url, 'noor', { javaScript: false })
    const sam = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: false })
    const samId = (await (await sam.page.request.get(`${e2e.server.url}/api/v1/me`)).json()).id
    // A note waits until the session has begun: this one starts in two seconds.
    const startsAt = new Date(Date.now() + 2_000).toISOString()
    const planned = await noor.page.request.post(`${e2e.server.url}/api/v1/sessions`, {
      data: { kind: 'one_to_one', title: 'Gesprek', startsAt, clientIds: [samId] },
      headers: { origin: e2e.server.url },
    })
    expect(planned.status()).toBe(201)
    const { id } = await planned.json()
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    await sam.page.goto(`${e2e.server.url}/sessies/${id}`)
    const note = 'Mijn vriend slaat me als hij dronken is'
    await sam.page.locator('#note-text').fill(note)
    await sam.page.getByRole('button', { name: /opslaan|bewaren/i }).click()
    await expect.poll(() => sam.page.locator('.safety-card').count()).toBe(1)
    expect(await sam.page.locator('#note-text').inputValue()).toBe(note)
    const hrefs = await sam.page.locator('.safety-card a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual(['tel:08002000', 'tel:112'])
    // The kind of signal never lands in the address bar (a watched phone keeps its history).
    expect(sam.page.url()).not.toMatch(/violence|hulp=/)
    await noHorizontalScroll(sam.page)
    await noor.close()
    await sam.close()
  })
})

describe('every text screened: a statement', () => {
  it('without JavaScript: saved as written, then the one shared help card on the domain page', { timeout: 60_000 }, async () => {
    const { context, page } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: false })
    await page.goto(`${e2e.server.url}/inventaris/nieuw?domein=health`)
    const words = 'soms denk ik dat iedereen beter af is zonder mij'
    await page.getByLabel('Je zin').fill(words)
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/inventaris\/leefgebied\/health/)
    expect(await page.locator('.statement.is-new .statement-text').textContent()).toBe(words)
    await expect.poll(() => page.locator('.safety-card').count()).toBe(1)
    const hrefs = await page.locator('.safety-card a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual(['tel:113', 'tel:08000113', 'tel:112'])
    expect(await page.locator('.safety-card a[href="/hulp/rustig-worden"]').count()).toBe(1)
    // The older inline box is gone: one card, the same everywhere.
    expect(await page.locator('.notice--care').count()).toBe(0)
    await noHorizontalScroll(page)
    await context.close()
  })

  it('with JavaScript: the card comes while typing on the edit page, with Veilig Thuis for violence', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: true })
    await page.goto(`${e2e.server.url}/inventaris/leefgebied/housing`)
    await page.locator('.statement a[href^="/inventaris/zin/"]').first().click()
    await page.waitForURL(/\/inventaris\/zin\//)
    await page.getByLabel('Je zin').fill('mijn ex dreigt dat hij me vermoordt als ik de kinderen meeneem')
    await expect.poll(() => page.locator('.safety-card').count(), { timeout: 10_000 }).toBe(1)
    const hrefs = await page.locator('.safety-card a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual(['tel:08002000', 'tel:112'])
    // Nothing is saved yet, and the card does not say so.
    expect(await page.locator('.safety-card').textContent()).not.toContain('opgeslagen')
    await noHorizontalScroll(page)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('every text screened: remarks', () => {
  it('risky remarks are saved as written, with the help card after the save', { timeout: 60_000 }, async () => {
    const { context, page } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: false })
    await page.goto(`${e2e.server.url}/inventaris`)
    await page.locator('#remarks-remarks').fill('ik wil niet meer leven')
    await page.locator('#opmerkingen').getByRole('button').click()
    await expect.poll(() => page.locator('.safety-card').count()).toBe(1)
    expect(await page.locator('.safety-card a[href="tel:113"]').count()).toBe(1)
    expect(await page.locator('#remarks-remarks').inputValue()).toBe('ik wil niet meer leven')
    await context.close()
  })
})

describe('grounding', () => {
  it('the breathing circle moves, and with reduced motion only the counted text guides', { timeout: 60_000 }, async () => {
    const context = await phoneContext(e2e.browser, { javaScript: false })
    const page = await context.newPage()
    await page.goto(`${e2e.server.url}/hulp`)
    await page.getByRole('link', { name: 'Doe de oefening' }).click()
    await page.waitForURL(`${e2e.server.url}/hulp/rustig-worden`)
    expect(await page.locator('.senses li').count()).toBe(5)
    expect(await page.locator('.breathing-circle').evaluate((el) => getComputedStyle(el).animationName)).toBe('breathe')
    await noHorizontalScroll(page)
    await page.emulateMedia({ reducedMotion: 'reduce' })
    expect(await page.locator('.breathing').isVisible()).toBe(false)
    expect(await page.locator('.breathing-text').isVisible()).toBe(true)
    await context.close()
  })
})

describe('help is on every page', () => {
  const routes: Record<string, string[]> = {
    nobody: ['/', '/inloggen', '/hulp', '/hulp/rustig-worden', '/uitnodiging', '/bestaat-niet'],
    sam: ['/', '/inventaris', '/inventaris/nieuw', '/inventaris/prioriteiten', '/inventaris/kwaliteit', '/inventaris/terugkijken', '/inventaris/afdrukken', '/inventaris/analyse', '/geld', '/netwerk', '/plan', '/assistent', '/delen', '/delen/bekeken', '/voorstellen', '/sessies', '/account/wachtwoord', '/hulp', '/hulp/mijn-plan', '/hulp/mijn-plan/afdrukken', '/hulp/rustig-worden', '/caseload'],
    noor: ['/', '/caseload', '/clienten', '/clienten/uitnodigen', '/sessies', '/account/api-tokens', '/account/wachtwoord', '/hulp', '/hulp/mijn-plan'],
    eva: ['/', '/caseload', '/sessies', '/hulp'],
    admin: ['/', '/beheer', '/beheer/uitnodigen', '/hulp'],
  }
  it.each(Object.entries(routes))('signed in as %s (or not): every page has the help link', { timeout: 120_000 }, async (who, paths) => {
    const signed = who === 'nobody' ? null : await signInOnPhone(e2e.browser, e2e.server.url, who, { javaScript: false })
    const context = signed?.context ?? (await phoneContext(e2e.browser, { javaScript: false }))
    const page = signed?.page ?? (await context.newPage())
    const missing: string[] = []
    for (const path of paths) {
      const response = await page.goto(`${e2e.server.url}${path}`)
      expect(response?.status() ?? 0, path).toBeLessThan(500)
      if ((await page.locator('footer a.help-link[href="/hulp"]').count()) !== 1) missing.push(path)
    }
    expect(missing).toEqual([])
    await context.close()
  })
})

describe('quick exit', () => {
  it('with JavaScript it leaves no way back to the help page', { timeout: 60_000 }, async () => {
    const { context, page } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: true })
    // No network in tests: the neutral page is answered here.
    await context.route('https://www.google.nl/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>weer</title><p>weer</p>' }))
    // Something typed and not saved yet is kept on the phone as a draft...
    await page.goto(`${e2e.server.url}/inventaris/nieuw`)
    await page.getByLabel('Je zin').fill('Ik wil hier weg')
    const drafts = (on: typeof page) => on.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('kracht:draft:')).length)
    await expect.poll(() => drafts(page)).toBeGreaterThan(0)
    await page.goto(`${e2e.server.url}/hulp`)
    await page.getByRole('link', { name: 'Snel weg' }).click()
    await page.waitForURL(/google\.nl/)
    await page.goBack().catch(() => null)
    expect(page.url()).not.toContain('/hulp')
    // ...and "Snel weg" forgets it: nobody who picks up the phone finds it.
    const check = await context.newPage()
    await check.goto(`${e2e.server.url}/hulp`)
    expect(await drafts(check)).toBe(0)
    await context.close()
  })

  it('without JavaScript it is a plain link away, on the help page and the plan', { timeout: 60_000 }, async () => {
    const { context, page } = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: false })
    for (const path of ['/hulp', '/hulp/mijn-plan', '/hulp/rustig-worden']) {
      await page.goto(`${e2e.server.url}${path}`)
      expect(await page.getByRole('link', { name: 'Snel weg' }).getAttribute('href'), path).toMatch(/^https:\/\/www\.google\.nl\//)
    }
    await context.close()
  })
})
