import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { accessLog, evaluationAnswers, organisations, users } from '@kracht/db'
import { evaluationItems } from '@kracht/trajectory'
import { createTestApi, type TestApi } from '../../testing'

let t: TestApi
let sam: string
let noor: string
let eva: string
let wim: string
const list = () => `/clients/${t.ids.sam}/evaluations`
const one = (id: string) => `${list()}/${id}`
const answer = (id: string, item: string) => `${one(id)}/answers/${item}`

beforeAll(async () => {
  t = await createTestApi()
  ;[sam, noor, eva] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('eva')])
  const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  const [other] = await t.deps.db.insert(organisations).values({ name: 'Andere Stichting' }).returning()
  await t.deps.db.insert(users).values({ organisationId: other!.id, role: 'worker', username: 'wim', displayName: 'Wim', passwordHash: samRow!.passwordHash })
  wim = await t.signIn('wim')
})
afterAll(() => t.close())

const body = async (response: Response) => response.json()

describe('evaluation together', () => {
  let evaluationId = ''

  it('cannot start before a trajectory, nor outside an evaluation phase, and changes nothing', async () => {
    const before = await body(await t.json('GET', list(), { cookie: noor }))
    expect(before).toMatchObject({ phase: null, canStart: false, evaluations: [] })
    const early = await t.json('POST', list(), { cookie: noor })
    expect(early.status).toBe(409)
    expect((await body(early)).code).toBe('trajectory_not_started')
    expect((await t.json('POST', `/clients/${t.ids.sam}/trajectory`, { cookie: noor, body: { model: 'cti' } })).status).toBe(201)
    const structuring = await t.json('POST', list(), { cookie: noor })
    expect(structuring.status).toBe(409)
    expect((await body(structuring)).code).toBe('not_an_evaluation_phase')
    expect((await body(await t.json('GET', list(), { cookie: sam }))).evaluations).toEqual([])
  })

  it('opens at the evaluation phase, by the linked worker only, once per phase', async () => {
    for (const from of ['structuring', 'testing']) expect((await t.json('POST', `/clients/${t.ids.sam}/trajectory/next`, { cookie: noor, body: { from } })).status).toBe(200)
    expect(await body(await t.json('GET', list(), { cookie: sam }))).toMatchObject({ phase: 'transfer', canStart: true })
    expect((await t.json('POST', list(), { cookie: sam })).status).toBe(403)
    const opened = await t.json('POST', list(), { cookie: noor })
    expect(opened.status).toBe(201)
    const evaluation = await body(opened)
    evaluationId = evaluation.id
    expect(evaluation).toMatchObject({ phase: 'transfer', complete: false, closed: false, signatures: [] })
    expect(evaluation.items.map((row: { item: string }) => row.item)).toEqual([...evaluationItems])
    const again = await t.json('POST', list(), { cookie: noor })
    expect(again.status).toBe(409)
    expect((await body(again)).code).toBe('evaluation_exists')
    expect((await body(await t.json('GET', list(), { cookie: noor }))).canStart).toBe(false)
  })

  it('keeps each side to its own answers: both read both, neither writes the other', async () => {
    const mine = await t.json('PUT', answer(evaluationId, 'goals_met'), { cookie: sam, body: { text: 'Ik heb een eigen kamer gevonden.', version: 0 } })
    expect(mine.status).toBe(200)
    const theirs = await t.json('PUT', answer(evaluationId, 'goals_met'), { cookie: noor, body: { text: 'Sam regelde de kamer zelf, met haar zus.', version: 0 } })
    expect(theirs.status).toBe(200)
    const seen = await body(await t.json('GET', one(evaluationId), { cookie: sam }))
    expect(seen.items[0]).toMatchObject({
      item: 'goals_met',
      client: { text: 'Ik heb een eigen kamer gevonden.', version: 1, authorName: 'Sam' },
      worker: { text: 'Sam regelde de kamer zelf, met haar zus.', version: 1 },
    })
    const rows = await t.deps.db.select().from(evaluationAnswers).where(eq(evaluationAnswers.evaluationId, evaluationId))
    expect(rows.map((row) => [row.authorRole, row.authorId])).toEqual(
      expect.arrayContaining([
        ['client', t.ids.sam],
        ['worker', t.ids.noor],
      ]),
    )
  })

  it('refuses an unknown item, an empty answer and a stale version, and changes nothing', async () => {
    const unknown = await t.json('PUT', answer(evaluationId, 'grades'), { cookie: sam, body: { text: 'x', version: 0 } })
    expect(unknown.status).toBe(400)
    expect((await body(unknown)).code).toBe('unknown_evaluation_item')
    const empty = await t.json('PUT', answer(evaluationId, 'capacity'), { cookie: sam, body: { text: '  ', version: 0 } })
    expect(empty.status).toBe(400)
    expect((await body(empty)).fields).toMatchObject({ text: 'required' })
    const stale = await t.json('PUT', answer(evaluationId, 'goals_met'), { cookie: sam, body: { text: 'Anders', version: 0 } })
    expect(stale.status).toBe(409)
    expect((await body(stale)).code).toBe('version_conflict')
    const missing = await t.json('PUT', answer('00000000-0000-4000-8000-000000000000', 'goals_met'), { cookie: sam, body: { text: 'x', version: 0 } })
    expect(missing.status).toBe(404)
    const seen = await body(await t.json('GET', one(evaluationId), { cookie: noor }))
    expect(seen.items[0].client.text).toBe('Ik heb een eigen kamer gevonden.')
  })

  it('screens every answer for a crisis and still saves it', async () => {
    const response = await t.json('PUT', answer(evaluationId, 'quality_of_life'), { cookie: sam, body: { text: 'Soms denk ik: ik wil dood', version: 0 } })
    expect(response.status).toBe(200)
    const saved = await body(response)
    expect(saved.safety.detected).toBe(true)
    expect(saved.evaluation.items[1].client.text).toBe('Soms denk ik: ik wil dood')
  })

  it('signs only when both answered every item, and only the version shown', async () => {
    const early = await t.json('POST', `${one(evaluationId)}/signatures`, { cookie: sam, body: { contentHash: (await body(await t.json('GET', one(evaluationId), { cookie: sam }))).contentHash } })
    expect(early.status).toBe(409)
    expect((await body(early)).code).toBe('evaluation_incomplete')
    const current = await body(await t.json('GET', one(evaluationId), { cookie: sam }))
    for (const row of current.items) {
      if (!row.client) expect((await t.json('PUT', answer(evaluationId, row.item), { cookie: sam, body: { text: `Mijn woorden over ${row.item}`, version: 0 } })).status).toBe(200)
      if (!row.worker) expect((await t.json('PUT', answer(evaluationId, row.item), { cookie: noor, body: { text: `Wat ik zag bij ${row.item}`, version: 0 } })).status).toBe(200)
    }
    const full = await body(await t.json('GET', one(evaluationId), { cookie: sam }))
    expect(full.complete).toBe(true)
    const old = await t.json('POST', `${one(evaluationId)}/signatures`, { cookie: sam, body: { contentHash: current.contentHash } })
    expect(old.status).toBe(409)
    expect((await body(old)).code).toBe('version_conflict')
    const signed = await t.json('POST', `${one(evaluationId)}/signatures`, { cookie: sam, body: { contentHash: full.contentHash } })
    expect(signed.status).toBe(201)
    expect((await body(signed)).signatures).toEqual([expect.objectContaining({ signerRole: 'client', current: true })])
    const twice = await t.json('POST', `${one(evaluationId)}/signatures`, { cookie: sam, body: { contentHash: full.contentHash } })
    expect((await body(twice)).code).toBe('already_signed')
  })

  it('shows "changed since signed" after an answer changes, and closes once both signatures hold', async () => {
    const before = await body(await t.json('GET', one(evaluationId), { cookie: noor }))
    const changed = await t.json('PUT', answer(evaluationId, 'aftercare'), { cookie: noor, body: { text: 'Ik bel Sam over een maand.', version: before.items.at(-1).worker.version } })
    expect(changed.status).toBe(200)
    const after = (await body(changed)).evaluation
    expect(after.signatures).toEqual([expect.objectContaining({ signerRole: 'client', current: false })])
    expect((await t.json('POST', `${one(evaluationId)}/signatures`, { cookie: noor, body: { contentHash: after.contentHash } })).status).toBe(201)
    const resigned = await t.json('POST', `${one(evaluationId)}/signatures`, { cookie: sam, body: { contentHash: after.contentHash } })
    expect(resigned.status).toBe(201)
    expect((await body(resigned)).closed).toBe(true)
    const late = await t.json('PUT', answer(evaluationId, 'aftercare'), { cookie: sam, body: { text: 'Nog iets', version: 1 } })
    expect(late.status).toBe(409)
    expect((await body(late)).code).toBe('evaluation_signed')
    // Earlier evaluations stay readable, in the list and whole.
    const listed = await body(await t.json('GET', list(), { cookie: sam }))
    expect(listed.evaluations).toEqual([expect.objectContaining({ id: evaluationId, closed: true, complete: true })])
    expect((await t.json('GET', one(evaluationId), { cookie: sam })).status).toBe(200)
  })

  it("is in the client's own data file: the evaluation with both sides' answers, and both signatures", async () => {
    const file = await body(await t.json('GET', `/clients/${t.ids.sam}/export`, { cookie: sam }))
    const [exported] = file.trajectory.evaluations
    expect(exported).toMatchObject({ id: evaluationId, phase: 'transfer' })
    expect(exported.answers).toHaveLength(evaluationItems.length * 2)
    const signed = file.signatures.filter((row: { document: string; subjectId: string }) => row.document === 'evaluation' && row.subjectId === evaluationId)
    expect(signed.map((row: { signerRole: string }) => row.signerRole).sort()).toEqual(['client', 'client', 'worker'])
  })

  it('is the client and the linked worker only: a peer expert on consent and another organisation are refused, and every read is logged', async () => {
    const peer = await t.json('GET', one(evaluationId), { cookie: eva })
    expect(peer.status).toBe(403)
    const outside = await t.json('GET', list(), { cookie: wim })
    expect(outside.status).toBe(403)
    expect(await body(outside)).toMatchObject({ code: 'forbidden', fields: { reason: 'other_organisation' } })
    expect((await t.json('POST', list(), { cookie: wim })).status).toBe(403)
    const rows = await t.deps.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor), eq(accessLog.scope, 'evaluation')))
    expect(rows.some((row) => row.action === 'read' && row.resource === `evaluation:${evaluationId}` && row.basis === 'linked_worker')).toBe(true)
    expect(rows.every((row) => row.outcome === 'allowed')).toBe(true)
    const own = await t.deps.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.sam), eq(accessLog.scope, 'evaluation')))
    expect(own).toEqual([])
  })
})
