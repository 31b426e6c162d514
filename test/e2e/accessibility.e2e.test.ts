import { readdirSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { watchErrors } from '../support/browser'
import { axeViolations, clippedText, horizontalOverflow, submitSignIn } from '../support/pages'
import type { TestServer } from '../support/server'
import { useServerAndBrowser } from '../support/e2e'

/*
 * Every portal route (apps/portal/app/routes), as each role and signed out, at 360 px and 1280 px:
 * no serious or critical axe finding, no heading or landmark fault, nothing sideways at 360 px, the help link in the footer, the
 * accessibility statement linked from it, and "Snel weg" on the safety pages. One browser, one context
 * per role, one page each, reused: the whole sweep takes 60–110 s on two cores (its time limit, 5 minutes,
 * only stops a hang: a busy machine took 110 s and failed on the old limit of 110 s).
 * Each page is also checked at 200 % zoom of a 1280 px screen (a 640 px window): nothing sideways,
 * no text cut off.
 */

// Server and browser: the shared set-up (started and closed by it); this file signs everyone in after.
const e2e = useServerAndBrowser()
let server: TestServer
let browser: Browser
const contexts: BrowserContext[] = []
let paths: Record<Who, string[]>

type Who = 'nobody' | 'sam' | 'noor' | 'eva' | 'admin'

/** Routes without a page of their own: a download, a form post for live tips, the language switch, sign-out. */
const notPages = new Set(['account.mijn-gegevens_.download', 'inventaris.analyse', 'taal', 'uitloggen'])

/** Each route file's URL as a pattern (Remix flat routes: dots are slashes, `$x` a parameter, `_index` the folder). */
function routePatterns(): Map<string, RegExp> {
  const patterns = new Map<string, RegExp>()
  for (const file of readdirSync(new URL('../../apps/portal/app/routes/', import.meta.url))) {
    const name = file.replace(/\.tsx?$/, '')
    if (file.includes('.test.') || notPages.has(name)) continue
    const segments = name
      .split('.')
      .filter((segment) => segment !== '_index')
      .map((segment) => segment.replace(/_$/, ''))
      .map((segment) => (segment.startsWith('$') ? '[^/]+' : segment))
    patterns.set(name, new RegExp(`^/${segments.join('/')}$`))
  }
  return patterns
}

/** Structure as a screen reader walks it: one h1, no skipped heading level, every part in a landmark. */
const structureRules = ['page-has-heading-one', 'heading-order', 'landmark-one-main', 'landmark-unique', 'region', 'bypass']

/** Safety-related pages: a client whose phone may be watched can leave at once (docs: DOMAIN.md). */
const quickExitPaths = new Set(['/hulp', '/hulp/mijn-plan', '/hulp/rustig-worden'])

const origin = () => ({ origin: server.url })

async function json<T>(response: { json: () => Promise<unknown>; status: () => number; url: () => string }, status = 200): Promise<T> {
  expect(response.status(), response.url()).toBe(status)
  return (await response.json()) as T
}

const consoleErrors = {} as Record<Who, string[]>

async function signedIn(who: Who): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL' })
  contexts.push(context)
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  consoleErrors[who] = watchErrors(page)
  if (who !== 'nobody') {
    await submitSignIn(page, server.url, who)
    await page.waitForURL(`${server.url}/`)
  }
  return page
}

const pages = {} as Record<Who, Page>

