import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { accessLog, conversationProposals, organisations, safetyEvents, statements, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'
import type { ConversationView } from '../../services/assistant'

/**
 * Together mode, attacked: a worker or peer expert runs a flow beside the client. Each test tries
 * one thing a facilitator must not be able to do (issue 12, item 3) and checks it fails:
 * writing as the client, working on a life domain the client left out (ICM's mapped one too),
 * reading what the client answered alone, and seeing or setting the client's safety choice.
 */

let t: TestApi
let sam: string
let noor: string
let base: string
beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  noor = await t.signIn('noor')
  base = `/clients/${t.ids.sam}/conversations`
})
afterAll(() => t.close())

/** Sam shares the inventory with Noor (comment access), leaving `excludeDomains` out; earlier shares with Noor end. */
async function shareWithNoor(excludeDomains: string[] = []) {
  const list = (await (await t.json('GET', `/clients/${t.ids.sam}/consents`, { cookie: sam })).json()) as { id: string; granteeId: string | null; revokedAt: string | null }[]
  for (const consent of list.filter((c) => c.granteeId === t.ids.noor && !c.revokedAt)) {
    expect((await t.json('DELETE', `/clients/${t.ids.sam}/consents/${consent.id}`, { cookie: sam })).status).toBe(200)
  }
  const granted = await t.json('POST', `/clients/${t.ids.sam}/consents`, {
    cookie: sam,
    body: { granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains, access: 'comment', endsAt: null },
  })
  expect(granted.status).toBe(201)
}

beforeEach(() => shareWithNoor())

async function start(body: Record<string, unknown>, cookie: string) {
  return t.json('POST', base, { cookie, body })
}

async function answer(view: ConversationView, body: Record<string, unknown>, cookie: string): Promise<ConversationView> {
  const response = await t.json('POST', `${base}/${view.conversation.id}/answers`, {
    cookie,
    body: { stepId: view.step?.id ?? '', version: view.conversation.version, ...body },
  })
  if (response.status !== 200) throw new Error(`answer failed: ${response.status} ${await response.text()}`)
  return response.json()
}

const statementTexts = async () =>
  ((await (await t.json('GET', `/clients/${t.ids.sam}/statements`, { cookie: sam })).json()) as { text: string }[]).map((s) => s.text)

/** Noor runs the forms of strength on "work" beside Sam and answers the first question. */
async function togetherCard(text: string) {
  const started = await start({ flow: 'strengths', context: { domains: ['work'] } }, noor)
  expect(started.status).toBe(201)
  const view = await answer(await started.json(), { text }, noor)
  const card = view.proposals.find((p) => p.kind === 'statement')
  if (!card) throw new Error('no card')
  return { view, card }
}

