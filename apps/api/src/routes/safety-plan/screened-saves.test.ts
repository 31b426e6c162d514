import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { statements } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'

/**
 * Every save of free text passes the one screen: the answer carries `safety` with the fitting help
 * lines, the text is saved exactly as written, and nothing is blocked.
 */
let t: TestApi
let sam: string
let noor: string
const RISKY = 'Soms denk ik: iedereen is beter af zonder mij'
const VIOLENT = 'Mijn vriend slaat me als hij dronken is'
const base = () => `/clients/${t.ids.sam}`
const tels = (safety: { helpLines: { numbers: { tel: string }[] }[] }) => safety.helpLines.flatMap((line) => line.numbers.map((n) => n.tel))

beforeAll(async () => {
  t = await createTestApi()
  ;[sam, noor] = await Promise.all([t.signIn('sam'), t.signIn('noor')])
})
afterAll(() => t.close())

describe('every saved text is screened, saved as written, never blocked', () => {
  it('a new statement and a changed one', async () => {
    const created = await t.json('POST', `${base()}/statements`, { cookie: sam, body: { domain: 'health', time: 'present', text: RISKY } })
    expect(created.status).toBe(201)
    const body = await created.json()
    expect(body.statement.text).toBe(RISKY)
    expect(body.safety).toMatchObject({ detected: true, kind: 'suicide', level: 'alarm' })
    expect(tels(body.safety)).toEqual(['tel:113', 'tel:08000113', 'tel:112'])
    const [row] = await t.deps.db.select().from(statements).where(eq(statements.id, body.statement.id))
    expect(row?.text).toBe(RISKY)

    const changed = await t.json('PATCH', `${base()}/statements/${body.statement.id}`, { cookie: sam, body: { version: body.statement.version, text: VIOLENT } })
    expect(changed.status).toBe(200)
    const after = await changed.json()
    expect(after.statement.text).toBe(VIOLENT)
    expect(after.safety).toMatchObject({ detected: true, kind: 'violence' })
    expect(tels(after.safety)).toEqual(['tel:08002000', 'tel:112'])

    const calm = await (await t.json('POST', `${base()}/statements`, { cookie: sam, body: { domain: 'leisure', time: 'present', text: 'Ik kan goed tekenen' } })).json()
    expect(calm.safety.detected).toBe(false)
  })

  it('remarks and the wish of a priority', async () => {
    const inventory = await (await t.json('GET', `${base()}/inventory`, { cookie: sam })).json()
    const remarks = await t.json('PUT', `${base()}/remarks`, { cookie: sam, body: { version: inventory.version, remarks: RISKY } })
    expect(remarks.status).toBe(200)
    const saved = await remarks.json()
    expect(saved.safety).toMatchObject({ detected: true, kind: 'suicide' })
    expect((await (await t.json('GET', `${base()}/inventory`, { cookie: sam })).json()).remarks).toBe(RISKY)

    const priorities = await t.json('PUT', `${base()}/priorities`, { cookie: sam, body: { version: saved.version, priorities: [{ domain: 'health', wish: 'ik wil niet meer leven' }] } })
    expect(priorities.status).toBe(200)
    expect((await priorities.json()).safety).toMatchObject({ detected: true })
  })

  it("a client's session note", async () => {
    // A note is written once the session started (a minute ago here).
    const startsAt = new Date(t.deps.now().getTime() - 60_000).toISOString()
    const { id } = await (await t.json('POST', '/sessions', { cookie: noor, body: { kind: 'one_to_one', title: 'Gesprek', startsAt, clientIds: [t.ids.sam] } })).json()
    const note = await t.json('PUT', `${base()}/sessions/${id}/note`, { cookie: sam, body: { text: VIOLENT } })
    expect(note.status).toBe(200)
    const body = await note.json()
    expect(body.text).toBe(VIOLENT)
    expect(body.safety).toMatchObject({ detected: true, kind: 'violence' })
  })

  it("a worker's comment that quotes the client", async () => {
    await t.json('POST', `${base()}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], access: 'comment', endsAt: null } })
    const inventory = await (await t.json('GET', `${base()}/inventory`, { cookie: sam })).json()
    const statement = inventory.statements.find((s: { domain: string }) => s.domain === 'leisure')
    const comment = await t.json('POST', `${base()}/statements/${statement.id}/comments`, { cookie: noor, body: { kind: 'comment', body: `Je schreef: "${RISKY}". Laten we praten.` } })
    expect(comment.status).toBe(201)
    expect((await comment.json()).safety).toMatchObject({ detected: true, kind: 'suicide' })
  })

  it('a card kept from the assistant, edited into risky words', async () => {
    const view = await (await t.json('POST', `${base()}/conversations`, { cookie: sam, body: { flow: 'miracle' } })).json()
    const answered = await (
      await t.json('POST', `${base()}/conversations/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: view.step.id, version: view.conversation.version, text: 'Ik wil weer gaan zwemmen' } })
    ).json()
    const card = answered.proposals.find((p: { status: string }) => p.status === 'proposed')
    const kept = await t.json('POST', `${base()}/conversations/${view.conversation.id}/proposals/${card.id}/accept`, { cookie: sam, body: { text: RISKY, domain: 'health' } })
    expect(kept.status).toBe(200)
    expect((await kept.json()).safety).toMatchObject({ detected: true, kind: 'suicide' })
  })
})
