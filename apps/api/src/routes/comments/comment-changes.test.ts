import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { accessLog, clientWorkers, commentReplies, comments, networkComments, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

/**
 * Staff change or remove their own comments and suggestions on the client's statements, goals and
 * network map (docs/decisions/017): only the author, from the version she saw, screened like every
 * save; removing erases the words and keeps the place, with the client's answers under it.
 */

let t: TestApi
let sam: string
let noor: string
let eva: string
let bas: string
let base: string
let statementId: string
let otherStatementId: string
type Thread = { id: string; body: string; suggestedText: string | null; status: string | null; version: number; editedAt: string | null; removed: boolean; replies: { id: string; body: string }[] }

const share = async (granteeId: string, scopes: string[], access: 'read' | 'comment') =>
  expect((await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId, scopes, access, endsAt: null } })).status).toBe(201)
const stored = async (id: string) => {
  const [row] = await t.deps.db.select().from(comments).where(eq(comments.id, id))
  if (!row) throw new Error('comment gone')
  return row
}
const threads = async (cookie: string): Promise<Thread[]> => {
  const response = await t.json('GET', `${base}/comments`, { cookie })
  expect(response.status).toBe(200)
  return response.json()
}
const refusals = (actorId: string, resource: string) =>
  t.deps.db.select().from(accessLog).where(and(eq(accessLog.actorId, actorId), eq(accessLog.resource, resource), eq(accessLog.outcome, 'denied')))
const commentOn = async (statement: string, body: Record<string, unknown>, cookie = noor) => {
  const response = await t.json('POST', `${base}/statements/${statement}/comments`, { cookie, body })
  expect(response.status, await response.clone().text()).toBe(201)
  t.advance(1000)
  return (await response.json()).id as string
}

beforeAll(async () => {
  t = await createTestApi()
  ;[sam, noor, eva] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('eva')])
  const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  const [basRow] = await t.deps.db
    .insert(users)
    .values({ organisationId: samRow!.organisationId, role: 'worker', username: 'bas-comments', displayName: 'Bas', passwordHash: samRow!.passwordHash })
    .returning()
  await t.deps.db.insert(clientWorkers).values({ clientId: t.ids.sam, workerId: basRow!.id })
  bas = await t.signIn('bas-comments')
  base = `/clients/${t.ids.sam}`
  await share(t.ids.noor, ['inventory', 'action_plan', 'network'], 'comment')
  await share(basRow!.id, ['inventory', 'action_plan', 'network'], 'comment')
  const statements = (await (await t.json('GET', `${base}/statements`, { cookie: sam })).json()) as { id: string }[]
  statementId = statements[0]!.id
  otherStatementId = statements[1]!.id
})
afterAll(() => t.close())

