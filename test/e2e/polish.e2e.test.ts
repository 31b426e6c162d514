import { describe, expect, it } from 'vitest'
import { clippedText, expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

const signIn = (username: string, javaScript = true) => signInOnPhone(e2e.browser, e2e.server.url, username, { javaScript })

// A name with no place to break: the card must wrap it, not push the page sideways.
const longName = 'Wilhelminacorneliajohannavandenbergoosterhuis'

describe.each([
  { javaScript: true, label: 'with JavaScript' },
  { javaScript: false, label: 'without JavaScript' },
])('the sharing page at 360 px $label', ({ javaScript }) => {
  it('shows cards in the portal\'s own style; sharing nothing is refused beside the field, the date kept', { timeout: 90_000 }, async () => {
    const sam = await signIn('sam', javaScript)
    await sam.page.goto(`${e2e.server.url}/delen`)
    await sam.page.getByRole('heading', { level: 2, name: 'Wat je nu deelt' }).waitFor()
    expect(await sam.page.locator('section.card').count()).toBe(3)
    await noHorizontalScroll(sam.page)
    expect(await clippedText(sam.page)).toEqual([])
    if (javaScript) await expectAccessible(sam.page)

    // Nothing chosen to share: the problem stands beside "Wat?", and the typed date is still there.
    await sam.page.getByLabel('Mijn krachten').uncheck()
    await sam.page.getByLabel('Tot wanneer? (mag leeg blijven)').fill('2030-05-01')
    await sam.page.getByRole('button', { name: 'Delen', exact: true }).click()
    const what = sam.page.getByRole('group', { name: 'Wat?' })
    await expect.poll(() => what.getByText('Kies er minstens één.').count()).toBe(1)
    expect(await sam.page.getByLabel('Tot wanneer? (mag leeg blijven)').inputValue()).toBe('2030-05-01')
    expect(await sam.page.getByTestId('consent').count()).toBe(0)
    await noHorizontalScroll(sam.page)
    if (javaScript) await expectAccessible(sam.page)

    // Corrected, it shares, and the share is a row in the first card.
    await sam.page.getByLabel('Mijn netwerk').check()
    await sam.page.getByRole('button', { name: 'Delen', exact: true }).click()
    await sam.page.waitForURL(/gedeeld=/)
    await expect.poll(() => sam.page.getByTestId('consent').count()).toBe(1)
    const consent = (await sam.page.getByTestId('consent').textContent()) ?? ''
    expect(consent).toContain('Mijn netwerk')
    expect(consent).toContain('tot 1 mei 2030')
    await noHorizontalScroll(sam.page)
    if (javaScript) await expectAccessible(sam.page)

    // And stopped again, so the other run starts from nothing shared.
    await sam.page.getByRole('button', { name: 'Stoppen met delen' }).click()
    await sam.page.waitForURL(/gestopt=/)
    await expect.poll(() => sam.page.getByText('Je deelt nu met niemand.').count()).toBe(1)

    await sam.page.goto(`${e2e.server.url}/delen/bekeken`)
    await noHorizontalScroll(sam.page)
    expect(await clippedText(sam.page)).toEqual([])
    expect(sam.errors).toEqual([])
    await sam.close()
  })
})

describe('the invitation card at 360 px', () => {
  it('fits for a worker and a coordinator, even with a long name', { timeout: 90_000 }, async () => {
    const noor = await signIn('noor')
    await noor.page.goto(`${e2e.server.url}/clienten/uitnodigen`)
    await noor.page.getByLabel('Naam van de cliënt').fill(longName)
    await noor.page.getByRole('button', { name: 'Uitnodiging maken' }).click()
    await noor.page.getByTestId('invitation-code').waitFor()
    await expect.poll(() => noor.page.locator('.qr-image svg').count()).toBe(1)
    await noHorizontalScroll(noor.page)
    expect(await clippedText(noor.page)).toEqual([])
    await expectAccessible(noor.page)

    const admin = await signIn('admin')
    await admin.page.goto(`${e2e.server.url}/beheer/uitnodigen`)
    await admin.page.getByLabel('cliënt', { exact: true }).check()
    await admin.page.getByLabel('Naam', { exact: true }).fill(`${longName}2`)
    await admin.page.getByRole('button', { name: 'Uitnodiging maken' }).click()
    await admin.page.getByTestId('invitation-code').waitFor()
    await noHorizontalScroll(admin.page)
    expect(await clippedText(admin.page)).toEqual([])
    await expectAccessible(admin.page)

    expect(noor.errors).toEqual([])
    expect(admin.errors).toEqual([])
    await noor.close()
    await admin.close()
  })
})

describe('failures at 360 px', () => {
  it('a page that does not exist, or is not shared, is a friendly page with a way back, never JSON or a stack trace', { timeout: 60_000 }, async () => {
    const noor = await signIn('noor', false)
    for (const path of ['/bestaat-niet', '/clienten/00000000-0000-4000-8000-000000000000']) {
      const response = await noor.page.goto(`${e2e.server.url}${path}`)
      expect(response?.status()).toBeGreaterThanOrEqual(400)
      const text = (await noor.page.locator('body').innerText()) ?? ''
      expect(text).not.toMatch(/[{}]|"code"|at .+:\d+:\d+|Error:/)
      expect(await noor.page.getByRole('heading', { level: 1 }).count()).toBe(1)
      // The way back sits on the page itself, not only in the menu.
      expect(await noor.page.locator('.page').getByRole('link', { name: /Start|Mijn caseload/ }).count()).toBe(1)
      await noHorizontalScroll(noor.page)
    }
    await noor.close()
  })
})

describe('a peer expert\'s caseload at 360 px', () => {
  it('offers "Bekijken" only while something is shared with them: an ended share leaves the name, no dead end', { timeout: 90_000 }, async () => {
    const [sam, eva] = [await signIn('sam'), await signIn('eva')]
    const api = `${e2e.server.url}/api/v1`
    const id = async (page: typeof sam.page) => ((await (await page.request.get(`${api}/me`)).json()) as { id: string }).id
    const [samId, evaId] = [await id(sam.page), await id(eva.page)]
    // A share that ends in a few seconds: the API accepts any end in the future.
    const endsAt = new Date(Date.now() + 4_000).toISOString()
    const shared = await sam.page.request.post(`${api}/clients/${samId}/consents`, {
      headers: { origin: e2e.server.url },
      data: { granteeId: evaId, scopes: ['inventory'], excludeDomains: [], access: 'read', endsAt },
    })
    expect(shared.status()).toBe(201)

    await eva.page.goto(`${e2e.server.url}/caseload`)
    const row = eva.page.getByTestId('caseload').locator('li', { hasText: 'Sam' })
    expect(await row.getByRole('link', { name: 'Bekijken' }).count()).toBe(1)

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(endsAt) - Date.now()) + 500))
    await eva.page.goto(`${e2e.server.url}/caseload`)
    expect(await row.textContent()).toContain('Niets gedeeld')
    expect(await row.getByRole('link', { name: 'Bekijken' }).count()).toBe(0)
    await noHorizontalScroll(eva.page)
    await expectAccessible(eva.page)
    expect(eva.errors).toEqual([])
    await Promise.all([sam.close(), eva.close()])
  })
})
