import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { commentReplies, comments } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

let t: TestApi
let sam: string
let noor: string
let base: string
let partnerId: string
let workId: string
beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  noor = await t.signIn('noor')
  base = `/clients/${t.ids.sam}`
  const added = await (await t.json('POST', `${base}/statements`, { cookie: sam, body: { domain: 'partner', time: 'present', text: 'Ik spreek mijn ex alleen op het station' } })).json()
  partnerId = added.statement.id
  await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains: ['partner'], access: 'comment', endsAt: null } })
  const inventory = await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()
  workId = inventory.statements.find((s: { domain: string }) => s.domain === 'work').id
})
afterAll(() => t.close())

const commentCount = async () => (await t.deps.db.select({ n: count() }).from(comments).where(eq(comments.clientId, t.ids.sam)))[0]?.n ?? 0

type Thread = { id: string; kind: string; readAt: string | null; replies: { body: string; authorName: string | null }[] }

describe('a comment reaches the client', () => {
  let commentId: string

  it('noor comments; sam sees it unread; marking it read shows noor that it arrived', async () => {
    const response = await t.json('POST', `${base}/statements/${workId}/comments`, { cookie: noor, body: { kind: 'comment', body: 'Mooi gezegd. Waar fiets je het liefst?' } })
    expect(response.status).toBe(201)
    commentId = (await response.json()).id
    const forSam: Thread[] = await (await t.json('GET', `${base}/comments`, { cookie: sam })).json()
    expect(forSam.find((c) => c.id === commentId)).toMatchObject({ kind: 'comment', readAt: null, replies: [] })
    const read = await t.json('POST', `${base}/comments/${commentId}/read`, { cookie: sam })
    expect(read.status).toBe(200)
    const first = (await read.json()).readAt
    // A second mark keeps the first time.
    expect((await (await t.json('POST', `${base}/comments/${commentId}/read`, { cookie: sam })).json()).readAt).toBe(first)
    const forNoor: Thread[] = await (await t.json('GET', `${base}/comments`, { cookie: noor })).json()
    expect(forNoor.find((c) => c.id === commentId)?.readAt).toBe(first)
  })

  it('sam replies; noor reads the reply; a reply that fires the crisis screen is saved as written, with help', async () => {
    const reply = await t.json('POST', `${base}/comments/${commentId}/replies`, { cookie: sam, body: { body: 'Langs de rivier, op zondag.' } })
    expect(reply.status).toBe(201)
    expect(await reply.json()).toMatchObject({ body: 'Langs de rivier, op zondag.', authorName: 'Sam', safety: { detected: false } })
    const hard = await t.json('POST', `${base}/comments/${commentId}/replies`, { cookie: sam, body: { body: 'Soms wil ik er niet meer zijn.' } })
    expect(hard.status).toBe(201)
    expect((await hard.json()).safety.detected).toBe(true)
    const forNoor: Thread[] = await (await t.json('GET', `${base}/comments`, { cookie: noor })).json()
    expect(forNoor.find((c) => c.id === commentId)?.replies.map((r) => r.body)).toEqual(['Langs de rivier, op zondag.', 'Soms wil ik er niet meer zijn.'])
  })

  it('only sam marks or replies; a 10 kB reply, an empty one or an unknown comment changes nothing', async () => {
    const before = (await t.deps.db.select({ n: count() }).from(commentReplies))[0]?.n
    expect((await t.json('POST', `${base}/comments/${commentId}/read`, { cookie: noor })).status).toBe(403)
    expect((await t.json('POST', `${base}/comments/${commentId}/replies`, { cookie: noor, body: { body: 'Ik antwoord voor Sam' } })).status).toBe(403)
    const long = await t.json('POST', `${base}/comments/${commentId}/replies`, { cookie: sam, body: { body: 'a'.repeat(10_000) } })
    expect(long.status).toBe(400)
    expect((await long.json()).fields).toEqual({ body: 'too_long' })
    expect((await t.json('POST', `${base}/comments/${commentId}/replies`, { cookie: sam, body: { body: '   ' } })).status).toBe(400)
    expect((await t.json('POST', `${base}/comments/00000000-0000-4000-8000-000000000000/replies`, { cookie: sam, body: { body: 'Hoi' } })).status).toBe(404)
    expect((await t.deps.db.select({ n: count() }).from(commentReplies))[0]?.n).toBe(before)
  })

  it('a comment on the left-out domain and a 10 kB comment are refused and change nothing', async () => {
    const before = await commentCount()
    const leftOut = await t.json('POST', `${base}/statements/${partnerId}/comments`, { cookie: noor, body: { kind: 'comment', body: 'Hoe gaat het?' } })
    expect(leftOut.status).toBe(403)
    const long = await t.json('POST', `${base}/statements/${workId}/comments`, { cookie: noor, body: { kind: 'comment', body: 'a'.repeat(10_000) } })
    expect(long.status).toBe(400)
    expect((await long.json()).fields).toEqual({ body: 'too_long' })
    expect(await commentCount()).toBe(before)
  })
})

