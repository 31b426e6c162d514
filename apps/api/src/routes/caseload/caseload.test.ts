import { eq } from 'drizzle-orm'
import { clientWorkers, users } from '@kracht/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, queriesSent, type TestApi } from '../../testing'

// The caseload of a worker with several clients, each sharing something else: what each row says
// (shared, new since the last look, a review waiting, open suggestions), and that reading it costs
// a fixed number of queries plus a few per client, not a dozen per client (issue 19).

let t: TestApi
let noor: string
const clients: Record<'ada' | 'bo' | 'cas', { id: string; cookie: string }> = {} as never

async function addClient(username: 'ada' | 'bo' | 'cas', displayName: string) {
  const [sam] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  if (!sam) throw new Error('no demo client')
  const [row] = await t.deps.db
    .insert(users)
    .values({ organisationId: sam.organisationId, role: 'client', username, displayName, passwordHash: sam.passwordHash })
    .returning({ id: users.id })
  if (!row) throw new Error('not inserted')
  await t.deps.db.insert(clientWorkers).values({ clientId: row.id, workerId: t.ids.noor })
  clients[username] = { id: row.id, cookie: await t.signIn(username) }
}

const write = async (who: 'ada' | 'bo' | 'cas', domain: string, text: string) => {
  const { id, cookie } = clients[who]
  const response = await t.json('POST', `/clients/${id}/statements`, { cookie, body: { domain, text, form: 'i_can', time: 'present' } })
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { statement: { id: string } }).statement.id
}

const share = async (who: 'ada' | 'bo' | 'cas', excludeDomains: string[]) => {
  const { id, cookie } = clients[who]
  const response = await t.json('POST', `/clients/${id}/consents`, { cookie, body: { granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains, access: 'comment', endsAt: null } })
  expect(response.status).toBe(201)
}

type Row = { clientId: string; displayName: string; linked: boolean; shared: { excludeDomains: string[] }[]; inventory: null | { changedSinceLastLook: number; statementCount: number; reviewWaiting: boolean; lastLookedAt: string | null }; openSuggestions: number }
const caseload = async () => (await (await t.json('GET', '/caseload', { cookie: noor })).json()) as Row[]
const rowOf = (rows: Row[], who: 'ada' | 'bo' | 'cas') => rows.find((row) => row.clientId === clients[who].id)

beforeAll(async () => {
  t = await createTestApi()
  noor = await t.signIn('noor')
  await addClient('ada', 'Ada')
  await addClient('bo', 'Bo')
  await addClient('cas', 'Cas')
  // Ada shares without the partner domain; Bo shares nothing; Cas shares all.
  await write('ada', 'work', 'Ik kan goed plannen')
  await write('ada', 'partner', 'Ik kan mijn ex rustig te woord staan')
  await share('ada', ['partner'])
  await write('bo', 'work', 'Ik kan goed koken')
  await write('cas', 'leisure', 'Ik kan goed tekenen')
  await share('cas', [])
})
afterAll(() => t.close())

describe('a caseload of several clients', () => {
  it('says per client what is shared, new, waiting and suggested, within the left-out domains', async () => {
    // Noor looks at Cas's inventory and reviews it; Cas then writes one more; Noor suggests on Ada's work.
    expect((await t.json('GET', `/clients/${clients.cas.id}/inventory`, { cookie: noor })).status).toBe(200)
    expect((await t.json('POST', `/clients/${clients.cas.id}/inventory/reviews`, { cookie: noor })).status).toBe(201)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await write('cas', 'health', 'Ik kan elke dag wandelen')
    const ada = (await (await t.json('GET', `/clients/${clients.ada.id}/inventory`, { cookie: noor })).json()) as { statements: { id: string; domain: string }[] }
    const work = ada.statements.find((one) => one.domain === 'work')
    if (!work) throw new Error('no work statement')
    expect((await t.json('POST', `/clients/${clients.ada.id}/statements/${work.id}/comments`, { cookie: noor, body: { kind: 'suggestion', body: 'Mooi', suggestedText: 'Ik plan graag mijn week' } })).status).toBe(201)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await write('ada', 'work', 'Ik kan op tijd komen')
    await write('ada', 'partner', 'Ik kan afspraken maken over de kinderen')

    const rows = await caseload()
    expect(rows.map((row) => row.displayName)).toEqual(['Ada', 'Bo', 'Cas', 'Sam'])
    expect(rowOf(rows, 'ada')).toMatchObject({ linked: true, shared: [{ excludeDomains: ['partner'] }], openSuggestions: 1 })
    // Ada's two work statements are what Noor sees; one is new since Noor looked; the partner domain counts nowhere.
    expect(rowOf(rows, 'ada')?.inventory).toMatchObject({ statementCount: 2, changedSinceLastLook: 1, reviewWaiting: true })
    expect(rowOf(rows, 'bo')).toMatchObject({ linked: true, shared: [], inventory: null, openSuggestions: 0 })
    expect(rowOf(rows, 'cas')?.inventory).toMatchObject({ statementCount: 2, changedSinceLastLook: 1, reviewWaiting: true })
    expect(rowOf(rows, 'cas')?.inventory?.lastLookedAt).not.toBeNull()

    // After Noor opens Cas's inventory again and reviews it, nothing waits there.
    await t.json('GET', `/clients/${clients.cas.id}/inventory`, { cookie: noor })
    await t.json('POST', `/clients/${clients.cas.id}/inventory/reviews`, { cookie: noor })
    expect(rowOf(await caseload(), 'cas')?.inventory).toMatchObject({ changedSinceLastLook: 0, reviewWaiting: false })
  })

  it('costs a fixed number of queries and a few per client that shares, not a dozen each (embedded database)', async () => {
    if (!t.handle.pglite) return
    const count = async () => {
      const sent = await queriesSent(t, async () => {
        expect((await caseload()).length).toBe(4)
      })
      return sent?.length ?? 0
    }
    const twoSharing = await count()
    await share('bo', [])
    const threeSharing = await count()
    // Measured: 16 and 17 (the session, the lists, the consent rules' facts per client, one log
    // insert, the batched reads, a statement list per client who shares); the caseload that read
    // per client made 26 and 33 (seven more for each client who shares).
    expect(threeSharing - twoSharing).toBeLessThanOrEqual(3)
    expect(twoSharing).toBeLessThanOrEqual(12 + 2 * 2)
  })
})
