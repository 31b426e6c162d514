import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { accessLog, messages, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

/**
 * Changing and removing a message: only its author (client or staff), from the version they saw;
 * the others in the thread see the current words ("bewerkt") or only that it was removed.
 */

let t: TestApi
let sam: string
let noor: string
let eva: string
let kim: string
const thread = () => `/clients/${t.ids.sam}/messages`
type Message = { id: string; text: string; version: number; editedAt: string | null; removed: boolean; mine: boolean; unread: boolean }

beforeAll(async () => {
  t = await createTestApi()
  ;[sam, noor, eva] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('eva')])
  const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  await t.deps.db.insert(users).values({ organisationId: samRow!.organisationId, role: 'client', username: 'kim-changes', displayName: 'Kim', passwordHash: samRow!.passwordHash })
  kim = await t.signIn('kim-changes')
})
afterAll(() => t.close())

const send = async (cookie: string, text: string): Promise<{ id: string }> => {
  const response = await t.json('POST', thread(), { cookie, body: { text } })
  expect(response.status).toBe(201)
  t.advance(1000)
  return response.json()
}
const readAs = async (cookie: string): Promise<Message[]> => (await (await t.json('GET', thread(), { cookie })).json()).messages
const stored = async (id: string) => (await t.deps.db.select().from(messages).where(eq(messages.id, id)))[0]
const logRows = (actorId: string, resource: string) =>
  t.deps.db.select().from(accessLog).where(and(eq(accessLog.actorId, actorId), eq(accessLog.resource, resource)))

