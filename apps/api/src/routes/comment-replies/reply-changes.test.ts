import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { accessLog, commentReplies, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

/**
 * The client changes or removes her own answer to a worker's comment: only she (she alone writes
 * answers), from the version she saw; the worker reads the current words through the consent read.
 */

let t: TestApi
let sam: string
let noor: string
let kim: string
let base: string
let commentId: string
let otherCommentId: string
let replyId: string
type Reply = { id: string; body: string; version: number; editedAt: string | null; removed: boolean }
type Thread = { id: string; replies: Reply[] }

beforeAll(async () => {
  t = await createTestApi()
  ;[sam, noor] = await Promise.all([t.signIn('sam'), t.signIn('noor')])
  const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  await t.deps.db.insert(users).values({ organisationId: samRow!.organisationId, role: 'client', username: 'kim-replies', displayName: 'Kim', passwordHash: samRow!.passwordHash })
  kim = await t.signIn('kim-replies')
  base = `/clients/${t.ids.sam}`
  await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], access: 'comment', endsAt: null } })
  const inventory = await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()
  const work = inventory.statements.find((s: { domain: string }) => s.domain === 'work').id
  const comment = async (body: string) => (await (await t.json('POST', `${base}/statements/${work}/comments`, { cookie: noor, body: { kind: 'comment', body } })).json()).id as string
  commentId = await comment('Waar fiets je het liefst?')
  otherCommentId = await comment('En met wie?')
  const reply = await t.json('POST', `${base}/comments/${commentId}/replies`, { cookie: sam, body: { body: 'Langs de rivier.' } })
  expect(reply.status).toBe(201)
  replyId = (await reply.json()).id
})
afterAll(() => t.close())

const path = (id = replyId, comment = commentId) => `${base}/comments/${comment}/replies/${id}`
const stored = async () => {
  const [row] = await t.deps.db.select().from(commentReplies).where(eq(commentReplies.id, replyId))
  if (!row) throw new Error('reply gone')
  return row
}
const repliesFor = async (cookie: string) => ((await (await t.json('GET', `${base}/comments`, { cookie })).json()) as Thread[]).find((c) => c.id === commentId)?.replies ?? []

