import { chromium } from 'playwright-core'
import { writeFileSync } from 'node:fs'
const base = 'http://localhost:3300'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const english = /\b(the|and|you|your|Save|Cancel|Submit|Loading|Error|Delete|Edit|Back|Next|Share|Settings|Sign in|Sign out|undefined|null|NaN|Invalid|Required|Untitled)\b/
const keyLike = /\b[a-z]+\.[a-z][A-Za-z]+(\.[a-zA-Z_]+)*\b/g
const deficit = /\b(verslaafd|verslaving|probleemgedrag|zwakte|tekort|niet in staat|gestoord|falen|mislukt|patiënt|dossier)\b/i
async function login(ctx, user) {
  const page = await ctx.newPage()
  await page.goto(`${base}/inloggen`)
  await page.getByLabel('Gebruikersnaam').fill(user)
  await page.getByLabel('Wachtwoord', { exact: true }).fill('kracht-demo')
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL(`${base}/`)
  return page
}
const report = []
async function visit(page, url, tag, shot) {
  const res = await page.goto(url)
  await page.waitForLoadState('networkidle').catch(() => {})
  const info = await page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      h1: [...document.querySelectorAll('h1')].map((e) => e.textContent).join('|'),
      text: document.body.innerText,
      help: [...document.querySelectorAll('a')].some((a) => /Hulp nodig/.test(a.textContent ?? '')),
      links: [...document.querySelectorAll('a[href^="/"]')].map((a) => a.getAttribute('href')),
      buttons: [...document.querySelectorAll('button, a.button')].map((b) => (b.textContent ?? '').trim()).filter(Boolean),
      wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && getComputedStyle(e).position !== 'fixed').slice(0, 3).map((e) => e.tagName + '.' + e.className + ' ' + (e.textContent ?? '').slice(0, 30)),
    }
  })
  const eng = info.text.split('\n').filter((l) => english.test(l) && !/kracht|Kracht/.test('')).slice(0, 5)
  const keys = [...new Set(info.text.match(keyLike) ?? [])].filter((k) => !/\.nl$|113\.nl|\.com|\.org/.test(k))
  const def = info.text.split('\n').filter((l) => deficit.test(l)).slice(0, 3)
  report.push({ tag, url: url.replace(base, ''), status: res?.status(), h1: info.h1, overflow: info.overflow, help: info.help, eng, keys, def, wide: info.overflow > 0 ? info.wide : [], buttons: info.buttons })
  if (shot) await page.screenshot({ path: `/tmp/walk/${shot}.png`, fullPage: true })
  return info
}
const users = process.argv[2] ? process.argv[2].split(',') : ['sam', 'noor', 'eva']
const widths = [360, 1280]
for (const user of users) for (const width of widths) {
  const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale: 'nl-NL' })
  const page = await login(ctx, user)
  const home = await visit(page, `${base}/`, `${user}@${width}`, `${user}-${width}-home`)
  const seen = new Set(['/'])
  let queue = [...new Set(home.links)].filter((l) => !/uitloggen|snel|tot-ziens|afdrukken|download/.test(l))
  let depth = 0
  while (queue.length && depth < 2) {
    const next = []
    for (const link of queue) {
      const path = link.split('#')[0]
      if (seen.has(path) || seen.size > 60) continue
      seen.add(path)
      const info = await visit(page, `${base}${path}`, `${user}@${width}`, width === 360 ? `${user}-${width}-${path.replace(/[^a-z0-9]+/gi, '_').slice(0, 60)}` : null)
      if (/clienten\/|sessies\//.test(path) || depth === 0) next.push(...info.links.filter((l) => !/uitloggen|snel|tot-ziens|afdrukken|download|\?/.test(l)))
    }
    queue = [...new Set(next)]
    depth++
  }
  await ctx.close()
}
writeFileSync('/tmp/walk/report.json', JSON.stringify(report, null, 1))
await browser.close()
console.log('pages', report.length)
