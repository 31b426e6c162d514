import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone, type SignedIn } from '../support/pages'
import type { TestServer } from '../support/server'
import { useServerAndBrowser } from '../support/e2e'

/**
 * Together mode at 360 px: Noor (worker) runs a flow beside Sam and keeps a card (through the API,
 * as a worker's own system would); the card is not Sam's yet. Sam sees it waiting, with Noor's
 * name, keeps it in Sam's own session, and finds it in the inventory marked as Noor's suggestion;
 * Noor's read view says so too.
 */

// Server and browser: the shared set-up (started and closed by it); Sam's share is made after.
const e2e = useServerAndBrowser()
let server: TestServer
let browser: Browser
let noor: SignedIn
let samId: string
beforeAll(async () => {
  server = e2e.server
  browser = e2e.browser
  noor = await signInOnPhone(browser, server.url, 'noor')
  const noorId = ((await (await noor.page.request.get(`${server.url}/api/v1/me`)).json()) as { id: string }).id
  // Sam shares the inventory with Noor, with comment access (what together mode needs).
  const sam = await signInOnPhone(browser, server.url, 'sam')
  samId = ((await (await sam.page.request.get(`${server.url}/api/v1/me`)).json()) as { id: string }).id
  const shared = await sam.page.request.post(`${server.url}/api/v1/clients/${samId}/consents`, {
    headers: { origin: server.url },
    data: { granteeId: noorId, scopes: ['inventory'], excludeDomains: [], access: 'comment', endsAt: null },
  })
  expect(shared.status()).toBe(201)
  await sam.close()
})
afterAll(async () => {
  await noor?.close()
})

interface Card {
  id: string
  kind: string
  text?: string
  status: string
}

/** Noor, beside Sam: forms of strength on "work", one answer, and keeps the first card with her wording. */
async function noorKeepsACard(page: Page, wording: string): Promise<Card> {
  const api = `${server.url}/api/v1/clients/${samId}/conversations`
  const headers = { origin: server.url }
  const started = await page.request.post(api, { headers, data: { flow: 'strengths', context: { domains: ['work'] } } })
  expect(started.status()).toBe(201)
  const view = (await started.json()) as { conversation: { id: string; version: number }; step: { id: string } }
  const turn = await page.request.post(`${api}/${view.conversation.id}/answers`, {
    headers,
    data: { stepId: view.step.id, version: view.conversation.version, text: 'geduldig met klanten' },
  })
  expect(turn.status()).toBe(200)
  const card = ((await turn.json()) as { proposals: Card[] }).proposals.find((p) => p.kind === 'statement')
  if (!card) throw new Error('no card')
  const kept = await page.request.post(`${api}/${view.conversation.id}/proposals/${card.id}/accept`, { headers, data: { text: wording } })
  expect(kept.status()).toBe(200)
  const result = (await kept.json()) as { saved: unknown; proposal: Card }
  // Waiting for Sam: nothing saved in Sam's name.
  expect(result.saved).toBeNull()
  expect(result.proposal.status).toBe('pending_client')
  return result.proposal
}

describe.each([
  { javaScript: true, label: 'with JavaScript', wording: 'Ik ben geduldig met klanten' },
  { javaScript: false, label: 'without JavaScript', wording: 'Ik ben rustig en geduldig met klanten' },
])('together mode at 360 px $label', ({ javaScript, wording }) => {
  it('a card Noor kept waits for Sam; Sam keeps it and it shows as Noor\'s suggestion', { timeout: 120_000 }, async () => {
    await noorKeepsACard(noor.page, wording)
    const { context, page, errors } = await signInOnPhone(browser, server.url, 'sam', { javaScript })
    const statements = async () =>
      (await (await page.request.get(`${server.url}/api/v1/clients/${samId}/statements`)).json()) as { text: string; provenance: string; suggestedBy: { name: string | null } | null }[]
    expect((await statements()).some((s) => s.text === wording)).toBe(false)

    // The home page says a card waits, and leads to it.
    await page.getByRole('link', { name: /1 kaartje wacht op jou/ }).click()
    await page.waitForURL(`${server.url}/assistent`)
    const waiting = page.locator('.pending-cards .row', { hasText: wording })
    await expect.poll(() => waiting.count()).toBe(1)
    expect(await waiting.textContent()).toContain('Voorstel van Noor Haddou')
    await noHorizontalScroll(page)
    if (javaScript) await expectAccessible(page)

    await waiting.getByRole('link', { name: /Bekijken en kiezen/ }).click()
    const card = page.locator('.proposal', { hasText: wording })
    await expect.poll(() => card.count()).toBe(1)
    expect(await card.locator('.badge--pending').textContent()).toBe('Voorstel van Noor Haddou')
    await noHorizontalScroll(page)
    if (javaScript) await expectAccessible(page)
    await card.getByRole('button', { name: 'Bewaren' }).click()
    await expect.poll(() => page.locator('.proposal', { hasText: wording }).count()).toBe(0)

    // Saved now, in Sam's inventory, as Noor's suggestion that Sam chose.
    const saved = (await statements()).find((s) => s.text === wording)
    expect(saved).toMatchObject({ provenance: 'client_accepted_worker', suggestedBy: { name: 'Noor Haddou' } })
    await page.goto(`${server.url}/inventaris/leefgebied/work`)
    const line = page.locator('.statement', { hasText: wording })
    await expect.poll(() => line.locator('.provenance').textContent()).toBe('Voorstel van Noor Haddou, door jou gekozen')
    await noHorizontalScroll(page)
    // Nothing waits any more.
    await page.goto(`${server.url}/assistent`)
    expect(await page.locator('.pending-cards .row', { hasText: wording }).count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()

    // Noor, reading what Sam shares, sees where the words came from.
    await noor.page.goto(`${server.url}/clienten/${samId}`)
    const shared = noor.page.locator('[data-testid="shared-statement"]', { hasText: wording })
    await expect.poll(() => shared.locator('.provenance').textContent()).toBe('Gekozen uit een voorstel van Noor Haddou')
    await noHorizontalScroll(noor.page)
  })
})