describe('the author changes her own message', () => {
  let mine: string
  let noorsOwn: string

  beforeAll(async () => {
    mine = (await send(sam, 'Kunnen we dinsdag praten?')).id
    noorsOwn = (await send(noor, 'Ja hoor, om tien uur.')).id
  })

  it('sam changes her words; noor reads the new words, marked edited, through the logged consent read', async () => {
    const response = await t.json('PATCH', `${thread()}/${mine}`, { cookie: sam, body: { text: 'Kunnen we woensdag praten?', version: 1 } })
    expect(response.status, await response.clone().text()).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ id: mine, text: 'Kunnen we woensdag praten?', version: 2, safety: { detected: false } })
    expect(body.editedAt).toEqual(expect.any(String))
    const before = (await logRows(t.ids.noor, 'messages')).length
    const forNoor = (await readAs(noor)).find((m) => m.id === mine)
    expect(forNoor).toMatchObject({ text: 'Kunnen we woensdag praten?', version: 2, removed: false, mine: false })
    expect(forNoor?.editedAt).toEqual(body.editedAt)
    const rows = await logRows(t.ids.noor, 'messages')
    expect(rows.length).toBe(before + 1)
    expect(rows.at(-1)).toMatchObject({ outcome: 'allowed', basis: 'linked_worker', action: 'read' })
  })

  it('a change from an old page is refused (409) and overwrites nothing', async () => {
    const stale = await t.json('PATCH', `${thread()}/${mine}`, { cookie: sam, body: { text: 'Toch dinsdag', version: 1 } })
    expect(stale.status).toBe(409)
    expect((await stale.json()).code).toBe('version_conflict')
    const staleRemove = await t.json('DELETE', `${thread()}/${mine}?version=1`, { cookie: sam })
    expect(staleRemove.status).toBe(409)
    expect((await current(mine)).text).toBe('Kunnen we woensdag praten?')
  })

  it('changed words that fire the crisis screen are saved as written and answer with the help lines', async () => {
    const response = await t.json('PATCH', `${thread()}/${mine}`, { cookie: sam, body: { text: 'Ik wil niet meer leven', version: 2 } })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.text).toBe('Ik wil niet meer leven')
    expect(body.safety.detected).toBe(true)
    expect(body.safety.helpLines.length).toBeGreaterThan(0)
    expect((await current(mine)).text).toBe('Ik wil niet meer leven')
  })

  it("noor may not change or remove sam's message: 403, logged as refused, nothing changed", async () => {
    const before = await current(mine)
    const edit = await t.json('PATCH', `${thread()}/${mine}`, { cookie: noor, body: { text: 'Anders gezegd', version: before.version } })
    expect(edit.status).toBe(403)
    expect((await edit.json()).code).toBe('forbidden')
    expect((await t.json('DELETE', `${thread()}/${mine}?version=${before.version}`, { cookie: noor })).status).toBe(403)
    const refused = (await logRows(t.ids.noor, `message:${mine}`)).filter((row) => row.outcome === 'denied')
    expect(refused.map((row) => [row.action, row.basis])).toEqual([
      ['update', 'only_the_author'],
      ['delete', 'only_the_author'],
    ])
    expect(await current(mine)).toEqual(before)
  })

  it("sam may not change noor's message; eva with a messages share and kim (another client) neither", async () => {
    const before = await current(noorsOwn)
    expect((await t.json('PATCH', `${thread()}/${noorsOwn}`, { cookie: sam, body: { text: 'Om elf uur', version: 1 } })).status).toBe(403)
    expect((await t.json('DELETE', `${thread()}/${noorsOwn}?version=1`, { cookie: sam })).status).toBe(403)
    await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.eva, scopes: ['messages'], access: 'comment', endsAt: null } })
    expect((await t.json('PATCH', `${thread()}/${mine}`, { cookie: eva, body: { text: 'x', version: 3 } })).status).toBe(403)
    expect((await t.json('PATCH', `${thread()}/${mine}`, { cookie: kim, body: { text: 'x', version: 3 } })).status).toBe(403)
    expect((await t.json('DELETE', `${thread()}/${mine}?version=3`, { cookie: kim })).status).toBe(403)
    expect(await current(noorsOwn)).toEqual(before)
  })

  it('staff change their own messages the same way (only the author)', async () => {
    const response = await t.json('PATCH', `${thread()}/${noorsOwn}`, { cookie: noor, body: { text: 'Ja hoor, om elf uur.', version: 1 } })
    expect(response.status).toBe(200)
    expect((await readAs(sam)).find((m) => m.id === noorsOwn)).toMatchObject({ text: 'Ja hoor, om elf uur.', version: 2, mine: false })
  })

  it('forged ids, bad input, a cross-site request and a huge body are refused and change nothing', async () => {
    const before = await current(mine)
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await t.json('PATCH', `${thread()}/${unknown}`, { cookie: sam, body: { text: 'Hoi', version: 1 } })).status).toBe(404)
    expect((await t.json('PATCH', `${thread()}/not-an-id`, { cookie: sam, body: { text: 'Hoi', version: 1 } })).status).toBe(400)
    // sam's message through kim's thread: not found there.
    const [kimRow] = await t.deps.db.select().from(users).where(eq(users.username, 'kim-changes'))
    expect((await t.json('PATCH', `/clients/${kimRow!.id}/messages/${mine}`, { cookie: kim, body: { text: 'Hoi', version: before.version } })).status).toBe(404)
    const empty = await t.json('PATCH', `${thread()}/${mine}`, { cookie: sam, body: { text: '   ', version: before.version } })
    expect(empty.status).toBe(400)
    const long = await t.json('PATCH', `${thread()}/${mine}`, { cookie: sam, body: { text: 'Ik kan koken. '.repeat(750), version: before.version } })
    expect(long.status).toBe(400)
    expect((await long.json()).fields).toEqual({ text: 'too_long' })
    expect((await t.json('PATCH', `${thread()}/${mine}`, { cookie: sam, body: { text: 'Hoi' } })).status).toBe(400)
    expect((await t.json('DELETE', `${thread()}/${mine}`, { cookie: sam })).status).toBe(400)
    const huge = await t.json('PATCH', `${thread()}/${mine}`, { cookie: sam, body: { text: 'a'.repeat(100_000), version: before.version } })
    expect(huge.status).toBe(413)
    expect((await huge.json()).code).toBe('payload_too_large')
    // Another site made the browser send it (no Origin header, the browser's own Sec-Fetch-Site says so).
    const forged = await t.json('PATCH', `${thread()}/${mine}`, { cookie: sam, body: { text: 'Hoi', version: before.version }, headers: { 'sec-fetch-site': 'cross-site' } })
    expect(forged.status).toBe(403)
    expect((await forged.json()).code).toBe('cross_site_request')
    expect((await t.json('DELETE', `${thread()}/${mine}?version=${before.version}`, { cookie: sam, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403)
    expect(await current(mine)).toEqual(before)
  })

  it('sam removes her message: the words are gone from the database, noor sees only that it was removed, not as new', async () => {
    const { version } = await current(mine)
    expect((await t.json('DELETE', `${thread()}/${mine}?version=${version}`, { cookie: sam })).status).toBe(204)
    const row = await current(mine)
    expect(row).toMatchObject({ text: '', editedAt: null })
    expect(row.deletedAt).not.toBeNull()
    const forNoor = (await readAs(noor)).find((m) => m.id === mine)
    expect(forNoor).toMatchObject({ text: '', removed: true, editedAt: null, unread: false })
    expect((await readAs(sam)).find((m) => m.id === mine)).toMatchObject({ text: '', removed: true, mine: true })
    // Gone is gone: no second removal, no change to what is no longer there.
    expect((await t.json('DELETE', `${thread()}/${mine}?version=${row.version}`, { cookie: sam })).status).toBe(404)
    expect((await t.json('PATCH', `${thread()}/${mine}`, { cookie: sam, body: { text: 'Terug', version: row.version } })).status).toBe(404)
  })

  it('a message removed before the worker read it is not counted as new for her', async () => {
    await t.json('POST', `${thread()}/read`, { cookie: noor })
    t.advance(1000)
    const sent = await send(sam, 'Oeps, verkeerd bericht')
    expect((await (await t.json('GET', '/me/messages/unread', { cookie: noor })).json()).total).toBe(1)
    expect((await t.json('DELETE', `${thread()}/${sent.id}?version=1`, { cookie: sam })).status).toBe(204)
    expect((await (await t.json('GET', '/me/messages/unread', { cookie: noor })).json()).total).toBe(0)
  })
})

async function current(id: string) {
  const row = await stored(id)
  if (!row) throw new Error('message gone')
  return row
}
