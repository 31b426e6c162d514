import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

const idOf = async (page: Page) => ((await (await page.request.get(`${e2e.server.url}/api/v1/me`)).json()) as { id: string }).id

describe('messages between a client and the people who support them', () => {
  it('noor writes at 1280 px; sam sees it on the home page at 360 px, reads and answers; noor sees the answer and that hers was read; eva reads only what sam shares', { timeout: 150_000 }, async () => {
    const noor = await signInOnPhone(e2e.browser, e2e.server.url, 'noor')
    const sam = await signInOnPhone(e2e.browser, e2e.server.url, 'sam', { javaScript: false })
    const eva = await signInOnPhone(e2e.browser, e2e.server.url, 'eva')
    await noor.page.setViewportSize({ width: 1280, height: 900 })
    const [samId, evaId] = await Promise.all([idOf(sam.page), idOf(eva.page)])

    // Noor, sam's linked worker, writes.
    await noor.page.goto(`${e2e.server.url}/clienten/${samId}/berichten`)
    await noor.page.getByLabel('Je bericht').fill('Hoe ging het gesprek bij de woningcorporatie?')
    await noor.page.getByRole('button', { name: 'Versturen' }).click()
    await noor.page.getByText('Je bericht is verstuurd.').waitFor()
    await expectAccessible(noor.page)

    // Sam sees it on the home page, opens it (that is reading it) and answers, without JavaScript.
    await sam.page.goto(e2e.server.url)
    await sam.page.getByTestId('unread-messages').getByRole('link', { name: '1 nieuw bericht' }).click()
    await sam.page.waitForURL(`${e2e.server.url}/berichten`)
    expect(await sam.page.locator('.page').first().textContent()).toContain('Hoe ging het gesprek bij de woningcorporatie?')
    await noHorizontalScroll(sam.page)
    await sam.page.getByLabel('Waar gaat het over?').selectOption({ label: 'Mijn plan' })
    await sam.page.getByLabel('Je bericht').fill('Goed! Ik mag volgende week kijken.')
    await sam.page.getByRole('button', { name: 'Versturen' }).click()
    await sam.page.getByText('Je bericht is verstuurd.').waitFor()
    await sam.page.goto(e2e.server.url)
    expect(await sam.page.getByTestId('unread-messages').count()).toBe(0)

    // Noor sees the answer on her home page and that her message was read.
    await noor.page.goto(e2e.server.url)
    await noor.page.getByTestId('unread-messages').getByRole('link', { name: /Sam: 1 nieuw/ }).click()
    await noor.page.waitForURL(`${e2e.server.url}/clienten/${samId}/berichten`)
    // The address changes before the new page is drawn (a React transition): wait for the thread itself.
    await expect.poll(() => noor.page.locator('.page').first().textContent()).toContain('Goed! Ik mag volgende week kijken.')
    const thread = (await noor.page.locator('.page').first().textContent()) ?? ''
    expect(thread).toContain('Goed! Ik mag volgende week kijken.')
    expect(thread).toContain('over: Mijn plan')
    expect(thread).toContain('Gelezen')

    // Eva, a peer expert sam shares nothing with: no messages, no form.
    await eva.page.goto(`${e2e.server.url}/clienten/${samId}/berichten`)
    expect(await eva.page.locator('.page').first().textContent()).toContain('Deze berichten worden niet met jou gedeeld.')
    expect(await eva.page.getByRole('button', { name: 'Versturen' }).count()).toBe(0)
    expect(thread).not.toContain('undefined')

    // Sam shares the messages with eva to read: she reads them, and still cannot write.
    const shared = await sam.page.request.post(`${e2e.server.url}/api/v1/clients/${samId}/consents`, {
      headers: { origin: e2e.server.url },
      data: { granteeId: evaId, scopes: ['messages'], excludeDomains: [], access: 'read', endsAt: null },
    })
    expect(shared.status()).toBe(201)
    await eva.page.goto(`${e2e.server.url}/gedeeld`)
    await eva.page.getByRole('link', { name: 'Berichten' }).first().click()
    await eva.page.waitForURL(`${e2e.server.url}/clienten/${samId}/berichten`)
    // A client-side navigation changes the address before the new page is drawn: wait for it.
    await eva.page.getByRole('heading', { level: 1, name: /Berichten/ }).waitFor()
    const evaSees = (await eva.page.locator('.page').first().textContent()) ?? ''
    expect(evaSees).toContain('Goed! Ik mag volgende week kijken.')
    expect(evaSees).toContain('Je kunt hier niet schrijven.')
    expect(await eva.page.getByLabel('Je bericht').count()).toBe(0)
    await noHorizontalScroll(eva.page)
    await expectAccessible(eva.page)

    expect([...noor.errors, ...sam.errors, ...eva.errors]).toEqual([])
    await Promise.all([noor.close(), sam.close(), eva.close()])
  })

  it('a client without a linked worker is not told that a worker reads along (360 px, without JavaScript)', { timeout: 90_000 }, async () => {
    // The coordinator invites a client and chooses the worker later.
    const admin = await signInOnPhone(e2e.browser, e2e.server.url, 'admin')
    const invited = await admin.page.request.post(`${e2e.server.url}/api/v1/invitations`, {
      headers: { origin: e2e.server.url },
      data: { role: 'client', displayName: 'Mira' },
    })
    expect(invited.status()).toBe(201)
    const { code } = (await invited.json()) as { code: string }
    const accepted = await admin.page.request.post(`${e2e.server.url}/api/v1/invitations/accept`, {
      headers: { origin: e2e.server.url },
      data: { code, username: 'mira_nobody_yet', password: 'een lang wachtwoord voor mira 2026' },
    })
    expect(accepted.ok()).toBe(true)
    await admin.close()

    const mira = await signInOnPhone(e2e.browser, e2e.server.url, 'mira_nobody_yet', { javaScript: false, password: 'een lang wachtwoord voor mira 2026' })
    await mira.page.goto(`${e2e.server.url}/berichten`)
    const page = (await mira.page.locator('.page').first().textContent()) ?? ''
    expect(page).toContain('Je hebt nog geen begeleider gekoppeld.')
    expect(page).not.toContain('Je begeleider leest mee.')
    // She may still write; the message is kept for a worker who joins her later.
    await mira.page.getByLabel('Je bericht').fill('Ik wil graag iemand spreken over werk.')
    await mira.page.getByRole('button', { name: 'Versturen' }).click()
    await mira.page.getByText('Je bericht is verstuurd.').waitFor()
    await noHorizontalScroll(mira.page)
    expect(mira.errors).toEqual([])
    await mira.close()
  })
})
