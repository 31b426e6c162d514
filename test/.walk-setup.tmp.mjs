import { chromium } from 'playwright-core'
const base = 'http://localhost:3300'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
async function login(user) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'nl-NL' })
  const page = await ctx.newPage()
  await page.goto(`${base}/inloggen`)
  await page.getByLabel('Gebruikersnaam').fill(user)
  await page.getByLabel('Wachtwoord', { exact: true }).fill('kracht-demo')
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL(`${base}/`)
  return page
}
const sam = await login('sam')
for (const [who, scopes, access] of [[/Noor Haddou/, ['Mijn actieplan', 'Mijn netwerk', 'Mijn notities van bijeenkomsten'], 'Lezen en reageren'], [/Eva de Wit/, [], 'Alleen lezen']]) {
  await sam.goto(`${base}/delen`)
  await sam.locator('html[data-hydrated]').waitFor({ state: 'attached' })
  await sam.getByLabel(who).check()
  for (const s of scopes) await sam.getByLabel(s).check()
  await sam.getByLabel(access).check()
  await sam.getByRole('button', { name: 'Delen', exact: true }).click()
  await sam.waitForURL(/gedeeld=/)
}
const noor = await login('noor')
await noor.goto(`${base}/caseload`)
await noor.getByRole('link', { name: 'Bekijken' }).first().click()
await noor.waitForURL(/clienten\//)
console.log(noor.url())
const st = noor.locator('[data-testid="shared-statement"]').first()
await st.getByRole('link', { name: /^Reageer op de zin/ }).click()
await st.getByLabel('Reactie').fill('Noor: hoe ging het gesprek met je moeder?')
await st.getByRole('button', { name: 'Reageren' }).click()
await noor.waitForURL(/klaar=comment/)
console.log('ok')
await browser.close()
