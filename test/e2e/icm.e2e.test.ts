import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { organisations, users } from '@kracht/db'
import { signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

// ICM's nine life domains with the one label each has everywhere (packages/i18n inventory.domains).
const icmLabels = [
  'Gezin en familie',
  'Wonen en dagelijks leven',
  'School en leren',
  'Werk, leren en dagbesteding',
  'Geld en inkomen',
  'Gezondheid en goed voor jezelf zorgen',
  'Vrienden en omgeving',
  'Vrije tijd',
  'Politie en justitie',
]

describe('an ICM organisation at 360 px', () => {
  it("offers an ICM client's assistant ICM's nine life domains with their labels, and none of Krachtwerk's others", { timeout: 200_000 }, async () => {
    // An organisation that works with Intensive Case Management, with one client (sam's passphrase).
    const db = e2e.server.handle.db
    const [sam] = await db.select().from(users).where(eq(users.username, 'sam'))
    if (!sam) throw new Error('no demo client')
    const [futuro] = await db.insert(organisations).values({ name: 'Futuro', domainSet: 'icm' }).returning()
    if (!futuro) throw new Error('no organisation')
    await db.insert(users).values({ organisationId: futuro.id, role: 'client', username: 'lina', displayName: 'Lina', passwordHash: sam.passwordHash })

    const lina = await signInOnPhone(e2e.browser, e2e.server.url, 'lina')
    await lina.page.goto(`${e2e.server.url}/assistent`)
    await lina.page.getByRole('button', { name: 'Begin: Mijn krachten' }).click()
    await lina.page.waitForURL(/\/assistent\/[0-9a-f-]{36}$/)
    const choices = lina.page.locator('input[name="choices"]')
    await choices.first().waitFor()
    const offered = await lina.page.locator('label:has(input[name="choices"])').evaluateAll((labels) => labels.map((label) => (label.textContent ?? '').trim()))
    expect(offered.sort()).toEqual([...icmLabels].sort())
    const ids = await choices.evaluateAll((inputs) => inputs.map((input) => input.getAttribute('value') ?? ''))
    expect(ids.sort()).toEqual(['education', 'family', 'finances', 'health', 'housing', 'justice', 'leisure', 'social', 'work'])
    for (const krachtwerkOnly of ['safety', 'partner', 'children', 'relationships', 'meaning']) {
      expect(await lina.page.locator(`input[name="choices"][value="${krachtwerkOnly}"]`).count()).toBe(0)
    }
    expect(lina.errors).toEqual([])
    await lina.close()
  })
})
