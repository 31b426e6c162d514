// Safety, the AI-help switch, who may reach a conversation, and together mode at service level.
import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { conversations, networkPeople, notifications, statementRevisions, statements } from '@kracht/db'
import * as assistant from '../../services/assistant'
import * as cards from '../../services/assistant/cards'
import { assistantTestApi } from './test-helpers'

const { h, start, answer, get } = assistantTestApi()

describe('safety', () => {
  it('a crisis answer shows help at once, the client sees it happened, the worker is told only on yes', async () => {
    const view = await start('miracle')
    const crisis = await answer(view, 'Ik wil dood')
    expect(crisis.outcome).toBe('crisis')
    expect(crisis.safety).toMatchObject({ kind: 'suicide', current: true, offerWorkerContact: true })
    const tels = crisis.safety?.helpLines.flatMap((l) => l.numbers.map((n) => n.tel))
    expect(tels).toEqual(expect.arrayContaining(['tel:112', 'tel:113', 'tel:08000113', 'tel:08002000']))
    expect(crisis.proposals).toEqual([])
    expect(crisis.step?.id).toBe('miracle')
    expect(crisis.safetyEvent).toMatchObject({ kind: 'suicide', clientChoice: null, workerNotifiedAt: null })
    // The answer text is kept nowhere.
    const [row] = await h.t.deps.db.select().from(conversations).where(eq(conversations.id, view.conversation.id))
    expect(JSON.stringify(row)).not.toContain('Ik wil dood')

    // Help stays on every later view of this conversation.
    expect((await get(view.conversation.id)).safety).toMatchObject({ current: false })
    const noor = await h.t.signIn('noor')
    const countFor = async () => (await (await h.t.json('GET', '/notifications', { cookie: noor })).json()).length
    const before = await countFor()

    const no = await h.t.json('POST', `${h.base}/${view.conversation.id}/safety`, { cookie: h.sam, body: { notifyWorker: false } })
    expect(no.status).toBe(200)
    expect(await no.json()).toMatchObject({ event: { clientChoice: 'no_notification', workerNotifiedAt: null }, workersNotified: 0 })
    expect(await countFor()).toBe(before)

    const yes = await (await h.t.json('POST', `${h.base}/${view.conversation.id}/safety`, { cookie: h.sam, body: { notifyWorker: true } })).json()
    expect(yes).toMatchObject({ event: { clientChoice: 'notify_worker' }, workersNotified: 1, hasWorker: true })
    expect(yes.event.workerNotifiedAt).toBeTruthy()
    // Told once, however often the client taps yes.
    await h.t.json('POST', `${h.base}/${view.conversation.id}/safety`, { cookie: h.sam, body: { notifyWorker: true } })
    const list = await (await h.t.json('GET', '/notifications', { cookie: noor })).json()
    expect(list).toHaveLength(before + 1)
    expect(list[0]).toMatchObject({ kind: 'safety_contact', clientId: h.t.ids.sam, clientName: expect.any(String), readAt: null })
    expect(JSON.stringify(list)).not.toContain('dood')

    const events = await (await h.t.json('GET', `/clients/${h.t.ids.sam}/safety-events`, { cookie: h.sam })).json()
    expect(events[0]).toMatchObject({ conversationId: view.conversation.id, kind: 'suicide', clientChoice: 'notify_worker' })
    // Only the client sees their crisis moments; the notifications are the worker's own.
    expect((await h.t.json('GET', `/clients/${h.t.ids.sam}/safety-events`, { cookie: noor })).status).toBe(403)
    expect((await (await h.t.json('GET', '/notifications', { cookie: h.sam })).json())).toEqual([])
    expect((await h.t.json('GET', '/notifications')).status).toBe(401)
  })

  it('asking for a choice where no help was shown is 404', async () => {
    const view = await start('vip')
    const response = await h.t.json('POST', `${h.base}/${view.conversation.id}/safety`, { cookie: h.sam, body: { notifyWorker: true } })
    expect(response.status).toBe(404)
    expect((await h.t.deps.db.select().from(notifications).where(eq(notifications.clientId, h.t.ids.sam))).length).toBe(1)
  })
})

describe('AI help setting', () => {
  it('is off by default, the client turns it on and off; without a model it is not available', async () => {
    const path = `/clients/${h.t.ids.sam}/settings/ai-help`
    expect(await (await h.t.json('GET', path, { cookie: h.sam })).json()).toEqual({ enabled: false, enabledAt: null, available: false })
    const on = await (await h.t.json('PUT', path, { cookie: h.sam, body: { enabled: true } })).json()
    expect(on.enabled).toBe(true)
    expect(on.enabledAt).toBeTruthy()
    const off = await (await h.t.json('PUT', path, { cookie: h.sam, body: { enabled: false } })).json()
    expect(off).toMatchObject({ enabled: false, enabledAt: null })
    expect((await h.t.json('PUT', path, { cookie: h.sam, body: { enabled: 'yes' } })).status).toBe(400)
  })
})