describe('staff cannot write as the client', () => {
  it('a card the worker keeps stays out of the inventory and waits for the client', async () => {
    const before = await statementTexts()
    const { view, card } = await togetherCard('geduldig met kinderen')
    const kept = await t.json('POST', `${base}/${view.conversation.id}/proposals/${card.id}/accept`, { cookie: noor, body: { text: 'Ik ben heel geduldig' } })
    expect(kept.status).toBe(200)
    expect(await kept.json()).toMatchObject({ saved: null, proposal: { status: 'pending_client', suggestedById: t.ids.noor, text: 'Ik ben heel geduldig' } })
    // The inventory is unchanged: nothing in Sam's name that Sam did not keep.
    expect(await statementTexts()).toEqual(before)
    // A second keep by the worker cannot push it through either.
    expect((await t.json('POST', `${base}/${view.conversation.id}/proposals/${card.id}/accept`, { cookie: noor, body: {} })).status).toBe(409)
    expect(await statementTexts()).toEqual(before)
    // The worker sees "waiting for Sam" on the card.
    const noorView = (await (await t.json('GET', `${base}/${view.conversation.id}`, { cookie: noor })).json()) as ConversationView
    expect(noorView.proposals.find((p) => p.id === card.id)).toMatchObject({ status: 'pending_client' })
    // Sam sees it waiting, with who suggested it; the worker cannot read Sam's list.
    const pending = await (await t.json('GET', `/clients/${t.ids.sam}/pending-cards`, { cookie: sam })).json()
    expect(pending).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ conversationId: view.conversation.id, proposal: expect.objectContaining({ id: card.id, text: 'Ik ben heel geduldig' }), suggestedBy: { id: t.ids.noor, name: expect.any(String) } }),
      ]),
    )
    expect((await t.json('GET', `/clients/${t.ids.sam}/pending-cards`, { cookie: noor })).status).toBe(403)
    // Nor can the worker drop a card that waits for Sam.
    expect((await t.json('POST', `${base}/${view.conversation.id}/proposals/${card.id}/drop`, { cookie: noor, body: {} })).status).toBe(409)
  })

  it('the client keeps it in their own session: saved with the worker named as who suggested it', async () => {
    const { view, card } = await togetherCard('goed luisteren')
    await t.json('POST', `${base}/${view.conversation.id}/proposals/${card.id}/accept`, { cookie: noor, body: { text: 'Ik kan goed luisteren naar anderen' } })
    const kept = await t.json('POST', `${base}/${view.conversation.id}/proposals/${card.id}/accept`, { cookie: sam, body: {} })
    expect(kept.status).toBe(200)
    const { saved, proposal } = await kept.json()
    expect(proposal).toMatchObject({ status: 'edited' })
    const list = (await (await t.json('GET', `/clients/${t.ids.sam}/statements`, { cookie: sam })).json()) as { id: string; text: string; provenance: string; suggestedBy: unknown }[]
    const [noorName] = await t.deps.db.select({ name: users.displayName }).from(users).where(eq(users.id, t.ids.noor))
    expect(list.find((s) => s.id === saved.id)).toMatchObject({
      text: 'Ik kan goed luisteren naar anderen',
      provenance: 'client_accepted_worker',
      suggestedBy: { id: t.ids.noor, name: noorName?.name },
    })
    expect((await (await t.json('GET', `/clients/${t.ids.sam}/pending-cards`, { cookie: sam })).json()).map((p: { proposal: { id: string } }) => p.proposal.id)).not.toContain(card.id)
  })

  it('the client changes the words or declines: own words are the client\'s; a declined card saves nothing', async () => {
    const first = await togetherCard('netjes werken')
    await t.json('POST', `${base}/${first.view.conversation.id}/proposals/${first.card.id}/accept`, { cookie: noor, body: {} })
    const changed = await (await t.json('POST', `${base}/${first.view.conversation.id}/proposals/${first.card.id}/accept`, { cookie: sam, body: { text: 'Ik werk graag precies' } })).json()
    const [row] = await t.deps.db.select().from(statements).where(eq(statements.id, changed.saved.id))
    expect(row).toMatchObject({ text: 'Ik werk graag precies', provenance: 'client', suggestedById: null })

    const before = await statementTexts()
    const second = await togetherCard('snel leren')
    await t.json('POST', `${base}/${second.view.conversation.id}/proposals/${second.card.id}/accept`, { cookie: noor, body: {} })
    const declined = await t.json('POST', `${base}/${second.view.conversation.id}/proposals/${second.card.id}/drop`, { cookie: sam, body: {} })
    expect(declined.status).toBe(200)
    expect(await declined.json()).toMatchObject({ proposal: { status: 'dropped' } })
    expect(await statementTexts()).toEqual(before)
  })

  it('a client cannot claim a named worker suggested words they typed themselves', async () => {
    const response = await t.json('POST', `/clients/${t.ids.sam}/statements`, {
      cookie: sam,
      body: { domain: 'work', time: 'present', text: 'Ik kan goed plannen', provenance: 'client_accepted_worker' },
    })
    expect(response.status).toBe(400)
  })
})

describe('left-out life domains', () => {
  it('a worker cannot start a flow on a domain the client left out, nor pick it in the flow', async () => {
    await shareWithNoor(['partner'])
    const strengths = await start({ flow: 'strengths', context: { domains: ['work', 'partner'] } }, noor)
    expect(strengths.status).toBe(403)
    expect(await strengths.json()).toMatchObject({ code: 'forbidden' })
    expect((await start({ flow: 'goal', context: { priority: { domain: 'partner' } } }, noor)).status).toBe(403)
    // Denied and logged, by domain only.
    const denied = await t.deps.db.select().from(accessLog).where(and(eq(accessLog.actorId, t.ids.noor), eq(accessLog.outcome, 'denied'), eq(accessLog.basis, 'domain_excluded')))
    expect(denied.length).toBeGreaterThanOrEqual(2)
    // The flow's own "which domain?" step cannot pick it either.
    const open = await start({ flow: 'strengths' }, noor)
    expect(open.status).toBe(201)
    const view = (await open.json()) as ConversationView
    expect(view.step?.id).toBe('domains')
    const picked = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: noor, body: { stepId: 'domains', choices: ['partner'], version: view.conversation.version } })
    expect(picked.status).toBe(403)
    // The client on their own may, of course.
    expect((await start({ flow: 'strengths', context: { domains: ['partner'] } }, sam)).status).toBe(201)
  })

  it("ICM's nine: a domain left out in the organisation's set is refused in the Krachtwerk id that maps to it", async () => {
    const [org] = await t.deps.db.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, t.ids.sam))
    if (!org) throw new Error('no organisation')
    await t.deps.db.update(organisations).set({ domainSet: 'icm' }).where(eq(organisations.id, org.organisationId))
    try {
      // A card on "children" lands under ICM's "family". Made while nothing was left out …
      const started = (await (await start({ flow: 'strengths', context: { domains: ['children'] } }, noor)).json()) as ConversationView
      const view = await answer(started, { text: 'geduldig met mijn kinderen' }, noor)
      const card = view.proposals.find((p) => p.kind === 'statement')
      if (!card) throw new Error('no card')
      // … then Sam leaves "family" out.
      await shareWithNoor(['family'])
      expect((await start({ flow: 'strengths', context: { domains: ['children'] } }, noor)).status).toBe(403)
      expect((await start({ flow: 'goal', context: { priority: { domain: 'partner' } } }, noor)).status).toBe(403)
      const kept = await t.json('POST', `${base}/${view.conversation.id}/proposals/${card.id}/accept`, { cookie: noor, body: {} })
      expect(kept.status).toBe(403)
      const [row] = await t.deps.db.select().from(conversationProposals).where(and(eq(conversationProposals.conversationId, view.conversation.id), eq(conversationProposals.proposalId, card.id)))
      expect(row?.status).toBe('proposed')
      // The card is not even shown to Noor any more: a conversation about a left-out domain is withheld whole.
      const noorView = await t.json('GET', `${base}/${view.conversation.id}`, { cookie: noor })
      expect(noorView.status).toBe(404)
      expect(await noorView.text()).not.toContain(card.id)
    } finally {
      await t.deps.db.update(organisations).set({ domainSet: 'krachtwerk' }).where(eq(organisations.id, org.organisationId))
    }
  })
})