describe('a worker changes her own comment on a statement', () => {
  let commentId: string
  const path = (id = commentId, statement = statementId) => `${base}/statements/${statement}/comments/${id}`

  beforeAll(async () => {
    commentId = await commentOn(statementId, { kind: 'comment', body: 'Waar fiets je het liefst?' })
  })

  it('noor changes her words; sam and bas read the new words marked edited, bas through the logged consent read', async () => {
    const response = await t.json('PATCH', path(), { cookie: noor, body: { body: 'Waar wandel je het liefst?', version: 1 } })
    expect(response.status, await response.clone().text()).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ id: commentId, body: 'Waar wandel je het liefst?', version: 2, removed: false, safety: { detected: false } })
    expect(body.editedAt).toEqual(expect.any(String))
    expect((await threads(sam)).find((c) => c.id === commentId)).toMatchObject({ body: 'Waar wandel je het liefst?', editedAt: body.editedAt, removed: false })
    const before = await t.deps.db.select().from(accessLog).where(and(eq(accessLog.actorId, (await idOf('bas-comments'))), eq(accessLog.resource, 'comments')))
    expect((await threads(bas)).find((c) => c.id === commentId)).toMatchObject({ body: 'Waar wandel je het liefst?', editedAt: body.editedAt })
    const after = await t.deps.db.select().from(accessLog).where(and(eq(accessLog.actorId, (await idOf('bas-comments'))), eq(accessLog.resource, 'comments')))
    expect(after.length).toBe(before.length + 1)
    expect(after.at(-1)).toMatchObject({ outcome: 'allowed', action: 'read' })
  })

  it('a change from an old page is refused (409) and overwrites nothing', async () => {
    const stale = await t.json('PATCH', path(), { cookie: noor, body: { body: 'Oude woorden', version: 1 } })
    expect(stale.status).toBe(409)
    expect((await stale.json()).code).toBe('version_conflict')
    expect((await t.json('DELETE', `${path()}?version=1`, { cookie: noor })).status).toBe(409)
    expect((await stored(commentId)).body).toBe('Waar wandel je het liefst?')
  })

  it('changed words that fire the crisis screen are saved as written and answer with the help lines', async () => {
    const response = await t.json('PATCH', path(), { cookie: noor, body: { body: 'Je zei: ik wil niet meer leven. Zullen we 113 bellen?', version: 2 } })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.safety.detected).toBe(true)
    expect(body.safety.helpLines.length).toBeGreaterThan(0)
    expect((await stored(commentId)).body).toBe('Je zei: ik wil niet meer leven. Zullen we 113 bellen?')
    expect((await t.json('PATCH', path(), { cookie: noor, body: { body: 'Waar wandel je het liefst?', version: 3 } })).status).toBe(200)
  })

  it('bas (another worker who may comment) and sam (the client) may not change or remove it: 403, logged, nothing changed', async () => {
    const before = await stored(commentId)
    const edit = await t.json('PATCH', path(), { cookie: bas, body: { body: 'Anders gezegd', version: before.version } })
    expect(edit.status).toBe(403)
    expect((await edit.json()).code).toBe('forbidden')
    expect((await t.json('DELETE', `${path()}?version=${before.version}`, { cookie: bas })).status).toBe(403)
    expect((await refusals(await idOf('bas-comments'), `comment:${commentId}`)).map((row) => [row.action, row.basis])).toEqual([
      ['update', 'only_the_author'],
      ['delete', 'only_the_author'],
    ])
    expect((await t.json('PATCH', path(), { cookie: sam, body: { body: 'Mijn woorden', version: before.version } })).status).toBe(403)
    expect((await t.json('DELETE', `${path()}?version=${before.version}`, { cookie: sam })).status).toBe(403)
    // The client's own data: her tries are not access by someone else, so the log has no row for them.
    expect(await refusals(t.ids.sam, `comment:${commentId}`)).toEqual([])
    expect(await stored(commentId)).toEqual(before)
  })

  it('a peer expert without a share (and with a read-only share) is refused by the gate, logged', async () => {
    const before = await stored(commentId)
    expect((await t.json('PATCH', path(), { cookie: eva, body: { body: 'x', version: before.version } })).status).toBe(403)
    await share(t.ids.eva, ['inventory'], 'read')
    expect((await t.json('DELETE', `${path()}?version=${before.version}`, { cookie: eva })).status).toBe(403)
    expect((await refusals(t.ids.eva, `comment:${commentId}`)).map((row) => row.action)).toEqual(['update', 'delete'])
    expect(await stored(commentId)).toEqual(before)
  })

  it('forged ids, bad input, a cross-site request and a huge body are refused and change nothing', async () => {
    const before = await stored(commentId)
    const v = before.version
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await t.json('PATCH', path(unknown), { cookie: noor, body: { body: 'Hoi', version: v } })).status).toBe(404)
    // The real comment through another statement: not found there.
    expect((await t.json('PATCH', path(commentId, otherStatementId), { cookie: noor, body: { body: 'Hoi', version: v } })).status).toBe(404)
    expect((await t.json('DELETE', `${path(commentId, otherStatementId)}?version=${v}`, { cookie: noor })).status).toBe(404)
    // Through a statement that does not exist: refused by the gate as not found.
    expect((await t.json('PATCH', path(commentId, unknown), { cookie: noor, body: { body: 'Hoi', version: v } })).status).toBe(404)
    expect((await t.json('PATCH', path('not-an-id'), { cookie: noor, body: { body: 'Hoi', version: v } })).status).toBe(400)
    const empty = await t.json('PATCH', path(), { cookie: noor, body: { body: '   ', version: v } })
    expect(empty.status).toBe(400)
    expect((await empty.json()).fields).toEqual({ body: 'required' })
    const long = await t.json('PATCH', path(), { cookie: noor, body: { body: 'a'.repeat(10_000), version: v } })
    expect((await long.json()).fields).toEqual({ body: 'too_long' })
    expect((await t.json('PATCH', path(), { cookie: noor, body: { body: 'Hoi' } })).status).toBe(400)
    expect((await t.json('DELETE', path(), { cookie: noor })).status).toBe(400)
    const huge = await t.json('PATCH', path(), { cookie: noor, body: { body: 'a'.repeat(100_000), version: v } })
    expect(huge.status).toBe(413)
    const forged = await t.json('PATCH', path(), { cookie: noor, body: { body: 'Hoi', version: v }, headers: { 'sec-fetch-site': 'cross-site' } })
    expect((await forged.json()).code).toBe('cross_site_request')
    expect((await t.json('DELETE', `${path()}?version=${v}`, { cookie: noor, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403)
    expect(await stored(commentId)).toEqual(before)
  })

  it('noor removes it: the words are gone from the database, the place and sam\'s answers under it stay', async () => {
    const reply = await t.json('POST', `${base}/comments/${commentId}/replies`, { cookie: sam, body: { body: 'Langs de rivier.' } })
    expect(reply.status).toBe(201)
    const replyId = (await reply.json()).id
    const { version } = await stored(commentId)
    expect((await t.json('DELETE', `${path()}?version=${version}`, { cookie: noor })).status).toBe(204)
    const row = await stored(commentId)
    expect(row).toMatchObject({ body: '', suggestedText: null, editedAt: null, version: version + 1 })
    expect(row.deletedAt).not.toBeNull()
    const [kept] = await t.deps.db.select().from(commentReplies).where(eq(commentReplies.id, replyId))
    expect(kept).toMatchObject({ body: 'Langs de rivier.', deletedAt: null })
    for (const cookie of [sam, bas, noor]) {
      expect((await threads(cookie)).find((c) => c.id === commentId)).toMatchObject({ body: '', removed: true, editedAt: null, replies: [expect.objectContaining({ id: replyId, body: 'Langs de rivier.' })] })
    }
    // Nothing left to answer: a new answer to it is refused; gone is gone: no second removal, no change.
    expect((await t.json('POST', `${base}/comments/${commentId}/replies`, { cookie: sam, body: { body: 'Nog iets' } })).status).toBe(404)
    expect((await t.json('DELETE', `${path()}?version=${row.version}`, { cookie: noor })).status).toBe(404)
    expect((await t.json('PATCH', path(), { cookie: noor, body: { body: 'Terug', version: row.version } })).status).toBe(404)
  })

  it('the database itself refuses to delete a comment that has answers under it (no cascade)', async () => {
    await expect(t.deps.db.delete(comments).where(eq(comments.id, commentId))).rejects.toThrow()
    expect((await stored(commentId)).id).toBe(commentId)
  })
})

