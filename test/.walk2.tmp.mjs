import { chromium } from 'playwright-core'
const base = 'http://localhost:3300'
const id = '3f6bd444-8a32-4012-bc36-237a371c8c1e'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const english = /\b(the|and|you|your|Save|Cancel|Submit|Loading|Error|Delete|Edit|Back|Next|Share|undefined|null|NaN|Invalid|Required)\b/
for (const user of ['noor', 'eva']) for (const width of [360, 1280]) {
  const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale: 'nl-NL' })
  const page = await ctx.newPage()
  await page.goto(`${base}/inloggen`)
  await page.getByLabel('Gebruikersnaam').fill(user)
  await page.getByLabel('Wachtwoord', { exact: true }).fill('kracht-demo')
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL(`${base}/`)
  for (const sub of ['', '/actieplan', '/netwerk', '/traject', '/berichten', '/signaleringsplan', '/brug']) {
    const res = await page.goto(`${base}/clienten/${id}${sub}`)
    const info = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      h1: document.querySelector('h1')?.textContent,
      text: document.querySelector('main')?.innerText ?? '',
      help: [...document.querySelectorAll('a')].some((a) => /Hulp nodig/.test(a.textContent ?? '')),
      buttons: [...document.querySelectorAll('main button, main a.button')].map((b) => (b.textContent ?? '').trim()).filter((b) => !b.startsWith('Reageer op de zin')),
    }))
    const eng = info.text.split('\n').filter((l) => english.test(l)).slice(0, 3)
    console.log(`${user}@${width} ${sub || '/'} ${res?.status()} h1=${info.h1} overflow=${info.overflow} help=${info.help} eng=${JSON.stringify(eng)} buttons=${JSON.stringify(info.buttons)}`)
    if (width === 360) await page.screenshot({ path: `/tmp/walk/c-${user}${sub.replace('/', '-')}.png`, fullPage: true })
  }
  await ctx.close()
}
await browser.close()