describe('what the client answered alone stays the client\'s', () => {
  it('a worker reading the conversation after the client went on alone sees none of the solo turns', async () => {
    const started = (await (await start({ flow: 'miracle' }, noor)).json()) as ConversationView
    const together = await answer(started, { text: 'Ik word wakker in mijn eigen huis' }, noor)
    const togetherIds = together.proposals.map((p) => p.id)
    // Later, on Sam's own phone, without Noor.
    const samView = (await (await t.json('GET', `${base}/${started.conversation.id}`, { cookie: sam })).json()) as ConversationView
    const alone = await answer(samView, { text: 'rust in mijn hoofd en een hond' }, sam)
    const soloIds = alone.proposals.map((p) => p.id).filter((id) => !togetherIds.includes(id))
    expect(soloIds.length).toBeGreaterThan(0)

    const response = await t.json('GET', `${base}/${started.conversation.id}`, { cookie: noor })
    expect(response.status).toBe(200)
    const noorView = (await response.json()) as ConversationView
    const text = JSON.stringify(noorView)
    for (const id of soloIds) expect(text).not.toContain(id)
    expect(text).not.toContain('hond')
    expect(noorView.step).toBeNull()
    expect(noorView.proposals.map((p) => p.id)).toEqual(togetherIds)
    // Nor can Noor answer on in Sam's place now.
    const more = await t.json('POST', `${base}/${started.conversation.id}/answers`, { cookie: noor, body: { stepId: alone.step?.id ?? '', text: 'x' } })
    expect(more.status).toBe(403)
    // The list counts only the open cards of Noor's own turns.
    const list = (await (await t.json('GET', base, { cookie: noor })).json()) as { id: string; openProposals: number }[]
    expect(list.find((c) => c.id === started.conversation.id)?.openProposals).toBe(togetherIds.length)
    // Noor cannot keep or drop a card of a solo turn either.
    const solo = soloIds[0] as string
    expect((await t.json('POST', `${base}/${started.conversation.id}/proposals/${solo}/accept`, { cookie: noor, body: {} })).status).toBe(404)
    expect((await t.json('POST', `${base}/${started.conversation.id}/proposals/${solo}/drop`, { cookie: noor, body: {} })).status).toBe(404)
  })
})