beforeAll(async () => {
  server = e2e.server
  browser = e2e.browser
  for (const who of ['nobody', 'sam', 'noor', 'eva', 'admin'] as const) pages[who] = await signedIn(who)
  const { sam, noor, eva } = pages
  const api = `${server.url}/api/v1`
  const me = async (page: Page) => (await json<{ id: string }>(await page.request.get(`${api}/me`))).id
  const [samId, noorId, evaId] = [await me(sam), await me(noor), await me(eva)]
  const client = `${api}/clients/${samId}`

  // Sam shares everything with Noor (to comment) and Eva (to read and work together), so the staff
  // pages show real content, not their empty state.
  const scopes = ['inventory', 'action_plan', 'network', 'sessions', 'safety_plan', 'messages', 'livelihood']
  for (const granteeId of [noorId, evaId]) {
    await json(await sam.request.post(`${client}/consents`, { headers: origin(), data: { granteeId, scopes, excludeDomains: [], access: 'comment', endsAt: null } }), 201)
  }
  const statements = await json<{ id: string; domain: string }[]>(await sam.request.get(`${client}/statements`))
  const statement = statements.find((s) => s.domain === 'work') ?? statements[0]
  if (!statement) throw new Error('the demo has no statements')
  const goal = await json<{ goal: { id: string } }>(await sam.request.post(`${client}/goals`, { headers: origin(), data: { text: 'Twee ochtenden per week bakken', domain: 'work' } }), 201)
  const person = await json<{ person: { id: string } }>(
    await sam.request.post(`${client}/network/persons`, { headers: origin(), data: { name: 'Oma Rie', area: 'family', ring: 1, support: ['emotional'] } }),
    201,
  )
  const conversation = await json<{ conversation: { id: string } }>(
    await sam.request.post(`${client}/conversations`, { headers: origin(), data: { flow: 'strengths', context: { domains: ['work'] } } }),
    201,
  )
  const suggestion = await json<{ id: string }>(
    await noor.request.post(`${client}/statements/${statement.id}/comments`, { headers: origin(), data: { kind: 'suggestion', body: 'Mooi!', suggestedText: 'Ik ben hard werkend en altijd op tijd, ook als het druk is.' } }),
    201,
  )
  await json(await noor.request.post(`${client}/messages`, { headers: origin(), data: { text: 'Hoi Sam, zullen we donderdag je krachten bespreken?' } }), 201)
  const session = await json<{ id: string }>(
    await noor.request.post(`${api}/sessions`, {
      headers: origin(),
      data: { kind: 'one_to_one', title: 'Samen verder', place: 'De Brug', startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), peerId: evaId, clientIds: [samId] },
    }),
    201,
  )
  const together = await json<{ conversation: { id: string } }>(
    await noor.request.post(`${client}/conversations`, { headers: origin(), data: { flow: 'strengths', context: { domains: ['work'] } } }),
    201,
  )
  // The trajectory at an evaluation phase with an evaluation opened, and a team meeting prepared from
  // sam's one-day team share with an idea of the team: the pages show their content, not an empty state.
  await json(await noor.request.post(`${client}/trajectory`, { headers: origin(), data: { model: 'cti' } }), 201)
  for (let step = 0; step < 2; step++) await json(await noor.request.post(`${client}/trajectory/next`, { headers: origin(), data: {} }))
  const evaluation = await json<{ id: string }>(await noor.request.post(`${client}/evaluations`, { headers: origin() }), 201)
  const [team] = await json<{ id: string }[]>(await sam.request.get(`${client}/grantee-teams`))
  if (!team) throw new Error('noor has no team')
  const teamShare = { teamId: team.id, scopes: ['inventory'], excludeDomains: [], access: 'read', endsAt: new Date(Date.now() + 86_400_000).toISOString() }
  await json(await sam.request.post(`${client}/consents`, { headers: origin(), data: teamShare }), 201)
  const meeting = await json<{ id: string }>(await noor.request.post(`${client}/team-meetings`, { headers: origin(), data: { meetingAt: new Date(Date.now() + 3_600_000).toISOString() } }), 201)
  await json(await noor.request.post(`${client}/team-meetings/${meeting.id}/ideas`, { headers: origin(), data: { text: 'Vraag bij de bibliotheek naar het werkcafé.' } }), 201)
  const invitation = await json<{ link: string }>(await noor.request.post(`${api}/invitations`, { headers: origin(), data: { role: 'client', displayName: 'Alex' } }), 201)
  const invitationPath = new URL(invitation.link).pathname

  const common = ['/hulp', '/hulp/rustig-worden', '/toegankelijkheid', '/bestaat-niet']
  const staffOfSam = [
    `/clienten/${samId}`,
    `/clienten/${samId}/actieplan`,
    `/clienten/${samId}/berichten`,
    `/clienten/${samId}/signaleringsplan`,
    `/clienten/${samId}/netwerk`,
    `/clienten/${samId}/brug`,
    `/sessies`,
    `/sessies/${session.id}`,
    `/sessies/${session.id}/samen/${samId}/${together.conversation.id}`,
    '/caseload',
    '/gedeeld',
    '/account/authenticator',
    '/account/wachtwoord',
  ]
  paths = {
    nobody: ['/', '/inloggen', '/inloggen/code', '/uitnodiging', invitationPath, '/tot-ziens', ...common],
    sam: [
      '/',
      '/inventaris',
      '/inventaris/nieuw',
      '/inventaris/leefgebied/work',
      `/inventaris/zin/${statement.id}`,
      '/inventaris/prioriteiten',
      '/inventaris/kwaliteit',
      '/inventaris/terugkijken',
      '/inventaris/afdrukken',
      '/assistent',
      `/assistent/${conversation.conversation.id}`,
      '/plan',
      '/plan/nieuw',
      `/plan/doel/${goal.goal.id}`,
      '/plan/afdrukken',
      '/netwerk',
      `/netwerk/persoon/${person.person.id}`,
      '/netwerk/vergelijken',
      '/netwerk/afdrukken',
      '/brug',
      '/brug/thuis',
      '/brug/geld',
      '/geld',
      '/traject',
      '/traject/draagkracht',
      `/traject/terugkijken/${evaluation.id}`,
      `/traject/teambespreking/${meeting.id}`,
      '/delen',
      '/delen/bekeken',
      '/voorstellen',
      '/berichten',
      `/sessies/${session.id}`,
      '/hulp/mijn-plan',
      '/hulp/mijn-plan/afdrukken',
      '/account/mijn-gegevens',
      '/account/verwijderen',
      '/account/wachtwoord',
      '/account/nieuwe-code',
      ...common,
    ],
    // The worker's page with its one comment form open (`?reageer=`), and the page where she changes her own suggestion.
    noor: ['/', ...staffOfSam, `/clienten/${samId}?reageer=${statement.id}`, `/clienten/${samId}/traject`, `/clienten/${samId}/traject/terugkijken/${evaluation.id}`, `/clienten/${samId}/traject/teambespreking/${meeting.id}`, `/clienten/${samId}/reacties/${suggestion.id}`, '/clienten', '/clienten/uitnodigen', '/account/api-tokens', ...common],
    eva: ['/', ...staffOfSam, ...common],
    admin: ['/', '/beheer', '/beheer/uitnodigen', '/beheer/beveiliging', '/account/api-tokens', '/account/authenticator', '/account/wachtwoord', ...common],
  }
}, 180_000)

