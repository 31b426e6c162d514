import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../../testing'

/**
 * What a peer expert sees of the comments on a client's shared statements: only their own. The
 * client shared their own words; what the worker wrote to them (and what they answered) stays
 * between the two of them (services/comments.ts, commentsSeenBy).
 */
describe('comments as a peer expert sees them', () => {
  let t: TestApi
  let sam: string
  let noor: string
  let eva: string
  const base = () => `/clients/${t.ids.sam}`
  const share = async (granteeId: string, access: 'read' | 'comment') =>
    expect((await t.json('POST', `${base()}/consents`, { cookie: sam, body: { granteeId, scopes: ['inventory'], access } })).status).toBe(201)
  const bodies = async (cookie: string, path: string) => {
    const response = await t.json('GET', `${base()}${path}`, { cookie })
    expect(response.status).toBe(200)
    const json = await response.json()
    return ((path.endsWith('overview') ? json.comments : json) as { body: string; replies: { body: string }[] }[]).flatMap((c) => [c.body, ...c.replies.map((r) => r.body)])
  }

  beforeAll(async () => {
    t = await createTestApi()
    ;[sam, noor, eva] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('eva')])
    await share(t.ids.noor, 'comment')
    await share(t.ids.eva, 'read')
    const statements = (await (await t.json('GET', `${base()}/statements`, { cookie: noor })).json()) as { id: string }[]
    const first = statements[0]
    if (!first) throw new Error('the demo client has statements')
    const comment = await t.json('POST', `${base()}/statements/${first.id}/comments`, { cookie: noor, body: { kind: 'comment', body: 'Noor aan Sam: hoe ging het gesprek met je moeder?' } })
    expect(comment.status).toBe(201)
    const commentId = (await comment.json()).id
    const reply = await t.json('POST', `${base()}/comments/${commentId}/replies`, { cookie: sam, body: { body: 'Sam aan Noor: moeilijk, maar goed.' } })
    expect([200, 201]).toContain(reply.status)
  })
  afterAll(() => t.close())

  it('a read-only peer expert sees the shared statements but none of the worker\'s comments or the client\'s answers', async () => {
    expect((await t.json('GET', `${base()}/inventory`, { cookie: eva })).status).toBe(200)
    for (const path of ['/comments', '/inventory/overview']) {
      const seen = (await bodies(eva, path)).join(' ')
      expect(seen).not.toContain('Noor aan Sam')
      expect(seen).not.toContain('Sam aan Noor')
    }
  })

  // The worker's page reads the comments inside the inventory's query, built once per shape
  // (services/inventory/inventory.ts): whose comments a reader sees is part of that shape, so a query
  // built for the worker is never run for a peer expert, nor one built for a peer for anyone else.
  it('the worker\'s page read first, then the peer expert\'s, then the worker\'s again: each sees their own view', async () => {
    const overview = async (cookie: string) => (await bodies(cookie, '/inventory/overview')).join(' ')
    expect(await overview(noor)).toContain('Noor aan Sam')
    const seenByEva = await overview(eva)
    expect(seenByEva).not.toContain('Noor aan Sam')
    expect(seenByEva).not.toContain('Sam aan Noor')
    const seenByNoor = await overview(noor)
    expect(seenByNoor).toContain('Noor aan Sam')
    expect(seenByNoor).toContain('Sam aan Noor')
  })

  it('the client and the worker still see the comment and the answer', async () => {
    for (const cookie of [sam, noor]) {
      const seen = (await bodies(cookie, '/comments')).join(' ')
      expect(seen).toContain('Noor aan Sam')
      expect(seen).toContain('Sam aan Noor')
    }
  })

  it('a peer expert who may comment sees their own comments, still not the worker\'s', async () => {
    await share(t.ids.eva, 'comment')
    const statements = (await (await t.json('GET', `${base()}/statements`, { cookie: eva })).json()) as { id: string }[]
    const response = await t.json('POST', `${base()}/statements/${statements[0]?.id}/comments`, { cookie: eva, body: { kind: 'comment', body: 'Eva aan Sam: wat sterk!' } })
    expect(response.status).toBe(201)
    for (const path of ['/comments', '/inventory/overview']) {
      const seen = (await bodies(eva, path)).join(' ')
      expect(seen).toContain('Eva aan Sam')
      expect(seen).not.toContain('Noor aan Sam')
    }
    expect((await bodies(sam, '/comments')).join(' ')).toContain('Eva aan Sam')
  })

  it('the same on the action plan and the network map: a peer expert sees no worker\'s comment on a goal or the map', async () => {
    const goal = await t.json('POST', `${base()}/goals`, { cookie: sam, body: { text: 'Ik wil een eigen plek waar Lina kan logeren', domain: 'housing', wish: 'Een eigen plek.' } })
    expect(goal.status).toBe(201)
    const goalId = ((await goal.json()) as { goal: { id: string } }).goal.id
    for (const [granteeId, access] of [[t.ids.noor, 'comment'], [t.ids.eva, 'read']] as const) {
      const shared = await t.json('POST', `${base()}/consents`, { cookie: sam, body: { granteeId, scopes: ['inventory', 'action_plan', 'network'], access } })
      expect(shared.status).toBe(201)
    }
    expect((await t.json('POST', `${base()}/goals/${goalId}/comments`, { cookie: noor, body: { kind: 'comment', body: 'Noor over het doel: wie kan helpen?' } })).status).toBe(201)
    expect((await t.json('POST', `${base()}/network/comments`, { cookie: noor, body: { kind: 'comment', body: 'Noor over de kaart: je zus staat dichtbij.' } })).status).toBe(201)
    const plan = async (cookie: string) => {
      const response = await t.json('GET', `${base()}/goals`, { cookie })
      expect(response.status).toBe(200)
      return JSON.stringify(await response.json())
    }
    const map = async (cookie: string) => {
      const response = await t.json('GET', `${base()}/network/comments`, { cookie })
      expect(response.status).toBe(200)
      return JSON.stringify(await response.json())
    }
    expect(await plan(eva)).not.toContain('Noor over het doel')
    expect(await map(eva)).not.toContain('Noor over de kaart')
    for (const cookie of [sam, noor]) {
      expect(await plan(cookie)).toContain('Noor over het doel')
      expect(await map(cookie)).toContain('Noor over de kaart')
    }
  })
})
