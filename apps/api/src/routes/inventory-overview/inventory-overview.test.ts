import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { accessLog } from '@kracht/db'
import { createTestApi, queriesSent, whileAccessLogFails, type TestApi } from '../../testing'

/**
 * GET /clients/{id}/inventory/overview: the worker's page in one call (issue 19). It answers what
 * the three calls answer, passes the same gate once, and writes the three rows those calls wrote
 * (inventory, comments, agreement) in the same statement as its first read; a refusal is one row.
 */
describe('the inventory overview', () => {
  let t: TestApi
  let sam: string
  let noor: string
  const noorRows = async () =>
    (await t.deps.db.select({ n: count() }).from(accessLog).where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor))))[0]?.n ?? 0
  const lastRows = async (n: number) => (await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, t.ids.sam)).orderBy(accessLog.seq)).slice(-n)
  const base = () => `/clients/${t.ids.sam}`

  beforeAll(async () => {
    t = await createTestApi()
    sam = await t.signIn('sam')
    noor = await t.signIn('noor')
  })
  afterAll(() => t.close())

  it('refuses what is not shared with one denied row, and answers nothing of the client', async () => {
    const before = await noorRows()
    const response = await t.json('GET', `${base()}/inventory/overview`, { cookie: noor })
    expect(response.status).toBe(403)
    expect(await noorRows()).toBe(before + 1)
    expect((await lastRows(1))[0]).toMatchObject({ actorId: t.ids.noor, resource: 'inventory', outcome: 'denied' })
  })

  it('answers what the three calls answer, with a row for each part', async () => {
    const granted = await t.json('POST', `${base()}/consents`, {
      cookie: sam,
      body: { granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains: ['partner'], access: 'comment', endsAt: null },
    })
    expect(granted.status).toBe(201)
    const statements = (await (await t.json('GET', `${base()}/statements`, { cookie: noor })).json()) as { id: string }[]
    const first = statements[0]
    if (!first) throw new Error('the demo client has statements')
    expect((await t.json('POST', `${base()}/statements/${first.id}/comments`, { cookie: noor, body: { kind: 'comment', body: 'Mooi gezegd' } })).status).toBe(201)
    const second = statements[1] ?? first
    const suggested = { kind: 'suggestion', body: 'Misschien zo?', suggestedText: 'Ik kook graag voor mijn buren.' }
    expect((await t.json('POST', `${base()}/statements/${second.id}/comments`, { cookie: noor, body: suggested })).status).toBe(201)

    const before = await noorRows()
    const response = await t.json('GET', `${base()}/inventory/overview`, { cookie: noor })
    expect(response.status).toBe(200)
    const overview = await response.json()
    expect(await noorRows()).toBe(before + 3)
    const rows = await lastRows(3)
    expect(rows.map((row) => row.resource).sort()).toEqual(['agreement', 'comments', 'inventory'])
    for (const row of rows) expect(row).toMatchObject({ actorId: t.ids.noor, action: 'read', scope: 'inventory', outcome: 'allowed', basis: expect.stringMatching(/^consent:/) })

    const separately = {
      inventory: await (await t.json('GET', `${base()}/inventory`, { cookie: noor })).json(),
      comments: await (await t.json('GET', `${base()}/comments`, { cookie: noor })).json(),
      agreement: await (await t.json('GET', `${base()}/agreement`, { cookie: noor })).json(),
    }
    const shared = (await (await t.json('GET', `/me/shared-with-me?clientId=${t.ids.sam}`, { cookie: noor })).json()) as { shares: { scopes: string[] }[] }[]
    // The quality check says when it ran: the only figure that differs between two reads.
    const ran = { quality: { checkedAt: expect.any(String) } }
    expect(overview).toMatchObject({ ...separately, inventory: { ...separately.inventory, ...ran, quality: { ...separately.inventory.quality, ...ran.quality } } })
    expect(Object.keys(overview).sort()).toEqual(['agreement', 'comments', 'inventory', 'sharedScopes'])
    // The scopes Sam shares with Noor, as her own list gives them (the page's links to his other pages).
    expect(shared).toHaveLength(1)
    expect(overview.sharedScopes).toEqual([...new Set(shared[0]?.shares.flatMap((share) => share.scopes))])
    expect(overview.sharedScopes).toEqual(['inventory'])
    // The comments (read in the inventory's query) and the agreement exactly as their own calls give them.
    expect(overview.comments).toEqual(separately.comments)
    expect(overview.agreement).toEqual(separately.agreement)
    expect(overview.comments).toHaveLength(2)
    expect(overview.agreement.openSuggestions).toBe(1)
    // The left-out domain stays out of every part.
    expect(JSON.stringify(overview)).not.toContain('partner')
  })

  it('reads the log rows, the inventory and the comments in one query on the embedded database', async () => {
    const sent = await queriesSent(t, async () => {
      expect((await t.json('GET', `${base()}/inventory/overview`, { cookie: noor })).status).toBe(200)
    })
    if (!sent) return
    expect(sent[0]).toMatch(/from "sessions"/)
    expect(sent[1]).toMatch(/^with "logged_access" as \(insert into "access_log"/)
    expect(sent[1]).toMatch(/from "comments"/)
    // Outside a page read the agreement reads what it hashes itself; nothing else writes a log row.
    expect(sent.filter((text) => /insert into "access_log"/.test(text))).toHaveLength(1)
  })

  it('reads nothing when the rows cannot be written', async () => {
    await whileAccessLogFails(t, async () => {
      const before = await noorRows()
      const response = await t.json('GET', `${base()}/inventory/overview`, { cookie: noor })
      expect(response.status).toBe(500)
      const body = await response.text()
      expect(JSON.parse(body)).toMatchObject({ code: 'internal_error' })
      expect(body).not.toContain('statements')
      expect(await noorRows()).toBe(before)
    })
  })
})
