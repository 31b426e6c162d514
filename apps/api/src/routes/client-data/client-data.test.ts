import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { accessLog, clientWorkers, statements, users } from '@kracht/db'
import { createTestApi, demoPassword, type TestApi } from '../../testing'
import { clientTables, type ClientTableName } from '../../services/client-data/coverage'
import { tableAndColumn } from '../../services/client-data/erase'

/**
 * The client's rights at once: their whole file (art. 15, 20) and deleting their account (art. 17).
 * sam holds the demo content plus what is added below; kim is a second client of the same
 * organisation whose words must never appear in sam's file, and who must survive sam's erasure.
 */
let t: TestApi
let sam: string
let kim: { id: string; cookie: string }
const kimWords = 'Kim bakt brood voor de buren'

/** Rows per covered table that name this client (or their account). */
async function rowsOf(clientId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const name of Object.keys(clientTables) as ClientTableName[]) {
    if (clientTables[name].erase === 'cascade') continue
    const { table, column } = tableAndColumn(name)
    out[name] = (await t.deps.db.select({ n: count() }).from(table).where(eq(column, clientId)))[0]?.n ?? 0
  }
  return out
}

const logRows = async (clientId: string) => (await t.deps.db.select({ n: count() }).from(accessLog).where(eq(accessLog.clientId, clientId)))[0]?.n ?? 0

/** Setup steps must succeed; the answer's text says why when one does not. */
async function ok(response: Response) {
  expect(response.ok, await response.clone().text()).toBe(true)
}

beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  const [kimRow] = await t.deps.db
    .insert(users)
    .values({ organisationId: samRow!.organisationId, role: 'client', username: 'kim', displayName: 'Kim', passwordHash: samRow!.passwordHash })
    .returning()
  await t.deps.db.insert(clientWorkers).values({ clientId: kimRow!.id, workerId: t.ids.noor })
  kim = { id: kimRow!.id, cookie: await t.signIn('kim') }
  await t.json('POST', `/clients/${kim.id}/statements`, { cookie: kim.cookie, body: { domain: 'work', time: 'present', text: kimWords } })

  // sam: a statement changed and then removed (a hard delete must take it and its revisions too),
  // a goal, a person on the map, a safety plan, a message, a consent that ended and one that runs.
  const base = `/clients/${t.ids.sam}`
  const added = await (await t.json('POST', `${base}/statements`, { cookie: sam, body: { domain: 'housing', time: 'present', text: 'Ik kan mijn huis gezellig maken' } })).json()
  const changed = await (await t.json('PATCH', `${base}/statements/${added.statement.id}`, { cookie: sam, body: { version: added.statement.version, text: 'Ik maak mijn huis gezellig' } })).json()
  await ok(await t.json('DELETE', `${base}/statements/${added.statement.id}?version=${changed.statement.version}`, { cookie: sam }))
  await ok(await t.json('POST', `${base}/goals`, { cookie: sam, body: { text: 'Ik wil weer zwemmen', domain: 'health' } }))
  await ok(await t.json('POST', `${base}/network/persons`, { cookie: sam, body: { name: 'Oma Rie', area: 'family', ring: 1, support: ['emotional'] } }))
  const plan = await (await t.json('GET', `${base}/safety-plan`, { cookie: sam })).json()
  await ok(await t.json('PUT', `${base}/safety-plan`, { cookie: sam, body: { version: plan.version ?? 0, warningSigns: ['Ik slaap slecht'], selfHelp: [], people: [], places: [], reasons: ['Mijn kat'], professionals: [] } }))
  await ok(await t.json('POST', `${base}/messages`, { cookie: sam, body: { text: 'Tot dinsdag!' } }))
  const ended = await (await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.eva, scopes: ['inventory'], access: 'read', endsAt: null } })).json()
  await t.json('DELETE', `${base}/consents/${ended.id}`, { cookie: sam })
  await ok(await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory', 'network'], access: 'comment', endsAt: null } }))
  // noor reads (a row in sam's access log) and comments.
  const shared = await (await t.json('GET', `${base}/inventory`, { cookie: await t.signIn('noor') })).json()
  const first = shared.statements[0]
  await ok(await t.json('POST', `${base}/statements/${first.id}/comments`, { cookie: await t.signIn('noor'), body: { kind: 'comment', body: 'Mooi gezegd' } }))
})
afterAll(() => t.close())