describe('access', () => {
  it('only the client passes the gate today; no one else reads or writes', async () => {
    const view = await start('miracle')
    const noor = await h.t.signIn('noor')
    const eva = await h.t.signIn('eva')
    for (const cookie of [noor, eva]) {
      expect((await h.t.json('GET', h.base, { cookie })).status).toBe(403)
      expect((await h.t.json('POST', h.base, { cookie, body: { flow: 'miracle' } })).status).toBe(403)
      expect((await h.t.json('GET', `${h.base}/${view.conversation.id}`, { cookie })).status).toBe(403)
      expect((await h.t.json('POST', `${h.base}/${view.conversation.id}/answers`, { cookie, body: { stepId: 'miracle', text: 'x' } })).status).toBe(403)
      expect((await h.t.json('PUT', `/clients/${h.t.ids.sam}/settings/ai-help`, { cookie, body: { enabled: true } })).status).toBe(403)
    }
    expect((await h.t.json('GET', h.base)).status).toBe(401)
    // A conversation id of one client under another client's path is not found, never shown.
    expect((await h.t.json('GET', `/clients/${h.t.ids.noor}/conversations/${view.conversation.id}`, { cookie: h.sam })).status).toBe(403)
  })

  // For the lead (issue 5): once the gate admits a consented facilitator, this runs as it stands.
  it("together mode through the API: a consented worker runs a flow beside the client; the facilitator is kept, the words stay the client's", async () => {
    const noor = await h.t.signIn('noor')
    const eva = await h.t.signIn('eva')
    // Without consent, and with read-only consent, nobody else can start a flow.
    expect((await h.t.json('POST', h.base, { cookie: noor, body: { flow: 'miracle' } })).status).toBe(403)
    const readOnly = await h.t.json('POST', `/clients/${h.t.ids.sam}/consents`, { cookie: h.sam, body: { granteeId: h.t.ids.eva, scopes: ['inventory'], excludeDomains: [], access: 'read', endsAt: null } })
    expect(readOnly.status).toBe(201)
    expect((await h.t.json('POST', h.base, { cookie: eva, body: { flow: 'miracle' } })).status).toBe(403)

    const granted = await h.t.json('POST', `/clients/${h.t.ids.sam}/consents`, { cookie: h.sam, body: { granteeId: h.t.ids.noor, scopes: ['inventory'], excludeDomains: [], access: 'comment', endsAt: null } })
    expect(granted.status).toBe(201)
    let view = await start('strengths', { context: { domains: ['work'] } }, noor)
    while (view.step) view = await answer(view, view.step.id.includes('i_can') ? 'brood en taart bakken' : { skip: true }, noor)
    const card = view.proposals.find((p) => p.kind === 'statement')
    if (!card) throw new Error('no card')
    const kept = await h.t.json('POST', `${h.base}/${view.conversation.id}/proposals/${card.id}/accept`, { cookie: noor, body: {} })
    expect(kept.status).toBe(200)
    // Kept by the facilitator: it waits for Sam; only Sam's own keep saves it, with Noor named.
    expect(await kept.json()).toMatchObject({ saved: null, proposal: { status: 'pending_client', suggestedById: h.t.ids.noor } })
    const mineKept = await h.t.json('POST', `${h.base}/${view.conversation.id}/proposals/${card.id}/accept`, { cookie: h.sam, body: {} })
    expect(mineKept.status).toBe(200)
    const { saved } = await mineKept.json()
    const [row] = await h.t.deps.db.select().from(statements).where(eq(statements.id, saved.id))
    expect(row).toMatchObject({ clientId: h.t.ids.sam, provenance: 'client_accepted_worker', suggestedById: h.t.ids.noor })
    const [conversation] = await h.t.deps.db.select().from(conversations).where(eq(conversations.id, view.conversation.id))
    expect(conversation?.facilitatorId).toBe(h.t.ids.noor)
    // The client sees the conversation the facilitator ran with them.
    const mine = await (await h.t.json('GET', h.base, { cookie: h.sam })).json()
    expect(JSON.stringify(mine)).toContain(view.conversation.id)
  })

  it('is in the OpenAPI document', async () => {
    const doc = await (await h.t.json('GET', '/openapi.json')).json()
    for (const path of [
      '/clients/{clientId}/conversations',
      '/clients/{clientId}/conversations/{conversationId}',
      '/clients/{clientId}/conversations/{conversationId}/answers',
      '/clients/{clientId}/conversations/{conversationId}/proposals/{proposalId}/accept',
      '/clients/{clientId}/conversations/{conversationId}/proposals/{proposalId}/drop',
      '/clients/{clientId}/conversations/{conversationId}/safety',
      '/clients/{clientId}/safety-events',
      '/clients/{clientId}/pending-cards',
      '/clients/{clientId}/settings/ai-help',
      '/notifications',
    ]) {
      expect(doc.paths[path], path).toBeTruthy()
    }
  })
})

