import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

const signIn = (username: string, javaScript = true) => signInOnPhone(e2e.browser, e2e.server.url, username, { javaScript })

describe('sharing on consent at 360 px', () => {
  it('sam shares without partner; noor reads, suggests; sam accepts; both sign; sam sees noor in the log; sam stops; noor is told kindly', { timeout: 120_000 }, async () => {
    const sam = await signIn('sam')
    // Something in the domain sam will leave out.
    await sam.page.goto(`${e2e.server.url}/inventaris/nieuw?domein=partner`)
    await sam.page.getByLabel('Je zin').fill('Ik spreek mijn ex alleen op het station')
    await sam.page.getByRole('button', { name: 'Opslaan' }).click()
    await sam.page.waitForURL(/leefgebied\/partner/)

    // Wie mag wat zien: share the inventory with noor, without (Ex-)partner, read and comment.
    await sam.page.goto(`${e2e.server.url}/delen`)
    expect(await sam.page.getByText('Je deelt nu met niemand.').count()).toBe(1)
    await noHorizontalScroll(sam.page)
    await expectAccessible(sam.page)
    await sam.page.getByLabel(/Noor Haddou/).check()
    await sam.page.getByText('Deze leefgebieden niet delen').click()
    await sam.page.getByLabel('(Ex-)partner').check()
    await sam.page.getByLabel('Lezen en reageren').check()
    await sam.page.getByRole('button', { name: 'Delen' }).click()
    await sam.page.waitForURL(/gedeeld=/)
    await sam.page.getByTestId('consent').waitFor()
    expect(await sam.page.getByRole('status').first().textContent()).toContain('Gedeeld met Noor Haddou')

    // Noor: caseload, then the read view, without the partner domain.
    const noor = await signIn('noor')
    await noor.page.goto(`${e2e.server.url}/caseload`)
    expect(await noor.page.getByTestId('caseload').textContent()).toContain('Sam')
    await noHorizontalScroll(noor.page)
    await noor.page.getByRole('link', { name: 'Bekijken' }).first().click()
    await noor.page.waitForURL(/\/clienten\/[0-9a-f-]{36}$/)
    await noor.page.getByRole('heading', { level: 1, name: 'Wat Sam met je deelt' }).waitFor()
    const samUrl = noor.page.url()
    const body = (await noor.page.locator('.page').first().textContent()) ?? ''
    expect(body).not.toContain('station')
    expect(body).not.toContain('(Ex-)partner')
    expect(await noor.page.locator('[data-domain="partner"]').count()).toBe(0)
    await noHorizontalScroll(noor.page)
    await expectAccessible(noor.page)

    // Noor comments and proposes a rewording on a work statement.
    const work = noor.page.locator('[data-domain="work"] [data-testid="shared-statement"]').first()
    await work.getByRole('link', { name: /^Reageer op de zin/ }).click()
    await work.getByLabel('Reactie').fill('Mooi! Kun je het specifieker maken?')
    await work.getByLabel(/Voorstel voor andere woorden/).fill('Ik kan elke dinsdag goed plannen bij de fietsenmaker')
    await work.getByRole('button', { name: 'Reageren' }).click()
    await noor.page.waitForURL(/klaar=suggestion/)

    // Sam accepts it: the words become sam's.
    await sam.page.goto(`${e2e.server.url}/voorstellen`)
    expect(await sam.page.getByTestId('suggestion').textContent()).toContain('Ik kan elke dinsdag goed plannen bij de fietsenmaker')
    await noHorizontalScroll(sam.page)
    await expectAccessible(sam.page)
    await sam.page.getByRole('button', { name: 'Overnemen' }).click()
    await sam.page.waitForURL(/klaar=1/)
    await sam.page.getByText('Klaar. Het is jouw tekst.').waitFor()
    expect(await sam.page.getByTestId('suggestion').count()).toBe(0)

    // Both sign.
    await sam.page.getByRole('button', { name: 'Deze versie ondertekenen' }).click()
    await sam.page.getByText('Getekend. Dank je wel.').waitFor()
    expect(await sam.page.getByTestId('signatures').textContent()).toContain('Sam: getekend op')
    await noor.page.goto(samUrl)
    expect(await noor.page.locator('body').textContent()).toContain('Ik kan elke dinsdag goed plannen bij de fietsenmaker')
    // At 360 px the panel with the signing step sits behind its tab.
    await noor.page.locator('.review-tabs').getByRole('link', { name: 'Reacties en voorstellen' }).click()
    await noor.page.getByRole('button', { name: 'Deze versie ondertekenen' }).click()
    await noor.page.getByText('Getekend. Dank je wel.').waitFor()
    const signatures = (await noor.page.getByTestId('signatures').textContent()) ?? ''
    // Noor does not see partner, so whether sam's signature still holds (it covers partner too) is
    // not noor's to see: only when sam signed.
    expect(signatures).toContain('Sam: tekende op')
    expect(signatures).not.toContain('daarna veranderd')
    expect(signatures).toContain('Noor Haddou: getekend op')

    // Sam sees noor in "Wie heeft mijn gegevens bekeken".
    await sam.page.goto(`${e2e.server.url}/delen/bekeken`)
    expect(await sam.page.getByTestId('access-log').textContent()).toContain('Noor Haddou bekeek Mijn krachten')
    await noHorizontalScroll(sam.page)
    await expectAccessible(sam.page)

    // Sam stops sharing; noor's very next request gets the friendly page.
    await sam.page.goto(`${e2e.server.url}/delen`)
    await sam.page.getByRole('button', { name: 'Stoppen met delen' }).click()
    await sam.page.waitForURL(/gestopt=/)
    await sam.page.getByText('Je deelt nu met niemand.').waitFor()
    expect(await sam.page.getByText('Je deelt nu met niemand.').count()).toBe(1)
    const response = await noor.page.goto(samUrl)
    expect(response?.status()).toBe(403)
    expect(await noor.page.getByRole('heading', { level: 1 }).textContent()).toBe('Dit is niet met jou gedeeld')
    await expectAccessible(noor.page)

    expect(sam.errors).toEqual([])
    await sam.close()
    await noor.close()
  })
})