describe('GET /clients/{clientId}/export', () => {
  it('gives the client their whole file as a download, with nothing of another client', async () => {
    const response = await t.json('GET', `/clients/${t.ids.sam}/export`, { cookie: sam })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="kracht-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"$/)
    const text = await response.text()
    const file = JSON.parse(text)
    expect(file.profile).toMatchObject({ id: t.ids.sam, username: 'sam', name: 'Sam', locale: 'nl' })
    expect(text).not.toContain('password')
    expect(text).not.toContain(kimWords)
    expect(text).not.toContain(kim.id)

    // Every statement, the removed one too, with its history.
    const stored = (await t.deps.db.select({ n: count() }).from(statements).where(eq(statements.clientId, t.ids.sam)))[0]?.n
    expect(file.inventory.statements).toHaveLength(stored ?? -1)
    const removed = file.inventory.statements.find((s: { text: string }) => s.text === 'Ik maak mijn huis gezellig')
    expect(removed.deletedAt).not.toBeNull()
    expect(removed.history.map((r: { action: string }) => r.action)).toEqual(['create', 'update', 'delete'])

    expect(file.actionPlan.goals.some((g: { text: string }) => g.text === 'Ik wil weer zwemmen')).toBe(true)
    expect(file.network.people[0]).toMatchObject({ name: 'Oma Rie' })
    expect(file.network.people[0].history).toHaveLength(1)
    expect(file.safetyPlan.reasons).toEqual(['Mijn kat'])
    expect(file.messages.map((m: { text: string }) => m.text)).toContain('Tot dinsdag!')
    expect(file.consents.map((c: { active: boolean }) => c.active).sort()).toEqual([false, true])
    expect(file.comments.map((c: { body: string }) => c.body)).toContain('Mooi gezegd')
    expect(file.accessLog.some((row: { actorId: string; outcome: string }) => row.actorId === t.ids.noor && row.outcome === 'allowed')).toBe(true)
    expect(file.people).toEqual(expect.arrayContaining([expect.objectContaining({ id: t.ids.noor, name: 'Noor Haddou' })]))
    expect(file.about.inventory).toContain('krachten')
    // Every covered table has its place in the file.
    expect(Object.keys(file.tables).sort()).toEqual(Object.keys(clientTables).sort())
  })

  it('logs the download in the client\'s own log (the file holds the log, and reading it is logged)', async () => {
    const before = await logRows(t.ids.sam)
    await t.json('GET', `/clients/${t.ids.sam}/export`, { cookie: sam })
    const [last] = await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, t.ids.sam)).orderBy(accessLog.seq).offset(before)
    expect(last).toMatchObject({ action: 'export', resource: 'export', basis: 'self', actorId: t.ids.sam, outcome: 'allowed' })
  })

  it('refuses everyone else, even a worker with a consent, and logs each attempt as the gate does', async () => {
    const noor = await t.signIn('noor')
    const callers = { noor, eva: await t.signIn('eva'), admin: await t.signIn('admin'), kim: kim.cookie }
    for (const [name, cookie] of Object.entries(callers)) {
      const before = await logRows(t.ids.sam)
      const response = await t.json('GET', `/clients/${t.ids.sam}/export`, { cookie })
      expect(response.status, name).toBe(403)
      const body = await response.text()
      expect(body).not.toContain('Ik wil weer zwemmen')
      expect(await logRows(t.ids.sam), name).toBe(before + 1)
      const [entry] = await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, t.ids.sam)).orderBy(accessLog.seq).offset(before)
      expect(entry).toMatchObject({ action: 'export', outcome: 'denied', basis: 'only_the_client' })
    }
    expect((await t.json('GET', `/clients/${t.ids.sam}/export`)).status).toBe(401)
    // A forged id: sam asking for kim's file is refused and logged in kim's log.
    const kimBefore = await logRows(kim.id)
    expect((await t.json('GET', `/clients/${kim.id}/export`, { cookie: sam })).status).toBe(403)
    expect(await logRows(kim.id)).toBe(kimBefore + 1)
    expect((await t.json('GET', '/clients/not-a-uuid/export', { cookie: sam })).status).toBe(400)
    // An API token never reaches it (the token guard stops it before the gate).
    const token = await (await t.json('POST', '/me/api-tokens', { cookie: noor, body: { name: 'ECD', scopes: ['inventory'], expiresAt: new Date(t.deps.now().getTime() + 86_400_000).toISOString(), password: demoPassword } })).json()
    expect((await t.json('GET', `/clients/${t.ids.sam}/export`, { headers: { authorization: `Bearer ${token.token}` } })).status).toBe(403)
  })
})

