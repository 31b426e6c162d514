// The portrait with 200 statements: server time of the inventory API and of the whole portal page
// (loader → API in-process → render), side by side with the demo's 25, in one run.
import { createApi, seedDemoContent, hashPassphrase, loadConfig, type Deps } from '@kracht/api'
import { createStatement } from '@kracht/api/services/inventory'
import { createDatabase, runMigrations, seedDemo } from '@kracht/db'
import { createHost } from '@kracht/server/host'
import { loadPortalBuild } from '@kracht/server'
import { printTable, time, writeResult } from './measure'

const runs = Number(process.env['BENCH_RUNS'] ?? 200)
const handle = await createDatabase({ memory: true })
await runMigrations(handle)
const deps: Deps = { db: handle.db, config: loadConfig({ NODE_ENV: 'test' }), now: () => new Date() }
const seeded = await seedDemo(handle.db, { passwordHash: await hashPassphrase('kracht-demo') })
await seedDemoContent(deps, seeded)
const api = createApi(deps)
const host = createHost({ api, portal: await loadPortalBuild(), production: false, publicUrl: deps.config.publicUrl, trustedProxies: 0 })

// A second client with 200 statements over all ten domains and three times.
const invite = async (cookie: string) => {
  const response = await api.request('/invitations', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ role: 'client', displayName: 'Bench' }) })
  return (await response.json()) as { code: string }
}
const login = async (username: string, password: string) => {
  const response = await api.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
  return response.headers.get('set-cookie')?.split(';')[0] ?? ''
}
const { code } = await invite(await login('noor', 'kracht-demo'))
const accepted = await api.request('/invitations/accept', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, username: 'bench', password: 'zonnige dagen aan zee' }) })
const bench = (await accepted.json()) as { id: string }
const domains = ['safety', 'housing', 'finances', 'children', 'partner', 'relationships', 'work', 'leisure', 'health', 'meaning']
const times = ['past', 'present', 'future'] as const
for (let i = 0; i < 200; i++) {
  await createStatement(deps, {
    clientId: bench.id,
    actorId: bench.id,
    statement: { domain: domains[i % 10] ?? 'work', time: times[i % 3] ?? 'present', form: 'i_can', text: `Ik kan ${i} dingen goed doen, zoals koken voor mijn buren en fietsen naar mijn werk.` },
  })
}

const samCookie = await login('sam', 'kracht-demo')
const benchCookie = await login('bench', 'zonnige dagen aan zee')
const get = (app: { fetch: (request: Request) => Response | Promise<Response> }, url: string, cookie: string) => async () => {
  const response = await app.fetch(new Request(url, { headers: { cookie } }))
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`)
  await response.text()
}

const rows = [
  await time('API inventory, 25 statements', runs, get(api, `http://x/clients/${seeded.userIds.sam}/inventory`, samCookie)),
  await time('API inventory, 200 statements', runs, get(api, `http://x/clients/${bench.id}/inventory`, benchCookie)),
  await time('portrait page, 25 statements', runs, get(host, 'http://x/inventaris', samCookie)),
  await time('portrait page, 200 statements', runs, get(host, 'http://x/inventaris', benchCookie)),
]
printTable('Portrait load, server time (in-process, embedded PGlite)', rows)
const [api25, api200, page25, page200] = rows
const ratio = (a?: { p95: number }, b?: { p95: number }) => (a && b ? Math.round((b.p95 / a.p95) * 100) / 100 : null)
console.log(`p95 ratio 200/25: API ${ratio(api25, api200)}×, page ${ratio(page25, page200)}×`)
writeResult('inventory', { runs, rows, ratios: { api: ratio(api25, api200), page: ratio(page25, page200) } })
await handle.close()