describe('the client changes her own reply', () => {
  it('sam changes her words; noor reads them marked edited, through the logged consent read', async () => {
    const response = await t.json('PATCH', path(), { cookie: sam, body: { body: 'Langs de rivier, op zondag.', version: 1 } })
    expect(response.status, await response.clone().text()).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ id: replyId, body: 'Langs de rivier, op zondag.', version: 2, removed: false, safety: { detected: false } })
    const before = await t.deps.db.select().from(accessLog).where(and(eq(accessLog.actorId, t.ids.noor), eq(accessLog.resource, 'comments')))
    expect(await repliesFor(noor)).toEqual([expect.objectContaining({ id: replyId, body: 'Langs de rivier, op zondag.', editedAt: body.editedAt, removed: false })])
    const after = await t.deps.db.select().from(accessLog).where(and(eq(accessLog.actorId, t.ids.noor), eq(accessLog.resource, 'comments')))
    expect(after.length).toBe(before.length + 1)
    expect(after.at(-1)).toMatchObject({ outcome: 'allowed', action: 'read' })
  })

  it('a change from an old page is refused (409) and overwrites nothing', async () => {
    const stale = await t.json('PATCH', path(), { cookie: sam, body: { body: 'Bij het bos.', version: 1 } })
    expect(stale.status).toBe(409)
    expect((await stale.json()).code).toBe('version_conflict')
    expect((await t.json('DELETE', `${path()}?version=1`, { cookie: sam })).status).toBe(409)
    expect((await stored()).body).toBe('Langs de rivier, op zondag.')
  })

  it('changed words that fire the crisis screen are saved as written and answer with the help lines', async () => {
    const response = await t.json('PATCH', path(), { cookie: sam, body: { body: 'Soms wil ik er niet meer zijn.', version: 2 } })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ body: 'Soms wil ik er niet meer zijn.', version: 3 })
    expect(body.safety.detected).toBe(true)
    expect((await stored()).body).toBe('Soms wil ik er niet meer zijn.')
  })

  it('noor (who may comment) and kim (another client) may not change or remove it; noor is logged as refused', async () => {
    const before = await stored()
    expect((await t.json('PATCH', path(), { cookie: noor, body: { body: 'Ik schrijf het voor Sam', version: 3 } })).status).toBe(403)
    expect((await t.json('DELETE', `${path()}?version=3`, { cookie: noor })).status).toBe(403)
    const refused = await t.deps.db.select().from(accessLog).where(and(eq(accessLog.actorId, t.ids.noor), eq(accessLog.resource, `comment_reply:${replyId}`)))
    expect(refused.map((row) => [row.action, row.outcome, row.basis])).toEqual([
      ['update', 'denied', 'only_the_client'],
      ['delete', 'denied', 'only_the_client'],
    ])
    expect((await t.json('PATCH', path(), { cookie: kim, body: { body: 'x', version: 3 } })).status).toBe(403)
    expect((await t.json('DELETE', `${path()}?version=3`, { cookie: kim })).status).toBe(403)
    expect(await stored()).toEqual(before)
  })

  it('forged ids, bad input, a cross-site request and a huge body are refused and change nothing', async () => {
    const before = await stored()
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await t.json('PATCH', path(unknown), { cookie: sam, body: { body: 'Hoi', version: 3 } })).status).toBe(404)
    // The real reply under another comment: not found there.
    expect((await t.json('PATCH', path(replyId, otherCommentId), { cookie: sam, body: { body: 'Hoi', version: 3 } })).status).toBe(404)
    expect((await t.json('DELETE', `${path(replyId, otherCommentId)}?version=3`, { cookie: sam })).status).toBe(404)
    expect((await t.json('PATCH', path('not-an-id'), { cookie: sam, body: { body: 'Hoi', version: 3 } })).status).toBe(400)
    expect((await t.json('PATCH', path(), { cookie: sam, body: { body: '  ', version: 3 } })).status).toBe(400)
    const long = await t.json('PATCH', path(), { cookie: sam, body: { body: 'a'.repeat(10_000), version: 3 } })
    expect(long.status).toBe(400)
    expect((await long.json()).fields).toEqual({ body: 'too_long' })
    const huge = await t.json('PATCH', path(), { cookie: sam, body: { body: 'a'.repeat(100_000), version: 3 } })
    expect(huge.status).toBe(413)
    expect((await huge.json()).code).toBe('payload_too_large')
    const forged = await t.json('PATCH', path(), { cookie: sam, body: { body: 'Hoi', version: 3 }, headers: { 'sec-fetch-site': 'cross-site' } })
    expect(forged.status).toBe(403)
    expect((await forged.json()).code).toBe('cross_site_request')
    expect((await t.json('DELETE', `${path()}?version=3`, { cookie: sam, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403)
    expect(await stored()).toEqual(before)
  })

  it('sam removes it: the words are gone from the database; noor sees only that a reply was removed', async () => {
    expect((await t.json('DELETE', `${path()}?version=3`, { cookie: sam })).status).toBe(204)
    const row = await stored()
    expect(row).toMatchObject({ body: '', editedAt: null })
    expect(row.deletedAt).not.toBeNull()
    expect(await repliesFor(noor)).toEqual([expect.objectContaining({ id: replyId, body: '', removed: true, editedAt: null })])
    expect((await t.json('DELETE', `${path()}?version=${row.version}`, { cookie: sam })).status).toBe(404)
    expect((await t.json('PATCH', path(), { cookie: sam, body: { body: 'Terug', version: row.version } })).status).toBe(404)
  })
})