describe('a worker changes or removes her own suggestion', () => {
  it('an open suggestion: new proposed words; sam sees them, marked edited', async () => {
    const id = await commentOn(statementId, { kind: 'suggestion', body: 'Misschien zo?', suggestedText: 'Ik kan goed fietsen.' })
    const path = `${base}/statements/${statementId}/comments/${id}`
    const response = await t.json('PATCH', path, { cookie: noor, body: { body: 'Of zo?', suggestedText: 'Ik fiets graag langs de rivier.', version: 1 } })
    expect(response.status, await response.clone().text()).toBe(200)
    expect((await threads(sam)).find((c) => c.id === id)).toMatchObject({ body: 'Of zo?', suggestedText: 'Ik fiets graag langs de rivier.', status: 'open', version: 2 })
    expect((await t.json('PATCH', path, { cookie: noor, body: { body: 'x', suggestedText: ' ', version: 2 } })).status).toBe(400)
    // Sam decides on the words she saw: a decision carrying the version before the change is refused, nothing decided.
    const stale = await t.json('POST', `${base}/suggestions/${id}/decision`, { cookie: sam, body: { decision: 'accept', version: 1, suggestionVersion: 1 } })
    expect(stale.status).toBe(409)
    expect((await stale.json()).code).toBe('version_conflict')
    expect(await stored(id)).toMatchObject({ status: 'open', suggestedText: 'Ik fiets graag langs de rivier.' })
  })

  it('once sam decided, the words stay (409 suggestion_decided); removing erases them and keeps her decision', async () => {
    const id = await commentOn(statementId, { kind: 'suggestion', body: '', suggestedText: 'Ik kan goed koken.' })
    const path = `${base}/statements/${statementId}/comments/${id}`
    const decided = await t.json('POST', `${base}/suggestions/${id}/decision`, { cookie: sam, body: { decision: 'decline', version: 1 } })
    expect(decided.status, await decided.clone().text()).toBe(200)
    const change = await t.json('PATCH', path, { cookie: noor, body: { body: 'Toch?', suggestedText: 'Ik kook elke dag.', version: 1 } })
    expect(change.status).toBe(409)
    expect((await change.json()).code).toBe('suggestion_decided')
    expect(await stored(id)).toMatchObject({ suggestedText: 'Ik kan goed koken.', version: 1, status: 'declined' })
    expect((await t.json('DELETE', `${path}?version=1`, { cookie: noor })).status).toBe(204)
    expect(await stored(id)).toMatchObject({ body: '', suggestedText: null, status: 'declined' })
  })

  it('removing an open suggestion withdraws it: nothing left for sam to decide', async () => {
    const id = await commentOn(statementId, { kind: 'suggestion', body: '', suggestedText: 'Ik kan goed zingen.' })
    expect((await t.json('DELETE', `${base}/statements/${statementId}/comments/${id}?version=1`, { cookie: noor })).status).toBe(204)
    expect(await stored(id)).toMatchObject({ suggestedText: null, status: null })
    const open = (await (await t.json('GET', `${base}/comments?open=true`, { cookie: sam })).json()) as Thread[]
    expect(open.map((c) => c.id)).not.toContain(id)
    expect((await t.json('POST', `${base}/suggestions/${id}/decision`, { cookie: sam, body: { decision: 'accept', version: 1 } })).status).toBe(404)
  })

  it('a peer expert who may comment changes her own comment, and cannot touch the worker\'s', async () => {
    await share(t.ids.eva, ['inventory'], 'comment')
    const own = await commentOn(statementId, { kind: 'comment', body: 'Wat fijn om te lezen.' }, eva)
    const noors = await commentOn(statementId, { kind: 'comment', body: 'Van Noor.' })
    expect((await t.json('PATCH', `${base}/statements/${statementId}/comments/${own}`, { cookie: eva, body: { body: 'Wat fijn!', version: 1 } })).status).toBe(200)
    expect((await t.json('PATCH', `${base}/statements/${statementId}/comments/${noors}`, { cookie: eva, body: { body: 'x', version: 1 } })).status).toBe(403)
    expect((await stored(noors)).body).toBe('Van Noor.')
  })
})