describe('DELETE /clients/{clientId}', () => {
  it('asks for the passphrase: missing is 400, wrong is 403 with a stable code, and nothing changes', async () => {
    const before = await rowsOf(t.ids.sam)
    const missing = await t.json('DELETE', `/clients/${t.ids.sam}`, { cookie: sam, body: {} })
    expect(missing.status).toBe(400)
    const wrong = await t.json('DELETE', `/clients/${t.ids.sam}`, { cookie: sam, body: { password: 'niet-mijn-wachtwoord' } })
    expect(wrong.status).toBe(403)
    expect((await wrong.json()).code).toBe('account_password_wrong')
    expect(await rowsOf(t.ids.sam)).toEqual(before)
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: sam })).status).toBe(200)
  })

  it('refuses anyone but the client, even with the client\'s passphrase', async () => {
    const noor = await t.signIn('noor')
    const before = await logRows(t.ids.sam)
    const response = await t.json('DELETE', `/clients/${t.ids.sam}`, { cookie: noor, body: { password: demoPassword } })
    expect(response.status).toBe(403)
    expect(await logRows(t.ids.sam)).toBe(before + 1)
    expect((await t.json('DELETE', `/clients/${t.ids.sam}`, { cookie: kim.cookie, body: { password: demoPassword } })).status).toBe(403)
    expect((await rowsOf(t.ids.sam)).statements).toBeGreaterThan(0)
  })

  it('erases everything at once, ends sign-in and caseloads, keeps the access log', async () => {
    const logBefore = await logRows(t.ids.sam)
    const kimBefore = await rowsOf(kim.id)
    const noor = await t.signIn('noor')
    expect((await (await t.json('GET', '/caseload', { cookie: noor })).json()).map((row: { clientId: string }) => row.clientId)).toContain(t.ids.sam)

    const response = await t.json('DELETE', `/clients/${t.ids.sam}`, { cookie: sam, body: { password: demoPassword } })
    expect(response.status).toBe(204)
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/)

    // No content row of sam's remains in any table the erasure covers; kept tables keep theirs.
    const after = await rowsOf(t.ids.sam)
    for (const [name, n] of Object.entries(after)) {
      if (clientTables[name as ClientTableName].erase === 'delete') expect(n, name).toBe(0)
    }
    expect(await logRows(t.ids.sam)).toBeGreaterThan(logBefore)
    const [last] = await t.deps.db.select().from(accessLog).where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.action, 'delete'), eq(accessLog.outcome, 'allowed')))
    expect(last).toMatchObject({ scope: 'account', basis: 'self', actorId: t.ids.sam })
    // The account: no name, no username, no passphrase.
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
    expect(row).toMatchObject({ displayName: '—', username: `erased-${t.ids.sam}`, passwordHash: null })
    expect(row?.erasedAt).not.toBeNull()

    // The session is gone, sign-in fails, the caseload and the worker's list no longer show sam.
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: sam })).status).toBe(401)
    expect((await t.json('POST', '/auth/login', { body: { username: 'sam', password: demoPassword } })).status).toBe(401)
    expect((await (await t.json('GET', '/caseload', { cookie: noor })).json()).map((r: { clientId: string }) => r.clientId)).not.toContain(t.ids.sam)
    expect((await (await t.json('GET', '/my-clients', { cookie: noor })).json()).map((r: { id: string }) => r.id)).not.toContain(t.ids.sam)
    const people = await (await t.json('GET', '/people?role=client', { cookie: await t.signIn('admin') })).json()
    expect(JSON.stringify(people)).not.toContain(t.ids.sam)
    // A worker who had a consent reads nothing any more.
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: noor })).status).toBe(403)

    // kim is untouched (her log grew by the coordinator's list above, which logs a row per client).
    expect({ ...(await rowsOf(kim.id)), access_log: 0 }).toEqual({ ...kimBefore, access_log: 0 })
  })
})

describe('retention: the coordinator ends an account and sets the period', () => {
  it('lets only a coordinator set the period, within 30 to 3650 days', async () => {
    const admin = await t.signIn('admin')
    expect((await (await t.json('GET', '/organisation', { cookie: admin })).json()).retentionDays).toBe(365)
    expect((await t.json('PUT', '/organisation/retention', { cookie: await t.signIn('noor'), body: { retentionDays: 60 } })).status).toBe(403)
    expect((await t.json('PUT', '/organisation/retention', { cookie: admin, body: { retentionDays: 7 } })).status).toBe(400)
    expect((await t.json('PUT', '/organisation/retention', { cookie: admin, body: {} })).status).toBe(400)
    const saved = await t.json('PUT', '/organisation/retention', { cookie: admin, body: { retentionDays: 60 } })
    expect(saved.status).toBe(200)
    expect((await saved.json()).retentionDays).toBe(60)
  })

  it("ends a client's account: no sign-in from then on, the data stays until the period has passed", async () => {
    const admin = await t.signIn('admin')
    expect((await t.json('POST', `/clients/${kim.id}/end`, { cookie: await t.signIn('noor') })).status).toBe(403)
    const before = await logRows(kim.id)
    const ended = await t.json('POST', `/clients/${kim.id}/end`, { cookie: admin })
    expect(ended.status).toBe(200)
    expect(await logRows(kim.id)).toBe(before + 1)
    expect((await t.json('GET', `/clients/${kim.id}/statements`, { cookie: kim.cookie })).status).toBe(401)
    const signIn = await t.json('POST', '/auth/login', { body: { username: 'kim', password: demoPassword } })
    expect((await signIn.json()).code).toBe('account_deactivated')
    expect((await rowsOf(kim.id)).statements).toBe(1)
  })
})