type Signature = { signerRole: string; current: boolean | null; changes: { added: number; changed: number; removed: number; domains: string[] } | null }

describe('signing as its own step', () => {
  it('waits for open suggestions: neither noor (hers) nor sam (to decide) can sign while one is open', async () => {
    const suggestion = await (
      await t.json('POST', `${base}/statements/${workId}/comments`, { cookie: noor, body: { kind: 'suggestion', body: '', suggestedText: 'Ik kan goed plannen bij de fietsenmaker' } })
    ).json()
    const forNoor = await (await t.json('GET', `${base}/agreement`, { cookie: noor })).json()
    expect(forNoor.openSuggestions).toBe(1)
    const refused = await t.json('POST', `${base}/agreement/signatures`, { cookie: noor, body: { contentHash: forNoor.contentHash } })
    expect(refused.status).toBe(409)
    expect((await refused.json()).code).toBe('suggestions_open')
    expect((await t.json('POST', `${base}/agreement/signatures`, { cookie: sam, body: {} })).status).toBe(409)
    const inventory = await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()
    const work = inventory.statements.find((s: { id: string }) => s.id === workId)
    expect((await t.json('POST', `${base}/suggestions/${suggestion.id}/decision`, { cookie: sam, body: { decision: 'decline', version: work.version } })).status).toBe(200)
    expect((await (await t.json('GET', `${base}/agreement`, { cookie: noor })).json()).openSuggestions).toBe(0)
  })

  it('both sign once; a second signature on the same version is refused', async () => {
    const forSam = await (await t.json('GET', `${base}/agreement`, { cookie: sam })).json()
    expect((await t.json('POST', `${base}/agreement/signatures`, { cookie: sam, body: { contentHash: forSam.contentHash } })).status).toBe(201)
    const again = await t.json('POST', `${base}/agreement/signatures`, { cookie: sam, body: { contentHash: forSam.contentHash } })
    expect(again.status).toBe(409)
    expect((await again.json()).code).toBe('already_signed')
    const forNoor = await (await t.json('GET', `${base}/agreement`, { cookie: noor })).json()
    expect((await t.json('POST', `${base}/agreement/signatures`, { cookie: noor, body: { contentHash: forNoor.contentHash } })).status).toBe(201)
    const quality = (await (await t.json('GET', `${base}/inventory`, { cookie: noor })).json()).quality
    expect(quality.items.find((item: { id: string }) => item.id === 'agreement').status).toBe('done')
  })

  it('after a change: says what changed, the checklist no longer calls it done, an old version cannot be signed', async () => {
    const before = await (await t.json('GET', `${base}/agreement`, { cookie: noor })).json()
    const inventory = await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()
    const work = inventory.statements.find((s: { id: string }) => s.id === workId)
    expect((await t.json('PATCH', `${base}/statements/${workId}`, { cookie: sam, body: { version: work.version, text: 'Ik kan goed plannen, elke dinsdag' } })).status).toBe(200)
    const forSam = await (await t.json('GET', `${base}/agreement`, { cookie: sam })).json()
    const client = forSam.signatures.find((s: Signature) => s.signerRole === 'client')
    expect(client).toMatchObject({ current: false, changes: { added: 0, changed: 1, removed: 0, domains: ['work'] } })
    const forNoor = await (await t.json('GET', `${base}/agreement`, { cookie: noor })).json()
    expect(forNoor.signatures.find((s: Signature) => s.signerRole === 'worker')).toMatchObject({ current: false, changes: { changed: 1, domains: ['work'] } })
    for (const cookie of [sam, noor]) {
      const quality = (await (await t.json('GET', `${base}/inventory`, { cookie })).json()).quality
      expect(quality.items.find((item: { id: string }) => item.id === 'agreement').status).toBe('not_yet')
    }
    const old = await t.json('POST', `${base}/agreement/signatures`, { cookie: noor, body: { contentHash: before.contentHash } })
    expect(old.status).toBe(409)
    expect((await old.json()).code).toBe('version_conflict')
  })
})