afterAll(async () => {
  for (const context of contexts) await context.close()
})

interface Finding {
  who: Who
  width: number
  path: string
  problem: string
}

const timing = { load: 0, axe: 0 }
async function timed<T>(kind: keyof typeof timing, work: () => Promise<T>): Promise<T> {
  const started = Date.now()
  try {
    return await work()
  } finally {
    timing[kind] += Date.now() - started
  }
}

/**
 * Visits each path once and checks it at 360 px, then at 1280 px (a resize, not a second load).
 * Collects every finding, so one run shows them all.
 */
async function sweep(who: Who): Promise<Finding[]> {
  const page = pages[who]
  const findings: Finding[] = []
  for (const path of paths[who]) {
    await page.setViewportSize({ width: 360, height: 740 })
    const response = await timed('load', () => page.goto(`${server.url}${path}`))
    const status = response?.status() ?? 0
    // A guarded page sends a role that may not see it elsewhere: the page we land on is checked, under its own name.
    const landed = new URL(page.url()).pathname
    const at = landed === path ? path : `${path} → ${landed}`
    const add = (width: number, problem: string) => findings.push({ who, width, path: at, problem })
    if (status >= 500) add(360, `status ${status}`)
    if ((await page.locator('footer a.help-link[href="/hulp"]').count()) !== 1) add(360, 'no help link in the footer')
    if ((await page.locator('footer a[href="/toegankelijkheid"]').count()) !== 1) add(360, 'no accessibility statement link in the footer')
    if (quickExitPaths.has(landed) && (await page.locator('main a.quick-exit').count()) !== 1) add(360, 'no quick exit')
    const overflow = await horizontalOverflow(page)
    if (overflow > 0) add(360, `scrolls sideways by ${overflow}px`)
    for (const problem of await clippedText(page)) add(360, problem)
    for (const violation of await timed('axe', () => axeViolations(page, ['serious', 'critical'], structureRules))) add(360, violation)
    await page.setViewportSize({ width: 1280, height: 800 })
    for (const violation of await timed('axe', () => axeViolations(page, ['serious', 'critical'], structureRules))) add(1280, violation)
    // 1280 × 800 at 200 % zoom is a 640 × 400 CSS-pixel window (what the browser's zoom does to layout;
    // deviceScaleFactor would only sharpen): nothing sideways, no text cut off (WCAG 1.4.4, 1.4.10).
    await page.setViewportSize({ width: 640, height: 400 })
    const zoomed = await horizontalOverflow(page)
    if (zoomed > 0) add(640, `200 %: scrolls sideways by ${zoomed}px`)
    for (const problem of await clippedText(page)) add(640, `200 %: ${problem}`)
  }
  for (const error of consoleErrors[who].splice(0)) findings.push({ who, width: 0, path: '(console)', problem: error })
  return findings
}

