import { describe, expect, it } from 'vitest'
import { expectAccessible, noHorizontalScroll, signInOnPhone } from '../support/pages'
import { useServerAndBrowser } from '../support/e2e'

const e2e = useServerAndBrowser()

const signIn = (username: string, javaScript = true) => signInOnPhone(e2e.browser, e2e.server.url, username, { javaScript })

describe('sessions, team share and API tokens at 360 px', () => {
  it('noor plans a session with eva for sam; eva sees it; sam sees it and writes a note', { timeout: 120_000 }, async () => {
    const noor = await signIn('noor')
    await noor.page.getByRole('link', { name: 'Bijeenkomsten' }).click()
    await noor.page.waitForURL(/\/sessies$/)
    await noor.page.getByRole('heading', { level: 1, name: 'Bijeenkomsten' }).waitFor()
    await noHorizontalScroll(noor.page)
    await expectAccessible(noor.page)
    // Without a client the form says so beside the field, and plans nothing.
    await noor.page.getByLabel('Naam van de bijeenkomst').fill('Samen verder')
    await noor.page.getByLabel('Datum').fill('2030-03-12')
    await noor.page.getByLabel('Tijd').fill('14:30')
    await noor.page.getByRole('button', { name: 'Plannen' }).click()
    await noor.page.getByText('Kies minstens één cliënt.').waitFor()
    await noor.page.getByLabel('Naam van de bijeenkomst').fill('Samen verder')
    await noor.page.getByLabel('Datum').fill('2030-03-12')
    await noor.page.getByLabel('Tijd').fill('14:30')
    await noor.page.getByLabel('Ervaringsdeskundige die meedoet').selectOption({ label: 'Eva de Wit' })
    await noor.page.getByLabel('Sam', { exact: true }).check()
    await noor.page.getByLabel(/Hulpmiddel/).selectOption({ label: 'De wondervraag' })
    await noor.page.getByLabel(/Agenda/).fill('Kennismaken en kijken wat goed gaat')
    await noor.page.getByRole('button', { name: 'Plannen' }).click()
    await noor.page.waitForURL(/gepland=/)
    const planned = (await noor.page.getByTestId('planned-sessions').textContent()) ?? ''
    expect(planned).toContain('Samen verder')
    expect(planned).toContain('Eva de Wit')
    expect(planned).toMatch(/12 maart 2030.*14:30/)
    expect(planned).toContain('De wondervraag')

    // Eva co-facilitates: she sees it, and may plan one herself with a worker.
    const eva = await signIn('eva')
    await eva.page.getByRole('link', { name: 'Bijeenkomsten' }).click()
    await eva.page.waitForURL(/\/sessies$/)
    await eva.page.getByTestId('planned-sessions').waitFor()
    expect(await eva.page.getByTestId('planned-sessions').textContent()).toContain('Samen verder')
    expect(await eva.page.getByRole('button', { name: 'Plannen' }).count()).toBe(1)
    expect(await eva.page.getByLabel(/Begeleider/).count()).toBeGreaterThan(0)
    await expectAccessible(eva.page)

    // Sam sees it on the home page, opens it and writes a note in their own words.
    const sam = await signIn('sam')
    await sam.page.getByTestId('sessions').getByRole('link', { name: 'Samen verder' }).click()
    await sam.page.waitForURL(/\/sessies\/[0-9a-f-]{36}$/)
    await sam.page.getByRole('heading', { level: 1, name: 'Samen verder' }).waitFor()
    expect(await sam.page.locator('.page').first().textContent()).toContain('Kennismaken en kijken wat goed gaat')
    await noHorizontalScroll(sam.page)
    await expectAccessible(sam.page)
    // Before the session begins there is nothing to write a note about yet.
    expect(await sam.page.getByLabel('Mijn notitie').count()).toBe(0)

    // A session that has begun: Sam writes a note in their own words.
    const samId = (await (await sam.page.request.get(`${e2e.server.url}/api/v1/me`)).json()).id
    const begun = await noor.page.request.post(`${e2e.server.url}/api/v1/sessions`, {
      data: { kind: 'one_to_one', title: 'Gesprek', startsAt: new Date(Date.now() + 1_000).toISOString(), clientIds: [samId] },
      headers: { origin: e2e.server.url },
    })
    expect(begun.status()).toBe(201)
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    await sam.page.goto(`${e2e.server.url}/sessies/${(await begun.json()).id}`)
    await sam.page.getByLabel('Mijn notitie').fill('Ik merkte dat ik al veel zelf regel.')
    await sam.page.getByRole('button', { name: 'Notitie bewaren' }).click()
    await sam.page.getByText('Je notitie is bewaard.').waitFor()
    expect(await sam.page.getByLabel('Mijn notitie').inputValue()).toBe('Ik merkte dat ik al veel zelf regel.')

    expect(noor.errors).toEqual([])
    expect(sam.errors).toEqual([])
    await noor.close()
    await eva.close()
    await sam.close()
  })

  it('sam shares the inventory with the team until a day; noor creates an API token (shown once) and revokes it', { timeout: 120_000 }, async () => {
    const sam = await signIn('sam')
    await sam.page.goto(`${e2e.server.url}/delen`)
    await sam.page.getByRole('heading', { level: 2, name: 'Delen voor een teamkrachtbespreking' }).waitFor()
    await sam.page.getByLabel(/Team Centrum, het team van je begeleider/).check()
    // A day in the past is refused beside the field, and nothing is shared.
    await sam.page.getByLabel('Tot en met welke dag?').fill('2020-01-01')
    await sam.page.getByRole('button', { name: 'Laat het team meekijken' }).click()
    await sam.page.getByText('Deze dag is al voorbij. Kies een dag in de toekomst.').waitFor()
    expect(await sam.page.getByTestId('consent').count()).toBe(0)
    await sam.page.getByLabel('Tot en met welke dag?').fill('2030-03-12')
    await sam.page.getByRole('button', { name: 'Laat het team meekijken' }).click()
    await sam.page.waitForURL(/gedeeld=/)
    expect(await sam.page.getByRole('status').first().textContent()).toContain('Gedeeld met Team Centrum')
    const consent = (await sam.page.getByTestId('consent').textContent()) ?? ''
    expect(consent).toContain('Team Centrum mag zien:')
    expect(consent).toContain('tot 12 maart 2030')
    await noHorizontalScroll(sam.page)
    await expectAccessible(sam.page)

    const noor = await signIn('noor')
    await noor.page.getByRole('link', { name: 'API-sleutels' }).click()
    await noor.page.waitForURL(/\/account\/api-tokens$/)
    await noor.page.getByRole('heading', { level: 1, name: 'API-sleutels' }).waitFor()
    expect(await noor.page.getByText('Je hebt nog geen API-sleutels.').count()).toBe(1)
    await noHorizontalScroll(noor.page)
    await expectAccessible(noor.page)
    await noor.page.getByLabel('Naam (waar is de sleutel voor?)').fill('Cliëntdossier')
    const end = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
    await noor.page.getByLabel('Werkt tot en met').fill(end)
    await noor.page.getByLabel('Je wachtwoord').fill('kracht-demo')
    await noor.page.getByRole('button', { name: 'Sleutel maken' }).click()
    const shown = noor.page.getByTestId('new-token')
    await shown.waitFor()
    expect(await shown.textContent()).toContain('Kopieer de sleutel nu. Je ziet hem hierna nooit meer.')
    const secret = await shown.getByLabel('Sleutel').inputValue()
    expect(secret.length).toBeGreaterThan(20)
    expect(await noor.page.getByTestId('token').textContent()).toContain('Cliëntdossier')
    await noHorizontalScroll(noor.page)
    await expectAccessible(noor.page)
    // The token works for the API, and is not shown again.
    expect((await fetch(`${e2e.server.url}/api/v1/caseload`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200)
    await noor.page.reload()
    expect(await noor.page.getByTestId('new-token').count()).toBe(0)
    expect(await noor.page.content()).not.toContain(secret)

    await noor.page.getByRole('button', { name: 'Intrekken: Cliëntdossier' }).click()
    await noor.page.getByText('Ingetrokken. De sleutel Cliëntdossier werkt niet meer.').waitFor()
    await expect.poll(() => noor.page.getByTestId('token').textContent()).toContain('Ingetrokken op')
    expect((await fetch(`${e2e.server.url}/api/v1/caseload`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401)

    expect(sam.errors).toEqual([])
    expect(noor.errors).toEqual([])
    await sam.close()
    await noor.close()
  })
})