describe('comments on goals and on the network map', () => {
  it('noor changes and removes her comment on a goal; bas may not; sam sees it removed in the plan', async () => {
    const goal = await t.json('POST', `${base}/goals`, { cookie: sam, body: { text: 'Ik wil een eigen plek.', domain: 'housing' } })
    expect(goal.status, await goal.clone().text()).toBe(201)
    const goalId = ((await goal.json()).goal ?? (await goal.clone().json())).id as string
    const added = await t.json('POST', `${base}/goals/${goalId}/comments`, { cookie: noor, body: { kind: 'suggestion', body: 'Een eerste stap?', suggestedWhat: 'Inschrijven bij de woningbouw' } })
    expect(added.status).toBe(201)
    const id = (await added.json()).comment.id as string
    const path = `${base}/goals/${goalId}/comments/${id}`
    const changed = await t.json('PATCH', path, { cookie: noor, body: { body: 'Een eerste stap.', suggestedWhat: 'Inschrijven bij Woonnet', version: 1 } })
    expect(changed.status, await changed.clone().text()).toBe(200)
    expect((await changed.json()).comment).toMatchObject({ suggestedText: 'Inschrijven bij Woonnet', version: 2, removed: false })
    expect((await t.json('PATCH', path, { cookie: bas, body: { body: 'x', version: 2 } })).status).toBe(403)
    expect((await t.json('PATCH', path, { cookie: noor, body: { body: 'x', version: 1 } })).status).toBe(409)
    // Through a goal it is not on: not found.
    expect((await t.json('PATCH', `${base}/statements/${statementId}/comments/${id}`, { cookie: noor, body: { body: 'x', version: 2 } })).status).toBe(404)
    expect((await t.json('DELETE', `${path}?version=2`, { cookie: noor })).status).toBe(204)
    const plan = await (await t.json('GET', `${base}/goals`, { cookie: sam })).json()
    const shown = plan.goals.find((g: { id: string }) => g.id === goalId).comments.find((c: { id: string }) => c.id === id)
    expect(shown).toMatchObject({ body: '', suggestedText: null, removed: true, status: null })
  })

  it('noor changes and removes her remark on the map; sam may not change it', async () => {
    const added = await t.json('POST', `${base}/network/comments`, { cookie: noor, body: { kind: 'comment', body: 'Je noemde je buurman vaak.' } })
    expect(added.status).toBe(201)
    const id = (await added.json()).id as string
    const path = `${base}/network/comments/${id}`
    expect((await t.json('PATCH', path, { cookie: sam, body: { body: 'x', version: 1 } })).status).toBe(403)
    expect((await t.json('DELETE', `${path}?version=1`, { cookie: bas })).status).toBe(403)
    expect((await refusals(await idOf('bas-comments'), `network_comment:${id}`)).map((row) => row.basis)).toEqual(['only_the_author'])
    const changed = await t.json('PATCH', path, { cookie: noor, body: { body: 'Je noemde je buurvrouw vaak.', version: 1 } })
    expect(changed.status).toBe(200)
    const list = async () => ((await (await t.json('GET', `${base}/network/comments`, { cookie: sam })).json()) as Thread[]).find((c) => c.id === id)
    expect(await list()).toMatchObject({ body: 'Je noemde je buurvrouw vaak.', version: 2, editedAt: expect.any(String) })
    expect((await t.json('DELETE', `${path}?version=1`, { cookie: noor })).status).toBe(409)
    expect((await t.json('DELETE', `${path}?version=2`, { cookie: noor })).status).toBe(204)
    expect(await list()).toMatchObject({ body: '', removed: true })
    const [row] = await t.deps.db.select().from(networkComments).where(eq(networkComments.id, id))
    expect(row).toMatchObject({ body: '', proposal: null })
  })
})

async function idOf(username: string) {
  const [row] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.username, username))
  if (!row) throw new Error(`no ${username}`)
  return row.id
}