describe('accessibility on every page, every role, 360 px and 1280 px', () => {
  it('no serious or critical axe finding, no sideways scroll on a phone, help and quick exit where they belong', { timeout: 300_000 }, async () => {
    // Every route is in the sweep: a new page cannot slip past it.
    const visitedPaths = Object.values(paths).flat()
    const unvisited = [...routePatterns()].filter(([, pattern]) => !visitedPaths.some((path) => pattern.test(path))).map(([name]) => name)
    expect(unvisited).toEqual([])

    // The checks themselves find a fault: a picture without words, an unnamed button, text cut off.
    const probe = await browser.newPage()
    await probe.setContent('<html lang="nl"><title>t</title><main><img src="x.png"><button></button></main></html>')
    expect((await axeViolations(probe, ['serious', 'critical'])).map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['image-alt', 'button-name']))
    // The best-practice rules named for structure run too (only they, of their tag): a skipped level.
    await probe.setContent('<html lang="nl"><title>t</title><main><h1>Een</h1><h3>Drie</h3></main></html>')
    expect((await axeViolations(probe, ['serious', 'critical'], structureRules)).map((v) => v.split(' ')[0])).toEqual(['heading-order'])
    await probe.setContent('<main><p style="width:60px;overflow:hidden;white-space:nowrap">Een zin die niet past</p></main>')
    expect(await clippedText(probe)).toEqual([expect.stringMatching(/^cut off: p/)])
    await probe.close()

    const started = Date.now()
    const findings: Finding[] = []
    // Two roles at a time: the machine has two cores, and the server waits on the database half the time.
    const queue: Who[] = ['sam', 'noor', 'eva', 'admin', 'nobody']
    await Promise.all(
      [0, 1].map(async () => {
        for (let who = queue.shift(); who; who = queue.shift()) findings.push(...(await sweep(who)))
      }),
    )
    const visited = Object.values(paths).reduce((n, list) => n + list.length, 0)
    console.log(`accessibility sweep: ${visited} pages, each at 360 and 1280 px and at 200 %, in ${((Date.now() - started) / 1000).toFixed(1)} s (loading ${timing.load / 1000} s, axe ${timing.axe / 1000} s, summed over both lanes)`)
    expect(findings.map((f) => `${f.who} ${f.width}px ${f.path}: ${f.problem}`)).toEqual([])
  })
})

describe('the accessibility statement', () => {
  it('says what we test, what does not work yet, how to report a problem and when it was written, in Dutch and English', { timeout: 30_000 }, async () => {
    const page = pages.nobody
    await page.goto(`${server.url}/hulp`)
    await page.locator('footer').getByRole('link', { name: 'Toegankelijkheid' }).click()
    await page.waitForURL(`${server.url}/toegankelijkheid`)
    // A client-side navigation changes the address before the new page is drawn: wait for it.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Toegankelijkheid')
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Wat we willen', 'Wat we testen', 'Wat nog niet goed werkt', 'Een probleem melden'])
    const dutch = (await page.locator('main').textContent()) ?? ''
    for (const words of ['WCAG 2.2', '360 pixels', '200 %', 'zonder muis', 'schermlezer', 'bijgewerkt op 30 november 2026']) expect(dutch).toContain(words)

    await page.context().addCookies([{ name: 'kracht_lang', value: 'en', url: server.url }])
    await page.reload()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Accessibility')
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['What we aim for', 'What we test', 'What does not work well yet', 'Report a problem'])
    expect(await page.locator('footer a[href="/toegankelijkheid"]').textContent()).toBe('Accessibility')
    await page.context().clearCookies()
  })
})