describe("the client's safety choice is the client's alone", () => {
  it('a worker can neither set nor see whether the client wants the worker told', async () => {
    const started = (await (await start({ flow: 'miracle' }, noor)).json()) as ConversationView
    const samView = (await (await t.json('GET', `${base}/${started.conversation.id}`, { cookie: sam })).json()) as ConversationView
    const crisis = await answer(samView, { text: 'Ik wil dood' }, sam)
    expect(crisis.safety).toMatchObject({ kind: 'suicide' })
    const no = await t.json('POST', `${base}/${started.conversation.id}/safety`, { cookie: sam, body: { notifyWorker: false } })
    expect(no.status).toBe(200)

    const overwrite = await t.json('POST', `${base}/${started.conversation.id}/safety`, { cookie: noor, body: { notifyWorker: true } })
    expect(overwrite.status).toBe(403)
    const [event] = await t.deps.db.select().from(safetyEvents).where(eq(safetyEvents.conversationId, started.conversation.id))
    expect(event).toMatchObject({ clientChoice: 'no_notification', workerNotifiedAt: null })

    const noorView = (await (await t.json('GET', `${base}/${started.conversation.id}`, { cookie: noor })).json()) as ConversationView
    expect(noorView.safetyEvent).toBeNull()
    expect(JSON.stringify(noorView)).not.toContain('no_notification')
  })

  it('a crisis answered together shows the help lines to both, but never the choice to the worker', async () => {
    const started = (await (await start({ flow: 'miracle' }, noor)).json()) as ConversationView
    const crisis = await answer(started, { text: 'Ik wil dood' }, noor)
    expect(crisis.safety).toMatchObject({ kind: 'suicide', current: true })
    expect(crisis.safetyEvent).toBeNull()
    await t.json('POST', `${base}/${started.conversation.id}/safety`, { cookie: sam, body: { notifyWorker: false } })
    const noorView = (await (await t.json('GET', `${base}/${started.conversation.id}`, { cookie: noor })).json()) as ConversationView
    expect(noorView.safety).toMatchObject({ kind: 'suicide' })
    expect(noorView.safetyEvent).toBeNull()
    const samView = (await (await t.json('GET', `${base}/${started.conversation.id}`, { cookie: sam })).json()) as ConversationView
    expect(samView.safetyEvent).toMatchObject({ clientChoice: 'no_notification' })
  })
})

describe('a women\'s shelter: no questions about the ex-partner unless the client picks that domain', () => {
  it('noor starts on partner and work: partner is left out; sam starting on partner herself is asked', async () => {
    const admin = await t.signIn('admin')
    const set = await t.json('PUT', '/organisation', { cookie: admin, body: { domainSet: 'krachtwerk', priorityLimit: 4, careSetting: 'womens_shelter' } })
    expect(set.status).toBe(200)
    expect(await set.json()).toMatchObject({ careSetting: 'womens_shelter' })
    try {
      const byNoor = (await (await start({ flow: 'strengths', context: { domains: ['partner', 'work'] } }, noor)).json()) as ConversationView
      expect(byNoor.step?.id).toBe('work.i_am')
      const bySam = (await (await start({ flow: 'strengths', context: { domains: ['partner', 'work'] } }, sam)).json()) as ConversationView
      expect(bySam.step?.id).toBe('partner.i_am')
    } finally {
      await t.json('PUT', '/organisation', { cookie: admin, body: { domainSet: 'krachtwerk', priorityLimit: 4, careSetting: 'general' } })
    }
  })
})

describe("an ICM organisation's assistant works in ICM's nine", () => {
  it('offers the nine with their labels, stores an ICM card as it is, and still refuses a left-out one', async () => {
    const [org] = await t.deps.db.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, t.ids.sam))
    if (!org) throw new Error('no organisation')
    await t.deps.db.update(organisations).set({ domainSet: 'icm' }).where(eq(organisations.id, org.organisationId))
    try {
      const mine = (await (await start({ flow: 'strengths' }, sam)).json()) as ConversationView
      expect(mine.step?.options.map((o) => o.id)).toEqual(['family', 'housing', 'education', 'work', 'finances', 'health', 'social', 'leisure', 'justice'])
      expect(mine.step?.options.find((o) => o.id === 'justice')?.label).toBe('Politie en justitie')
      const asked = await answer(mine, { choices: ['justice'] }, sam)
      expect(asked.step?.id).toBe('justice.i_am')
      const carded = await answer(asked, { text: 'eerlijk' }, sam)
      const card = carded.proposals.find((p) => p.kind === 'statement')
      expect(card).toMatchObject({ domain: 'justice', text: 'Ik ben eerlijk' })
      const kept = await t.json('POST', `${base}/${carded.conversation.id}/proposals/${card?.id ?? ''}/accept`, { cookie: sam, body: {} })
      expect(kept.status).toBe(200)
      const [saved] = await t.deps.db.select().from(statements).where(eq(statements.id, (await kept.json()).saved.id))
      expect(saved).toMatchObject({ domain: 'justice' })

      await shareWithNoor(['justice'])
      const together = (await (await start({ flow: 'strengths' }, noor)).json()) as ConversationView
      const picked = await t.json('POST', `${base}/${together.conversation.id}/answers`, { cookie: noor, body: { stepId: 'domains', choices: ['justice'], version: together.conversation.version } })
      expect(picked.status).toBe(403)
    } finally {
      await t.deps.db.delete(statements).where(and(eq(statements.clientId, t.ids.sam), eq(statements.domain, 'justice')))
      await t.deps.db.update(organisations).set({ domainSet: 'krachtwerk' }).where(eq(organisations.id, org.organisationId))
    }
  })
})
