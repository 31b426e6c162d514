import { describe, expect, it } from 'vitest'
import { expectAccessible, hydrated, noHorizontalScroll, signInOnPhone } from '../support/pages'
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

  it('sharing again with noor changes that one share: the page says so first, with and without JavaScript', { timeout: 120_000 }, async () => {
    const sam = await signIn('sam')
    const page = sam.page
    const noorShares = page.getByTestId('consent').filter({ hasText: 'Noor Haddou mag zien' })
    const replaces = 'Je deelt al met Noor Haddou. Wat je nu kiest, vervangt dat.'
    await page.goto(`${e2e.server.url}/delen`)
    await page.getByLabel(/Noor Haddou/).check()
    await page.getByRole('button', { name: 'Delen', exact: true }).click()
    await page.waitForURL(/gedeeld=/)
    await expect.poll(() => noorShares.count()).toBe(1)

    // Choosing noor again: the form says what will happen before anything changes (not for eva).
    await page.getByLabel(/Eva de Wit/).check()
    expect(await page.getByText(replaces).count()).toBe(0)
    await page.getByLabel(/Noor Haddou/).check()
    await page.getByText(replaces).waitFor()
    await page.getByLabel('Lezen en reageren').check()
    await noHorizontalScroll(page)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Delen', exact: true }).click()
    await page.waitForURL(/vervangen=1/)
    await page.getByRole('status').filter({ hasText: 'Gedeeld met Noor Haddou. Dit vervangt wat je eerder met Noor Haddou deelde.' }).waitFor()
    expect(await noorShares.count()).toBe(1)
    expect(await noorShares.textContent()).toContain('mag ook reageren')

    // "Wijzigen" opens the form with that share's choices: only what changes needs a tap.
    await page.getByRole('link', { name: 'Wijzigen wat Noor Haddou mag zien' }).click()
    await page.waitForURL(/wijzig=/)
    expect(await page.getByLabel(/Noor Haddou/).isChecked()).toBe(true)
    expect(await page.getByLabel('Lezen en reageren').isChecked()).toBe(true)
    await page.getByText(replaces).waitFor()
    await page.getByText('Deze leefgebieden niet delen').click()
    await page.getByLabel('(Ex-)partner').check()
    await page.getByRole('button', { name: 'Delen', exact: true }).click()
    await page.waitForURL(/vervangen=1/)
    await expect.poll(() => noorShares.textContent()).toContain('behalve: (Ex-)partner')
    expect(await noorShares.count()).toBe(1)
    expect(await noorShares.textContent()).toContain('mag ook reageren')
    expect(sam.errors).toEqual([])
    await sam.close()

    // Without JavaScript: the line stands under noor's name, and the answer says it replaced.
    const plain = await signIn('sam', false)
    await plain.page.goto(`${e2e.server.url}/delen`)
    expect(await plain.page.getByRole('link', { name: 'Begin met wat Noor Haddou nu mag zien' }).count()).toBe(1)
    await plain.page.getByLabel(/Noor Haddou/).check()
    await plain.page.getByLabel('Lezen en reageren').check()
    await plain.page.getByRole('button', { name: 'Delen', exact: true }).click()
    await plain.page.waitForURL(/vervangen=1/)
    expect(await plain.page.getByTestId('consent').filter({ hasText: 'Noor Haddou mag zien' }).count()).toBe(1)
    await plain.close()
  })

  it('choosing a person who has a share starts from that share; without JavaScript a share the form did not show is not replaced unseen', { timeout: 150_000 }, async () => {
    const sam = await signIn('sam')
    const page = sam.page
    const shareOf = (name: string) => page.getByTestId('consent').filter({ hasText: `${name} mag zien` })
    await page.goto(`${e2e.server.url}/delen`)
    await hydrated(page)
    // Noor: network too, without (Ex-)partner, read and comment, until a day; Eva: the plan too.
    await page.getByLabel(/Noor Haddou/).check()
    await page.getByLabel('Mijn netwerk').check()
    await page.getByText('Deze leefgebieden niet delen').click()
    await page.getByLabel('(Ex-)partner').check()
    await page.getByLabel('Lezen en reageren').check()
    await page.getByLabel('Tot wanneer? (mag leeg blijven)').fill('2099-06-30')
    await page.getByRole('button', { name: 'Delen', exact: true }).click()
    await page.waitForURL(/gedeeld=/)
    await expect.poll(() => shareOf('Noor Haddou').textContent()).toContain('behalve: (Ex-)partner')
    await page.goto(`${e2e.server.url}/delen`)
    await hydrated(page)
    await page.getByLabel(/Eva de Wit/).check()
    await page.getByLabel('Mijn actieplan').check()
    await page.getByRole('button', { name: 'Delen', exact: true }).click()
    await page.waitForURL(/gedeeld=/)
    await expect.poll(() => shareOf('Eva de Wit').textContent()).toContain('Mijn actieplan')

    // A fresh form: choosing Noor fills in what Noor may see now, and says so.
    await page.goto(`${e2e.server.url}/delen`)
    await hydrated(page)
    await page.getByLabel(/Eva de Wit/).check()
    expect(await page.getByLabel('Mijn actieplan').isChecked()).toBe(true)
    await page.getByLabel(/Noor Haddou/).check()
    const notice = page.getByTestId('replaces')
    await notice.getByText('Je deelt al met Noor Haddou. Wat je nu kiest, vervangt dat.').waitFor()
    expect(await notice.textContent()).toContain('Nu mag Noor Haddou zien: Mijn krachten, Mijn netwerk; behalve: (Ex-)partner; mag ook reageren')
    expect(await notice.textContent()).toContain('Het formulier laat zien wat Noor Haddou nu mag zien.')
    expect(await page.getByLabel('Mijn netwerk').isChecked()).toBe(true)
    expect(await page.getByLabel('Mijn actieplan').isChecked()).toBe(false)
    expect(await page.getByLabel('(Ex-)partner').isChecked()).toBe(true)
    expect(await page.getByLabel('Lezen en reageren').isChecked()).toBe(true)
    expect(await page.getByLabel('Tot wanneer? (mag leeg blijven)').inputValue()).toBe('2099-06-30')
    await noHorizontalScroll(page)
    await expectAccessible(page)
    // Only what should change: read only. The rest of Noor's share stays.
    await page.getByLabel('Alleen lezen').check()
    // Meanwhile, in another tab, sam lets Noor see the plan too: this form no longer shows the share
    // in force. Sending it changes nothing, keeps every choice, and shows the share as it is now.
    const otherTab = await sam.context.newPage()
    await otherTab.goto(`${e2e.server.url}/delen`)
    await hydrated(otherTab)
    await otherTab.getByLabel(/Noor Haddou/).check()
    await otherTab.getByLabel('Mijn actieplan').check()
    await otherTab.getByRole('button', { name: 'Delen', exact: true }).click()
    await otherTab.waitForURL(/vervangen=1/)
    await otherTab.close()
    await page.getByRole('button', { name: 'Delen', exact: true }).click()
    await page.getByRole('alert').filter({ hasText: 'Je deelt al met deze persoon. Er is niets veranderd.' }).waitFor()
    await expect.poll(() => notice.textContent()).toContain('Nu mag Noor Haddou zien: Mijn krachten, Mijn actieplan, Mijn netwerk')
    expect(await page.getByLabel('Alleen lezen').isChecked()).toBe(true)
    expect(await page.getByLabel('Mijn actieplan').isChecked()).toBe(false)
    expect(await page.getByLabel('(Ex-)partner').isChecked()).toBe(true)
    await noHorizontalScroll(page)
    await expectAccessible(page)
    // Seen now: the next press replaces it with what sam chose here.
    await page.getByRole('button', { name: 'Delen', exact: true }).click()
    await page.waitForURL(/vervangen=1/)
    await expect.poll(() => shareOf('Noor Haddou').textContent()).toContain('mag alleen lezen')
    const noorNow = (await shareOf('Noor Haddou').textContent()) ?? ''
    expect(noorNow).toContain('Mijn netwerk')
    expect(noorNow).not.toContain('Mijn actieplan')
    expect(noorNow).toContain('behalve: (Ex-)partner')
    expect(sam.errors).toEqual([])
    await sam.close()

    // Without JavaScript: Eva chosen in a form that showed Noor's share. Nothing changes; the page
    // shows Eva's share beside what sam chose, and keeps every choice.
    const plain = await signIn('sam', false)
    const form = plain.page
    // Only another person chosen, the choices left as the form came with Noor's share: nothing
    // changes, and the form now holds what Eva may see, not Noor's choices, and says so.
    await form.goto(`${e2e.server.url}/delen`)
    expect(await form.getByLabel('Mijn netwerk').isChecked()).toBe(true)
    await form.getByLabel(/Eva de Wit/).check()
    await form.getByRole('button', { name: 'Delen', exact: true }).click()
    await form.getByRole('alert').getByText('Je deelt al met deze persoon. Er is niets veranderd.', { exact: false }).waitFor()
    const refilled = (await form.getByTestId('replaces').textContent()) ?? ''
    expect(refilled).toContain('Nu mag Eva de Wit zien: Mijn krachten, Mijn actieplan; mag alleen lezen; zonder einddatum')
    expect(refilled).toContain('Het formulier laat zien wat Eva de Wit nu mag zien.')
    expect(await form.getByLabel(/Eva de Wit/).isChecked()).toBe(true)
    expect(await form.getByLabel('Mijn actieplan').isChecked()).toBe(true)
    expect(await form.getByLabel('Mijn netwerk').isChecked()).toBe(false)
    expect(await form.getByLabel('(Ex-)partner').isChecked()).toBe(false)
    expect(await form.getByLabel('Tot wanneer? (mag leeg blijven)').inputValue()).toBe('')
    await noHorizontalScroll(form)
    // A choice of her own (one more part) stays as she made it, and the page says the choices are hers.
    await form.goto(`${e2e.server.url}/delen`)
    await form.getByLabel(/Eva de Wit/).check()
    await form.getByLabel('Mijn signaleringsplan').check()
    await form.getByRole('button', { name: 'Delen', exact: true }).click()
    await form.getByRole('alert').getByText('Je deelt al met deze persoon. Er is niets veranderd.', { exact: false }).waitFor()
    expect(await form.getByTestId('replaces').textContent()).toContain('Nu mag Eva de Wit zien: Mijn krachten, Mijn actieplan; mag alleen lezen; zonder einddatum')
    expect(await form.getByLabel(/Eva de Wit/).isChecked()).toBe(true)
    expect(await form.getByLabel('Mijn signaleringsplan').isChecked()).toBe(true)
    expect(await form.getByTestId('kept-choices').textContent()).toContain('In het formulier staan jouw keuzes. Druk je nog een keer op Delen, dan gelden die voor Eva de Wit.')
    const evaBefore = (await form.getByTestId('consent').filter({ hasText: 'Eva de Wit mag zien' }).textContent()) ?? ''
    expect(evaBefore).not.toContain('signaleringsplan')
    await noHorizontalScroll(form)
    // Seen now: the second press replaces it, with what sam chose.
    await form.getByRole('button', { name: 'Delen', exact: true }).click()
    await form.waitForURL(/vervangen=1/)
    expect(await form.getByTestId('consent').filter({ hasText: 'Eva de Wit mag zien' }).textContent()).toContain('Mijn signaleringsplan')

    // Or start from the share: the link under a person opens the form filled in with it.
    await form.getByRole('link', { name: 'Begin met wat Noor Haddou nu mag zien' }).click()
    await form.waitForURL(/wijzig=/)
    expect(await form.getByLabel(/Noor Haddou/).isChecked()).toBe(true)
    expect(await form.getByLabel('Mijn netwerk').isChecked()).toBe(true)
    expect(await form.getByLabel('(Ex-)partner').isChecked()).toBe(true)
    expect(await form.getByLabel('Tot wanneer? (mag leeg blijven)').inputValue()).toBe('2099-06-30')
    await form.getByLabel('Lezen en reageren').check()
    await form.getByRole('button', { name: 'Delen', exact: true }).click()
    await form.waitForURL(/vervangen=1/)
    const noorAfter = (await form.getByTestId('consent').filter({ hasText: 'Noor Haddou mag zien' }).textContent()) ?? ''
    expect(noorAfter).toContain('mag ook reageren')
    expect(noorAfter).toContain('Mijn netwerk')
    await plain.close()
  })

  it('a comment that cannot be sent (no connection) stays open with its words and says so; the next try saves it once', { timeout: 120_000 }, async () => {
    // Sam lets noor comment (a share again: it replaces what was there).
    const sam = await signIn('sam')
    await sam.page.goto(`${e2e.server.url}/delen`)
    await sam.page.getByLabel(/Noor Haddou/).check()
    await sam.page.getByLabel('Lezen en reageren').check()
    await sam.page.getByRole('button', { name: 'Delen', exact: true }).click()
    await sam.page.waitForURL(/gedeeld=/)
    await sam.close()

    const noor = await signIn('noor')
    const page = noor.page
    await page.goto(`${e2e.server.url}/caseload`)
    await page.getByRole('link', { name: 'Bekijken' }).first().click()
    await page.waitForURL(/\/clienten\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { level: 1, name: 'Wat Sam met je deelt' }).waitFor()
    const statement = page.locator('[data-domain="work"] [data-testid="shared-statement"]').first()
    await statement.getByRole('link', { name: /^Reageer op de zin/ }).click()
    const words = 'Wat mooi dat je dit zo goed kunt, vertel er eens meer over'
    await statement.getByLabel('Reactie').fill(words)

    // The connection drops as the comment is sent: the post never reaches the server.
    await page.route('**/clienten/**', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()))
    await statement.getByRole('button', { name: 'Reageren' }).click()
    const unsent = statement.getByRole('alert').filter({ hasText: 'Opslaan lukte niet. Je tekst staat er nog. Probeer het opnieuw.' })
    await unsent.waitFor()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Wat Sam met je deelt')
    expect(page.url()).toContain('reageer=')
    expect(await statement.getByLabel('Reactie').inputValue()).toBe(words)
    await noHorizontalScroll(page)
    await expectAccessible(page)

    // Back online, the same button saves it, once.
    await page.unroute('**/clienten/**')
    await statement.getByRole('button', { name: 'Reageren' }).click()
    await page.waitForURL(/klaar=comment/)
    await expect.poll(() => page.getByTestId('comment-line').filter({ hasText: words }).count()).toBe(1)
    expect(await page.getByTestId('comment-form').count()).toBe(0)
    // Only the dropped post itself shows as an error in the console.
    expect(noor.errors.filter((error) => !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(error))).toEqual([])
    await noor.close()
  })
})