describe('together mode (service level)', () => {
  it('keeps the facilitator beside the client; the saved words stay the client\'s', async () => {
    const caller = { clientId: h.t.ids.sam, actorId: h.t.ids.noor, isSelf: false }
    const self = { clientId: h.t.ids.sam, actorId: h.t.ids.sam, isSelf: true }
    const started = await assistant.startConversation(h.t.deps, { caller, flow: 'vip', locale: 'nl' })
    expect(started.conversation.facilitatorId).toBe(h.t.ids.noor)
    let view = started
    for (const text of ['mijn buurvrouw Els', 'vrienden', '2']) {
      view = await assistant.answer(h.t.deps, { caller, conversationId: view.conversation.id, answer: { stepId: view.step?.id ?? '', text } })
    }
    view = await assistant.answer(h.t.deps, { caller, conversationId: view.conversation.id, answer: { stepId: view.step?.id ?? '', skip: true } })
    const [card] = view.proposals
    if (!card) throw new Error('no card')
    // The client accepts on their own phone later: the facilitator of the conversation is still kept.
    const kept = await cards.acceptProposal(h.t.deps, {
      caller: { clientId: h.t.ids.sam, actorId: h.t.ids.sam, isSelf: true },
      conversationId: view.conversation.id,
      proposalId: card.id,
      edit: {},
    })
    const [person] = await h.t.deps.db.select().from(networkPeople).where(eq(networkPeople.id, kept.saved?.id ?? ''))
    expect(person).toMatchObject({ name: 'mijn buurvrouw Els', provenance: 'client_accepted_assistant', facilitatorId: h.t.ids.noor })

    // A statement the facilitator kept beside the client waits for the client; the client's keep
    // saves it, naming the facilitator, and the revision says the client wrote it.
    const strengths = await assistant.startConversation(h.t.deps, { caller, flow: 'strengths', locale: 'nl', context: { domains: ['work'] } })
    const turn = await assistant.answer(h.t.deps, { caller, conversationId: strengths.conversation.id, answer: { stepId: strengths.step?.id ?? '', text: 'geduldig' } })
    const statementCard = turn.proposals[0]
    if (!statementCard) throw new Error('no card')
    const suggested = await cards.acceptProposal(h.t.deps, { caller, conversationId: strengths.conversation.id, proposalId: statementCard.id, edit: {} })
    expect(suggested).toMatchObject({ saved: null, proposal: { status: 'pending_client' } })
    const saved = await cards.acceptProposal(h.t.deps, { caller: self, conversationId: strengths.conversation.id, proposalId: statementCard.id, edit: {} })
    const savedId = saved.saved?.id ?? ''
    const [statement] = await h.t.deps.db.select().from(statements).where(eq(statements.id, savedId))
    expect(statement).toMatchObject({ provenance: 'client_accepted_worker', suggestedById: h.t.ids.noor, clientId: h.t.ids.sam })
    const [revision] = await h.t.deps.db.select().from(statementRevisions).where(eq(statementRevisions.statementId, savedId))
    expect(revision).toMatchObject({ changedById: h.t.ids.sam, suggestedById: h.t.ids.noor })

    // Drafts are the client's: a facilitator sees only the conversations they ran beside the client.
    const own = await assistant.startConversation(h.t.deps, { caller: { clientId: h.t.ids.sam, actorId: h.t.ids.sam, isSelf: true }, flow: 'miracle', locale: 'nl' })
    await expect(assistant.getConversation(h.t.deps, { caller, conversationId: own.conversation.id })).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      assistant.answer(h.t.deps, { caller, conversationId: own.conversation.id, answer: { stepId: 'miracle', text: 'koffie' } }),
    ).rejects.toMatchObject({ code: 'not_found' })
    const listed = await assistant.listConversations(h.t.deps, h.t.ids.sam, h.t.ids.noor)
    expect(listed.map((c) => c.id)).toEqual(expect.arrayContaining([started.conversation.id, strengths.conversation.id]))
    expect(listed.map((c) => c.id)).not.toContain(own.conversation.id)
  })
})
