import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { conversations, goalActions, goals, networkPeople, notifications, safetyEvents, statementRevisions, statements } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'
import * as assistant from '../../services/assistant'
import * as cards from '../../services/assistant/cards'
import type { ConversationView } from '../../services/assistant'

let t: TestApi
let sam: string
let base: string
beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  base = `/clients/${t.ids.sam}/conversations`
})
afterAll(() => t.close())

type Answer = string | { text?: string; choices?: string[]; skip?: boolean; dontKnow?: boolean }

async function start(flow: string, extra: Record<string, unknown> = {}, cookie = sam): Promise<ConversationView> {
  const response = await t.json('POST', base, { cookie, body: { flow, ...extra } })
  expect(response.status).toBe(201)
  return response.json()
}

async function answer(view: ConversationView, input: Answer, cookie = sam): Promise<ConversationView> {
  const body = typeof input === 'string' ? { text: input } : input
  const step = view.step
  if (!step) throw new Error('the flow already finished')
  const response = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie, body: { stepId: step.id, version: view.conversation.version, ...body } })
  if (response.status !== 200) throw new Error(`answer failed: ${response.status} ${await response.text()}`)
  return response.json()
}

/** Starts a flow and answers every step through the API, as the chat page does. */
async function drive(flow: string, answers: Answer[], extra: Record<string, unknown> = {}) {
  let view = await start(flow, extra)
  const stepIds = [view.step?.id]
  for (const a of answers) {
    view = await answer(view, a)
    if (view.step) stepIds.push(view.step.id)
  }
  return { view, stepIds }
}

const accept = (view: ConversationView, proposalId: string, body: Record<string, unknown> = {}) =>
  t.json('POST', `${base}/${view.conversation.id}/proposals/${proposalId}/accept`, { cookie: sam, body })
const drop = (view: ConversationView, proposalId: string) =>
  t.json('POST', `${base}/${view.conversation.id}/proposals/${proposalId}/drop`, { cookie: sam, body: {} })
const get = async (id: string): Promise<ConversationView> => (await t.json('GET', `${base}/${id}`, { cookie: sam })).json()

describe('every flow end to end through the API, offline', () => {
  it('miracle question: wishes as cards, nothing saved until accepted, a celebration at the end', async () => {
    const before = (await (await t.json('GET', `/clients/${t.ids.sam}/statements`, { cookie: sam })).json()).length
    const { view, stepIds } = await drive('miracle', [
      'Ik word wakker in mijn eigen huis. Mijn kinderen zijn bij mij.',
      'rust in mijn hoofd',
      { dontKnow: true },
      'vroeg opstaan en koken',
    ])
    expect(stepIds).toEqual(['miracle', 'else', 'who', 'different'])
    expect(view.step).toBeNull()
    expect(view.conversation.status).toBe('finished')
    expect(view.summary?.counts.wishes).toBe(4)
    expect(view.summary?.title).toMatch(/gedaan/)
    expect(view.proposals.map((p) => p.status)).toEqual(['proposed', 'proposed', 'proposed', 'proposed'])
    // Nothing in the client's name yet.
    expect((await (await t.json('GET', `/clients/${t.ids.sam}/statements`, { cookie: sam })).json()).length).toBe(before)

    const wish = view.proposals.find((p) => p.kind === 'statement' && p.text === 'Ik wil rust in mijn hoofd')
    if (!wish || wish.kind !== 'statement') throw new Error('no wish card')
    const kept = await accept(view, wish.id, { domain: wish.domain ?? 'health' })
    expect(kept.status).toBe(200)
    const { proposal, saved } = await kept.json()
    expect(saved.kind).toBe('statement')
    expect(proposal).toMatchObject({ status: wish.domain ? 'accepted' : 'edited', savedId: saved.id })
    const list = await (await t.json('GET', `/clients/${t.ids.sam}/statements`, { cookie: sam })).json()
    expect(list.find((s: { id: string }) => s.id === saved.id)).toMatchObject({
      text: 'Ik wil rust in mijn hoofd',
      form: 'i_want',
      time: 'future',
      provenance: 'client_accepted_assistant',
    })

    const resumed = await get(view.conversation.id)
    expect(resumed.summary?.counts.wishes).toBe(4)
    expect(resumed.step).toBeNull()
    expect(resumed.proposals.find((p) => p.id === wish.id)?.status).toMatch(/accepted|edited/)
    expect(resumed.intro.length).toBe(1)
  })

  it('forms of strength: the picked domains, an edited card is kept as the client changed it', async () => {
    const { view, stepIds } = await drive('strengths', ['eerlijk en geduldig', 'koken', { skip: true }, 'een eigen huis', 'hoe ik hulp regel'], {
      context: { domains: ['housing'] },
    })
    expect(stepIds).toEqual(['housing.i_am', 'housing.i_can', 'housing.i_have', 'housing.i_want', 'housing.i_know'])
    expect(view.conversation.status).toBe('finished')
    const texts = view.proposals.map((p) => (p.kind === 'statement' ? p.text : ''))
    expect(texts).toEqual(['Ik ben eerlijk en geduldig', 'Ik kan koken', 'Ik wil een eigen huis', 'Ik weet hoe ik hulp regel'])
    const cook = view.proposals[1]
    if (!cook) throw new Error('no card')
    const kept = await (await accept(view, cook.id, { text: 'Ik kan heel goed koken voor anderen' })).json()
    expect(kept.proposal).toMatchObject({ status: 'edited', text: 'Ik kan heel goed koken voor anderen', domain: 'housing', form: 'i_can' })
    const [row] = await t.deps.db.select().from(statements).where(eq(statements.id, kept.saved.id))
    expect(row).toMatchObject({ text: 'Ik kan heel goed koken voor anderen', domain: 'housing', provenance: 'client_accepted_assistant' })
  })

  it('VIP card: people go to the network map only on acceptance, with area, ring and support', async () => {
    const { view } = await drive('vip', [
      'mijn zus Fatima',
      { choices: ['family'] },
      '1',
      { choices: ['emotional', 'practical'], text: 'ze luistert altijd' },
      'ja',
      'Mo',
      'vrienden',
      { skip: true },
      { skip: true },
      { choices: ['no'] },
    ])
    expect(view.conversation.status).toBe('finished')
    expect(view.proposals).toMatchObject([
      { kind: 'network_person', name: 'mijn zus Fatima', area: 'family', ring: 1, support: ['practical', 'emotional'], note: 'ze luistert altijd' },
      { kind: 'network_person', name: 'Mo', area: 'friends', ring: null },
    ])
    const count = async () => (await t.deps.db.select().from(networkPeople).where(eq(networkPeople.clientId, t.ids.sam))).length
    const before = await count()
    const [fatima, mo] = view.proposals
    if (!fatima || !mo) throw new Error('no cards')
    const kept = await (await accept(view, fatima.id)).json()
    expect(kept.saved.kind).toBe('network_person')
    // A ring left open must be chosen on the card before the person is placed.
    const open = await accept(view, mo.id)
    expect(open.status).toBe(400)
    expect((await open.json()).fields).toEqual({ ring: 'required' })
    expect(await count()).toBe(before + 1)
    expect((await (await accept(view, mo.id, { ring: 2 })).json()).proposal).toMatchObject({ status: 'edited', ring: 2 })
    const people = await t.deps.db.select().from(networkPeople).where(eq(networkPeople.clientId, t.ids.sam))
    expect(people.find((p) => p.id === kept.saved.id)).toMatchObject({
      name: 'mijn zus Fatima',
      area: 'family',
      ring: 1,
      support: ['practical', 'emotional'],
      provenance: 'client_accepted_assistant',
      facilitatorId: null,
    })
  })

  it('goal: a goal and a first small step; a step kept before its goal is hung under it', async () => {
    const { view, stepIds } = await drive('goal', ['een huis met een tuin voor mijn kinderen', 'de woningcorporatie bellen', 'ik samen met Noor', 'maandag', 'nee'], {
      context: { priority: { domain: 'housing', wish: 'Ik wil een eigen huis' } },
    })
    expect(stepIds).toEqual(['goal', 'a1.what', 'a1.who', 'a1.when', 'a1.more'])
    const [goal, action] = view.proposals
    if (goal?.kind !== 'goal' || action?.kind !== 'action') throw new Error('no cards')
    const keptAction = await (await accept(view, action.id)).json()
    const keptGoal = await (await accept(view, goal.id)).json()
    const [goalRow] = await t.deps.db.select().from(goals).where(eq(goals.id, keptGoal.saved.id))
    expect(goalRow).toMatchObject({ text: 'Ik wil een huis met een tuin voor mijn kinderen', domain: 'housing', provenance: 'client_accepted_assistant' })
    const [actionRow] = await t.deps.db.select().from(goalActions).where(eq(goalActions.id, keptAction.saved.id))
    expect(actionRow).toMatchObject({ goalId: keptGoal.saved.id, what: 'de woningcorporatie bellen', who: 'ik samen met Noor', when: 'maandag' })
  })

  it('shows the flow\'s own welcome when a conversation is loaded before its first answer', async () => {
    const started = await start('miracle')
    const loaded = await get(started.conversation.id)
    expect(loaded.intro).toEqual(started.intro)
    expect(loaded.step?.id).toBe('miracle')
  })

  it('lists conversations latest first with their open cards, and resumes a paused one where it stopped', async () => {
    const paused = await answer(await start('miracle'), 'Ik word wakker en ik ben rustig')
    const list = await (await t.json('GET', base, { cookie: sam })).json()
    expect(list[0]).toMatchObject({ id: paused.conversation.id, flow: 'miracle', status: 'active', openProposals: 1 })
    t.advance(3 * 86_400_000)
    // Days later is a new sign-in (the old session timed out).
    sam = await t.signIn('sam')
    const later = await get(paused.conversation.id)
    expect(later.step?.id).toBe('else')
    expect(later.intro[0]).toMatch(/terug/i)
    expect(later.proposals).toHaveLength(1)
    expect(later.outcome).toBeNull()
  })
})

describe('cards: accept, edit, drop', () => {
  it('drops a card (twice is fine), and a dropped or kept card cannot change again', async () => {
    const view = await answer(await start('strengths', { context: { domains: ['work'] } }), 'behulpzaam')
    const [card] = view.proposals
    if (!card) throw new Error('no card')
    expect((await drop(view, card.id)).status).toBe(200)
    expect(((await (await drop(view, card.id)).json()) as { proposal: { status: string } }).proposal.status).toBe('dropped')
    const late = await accept(view, card.id)
    expect(late.status).toBe(409)
    expect((await late.json()).code).toBe('proposal_decided')

    const next = await answer(view, 'goed luisteren')
    const second = next.proposals.find((p) => p.id !== card.id)
    if (!second) throw new Error('no second card')
    const [a, b] = await Promise.all([accept(next, second.id), accept(next, second.id)])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const saved = await t.deps.db.select().from(statements).where(and(eq(statements.clientId, t.ids.sam), eq(statements.text, 'Ik kan goed luisteren')))
    expect(saved).toHaveLength(1)
    expect((await drop(next, second.id)).status).toBe(409)
  })

  it.each([
    ['empty text', { text: '  ' }, 'text'],
    ['text over 1,000 characters', { text: 'Ik kan '.padEnd(1200, 'a') }, 'text'],
    ['an unknown domain', { domain: 'space' }, 'domain'],
    ['an unknown form', { form: 'i_might' }, 'form'],
    ['an unknown field', { colour: 'blue' }, ''],
  ])('refuses an edit with %s and saves nothing', async (_label, body, field) => {
    const view = await answer(await start('strengths', { context: { domains: ['leisure'] } }), 'vrolijk')
    const [card] = view.proposals
    if (!card) throw new Error('no card')
    const response = await accept(view, card.id, body)
    expect(response.status).toBe(400)
    const problem = await response.json()
    expect(problem.code).toBe('validation_failed')
    if (field) expect(problem.fields[field]).toBeTruthy()
    expect((await get(view.conversation.id)).proposals[0]?.status).toBe('proposed')
  })

  it('an unknown card or conversation is 404', async () => {
    const view = await start('miracle')
    expect((await accept(view, `${view.conversation.id}-99`)).status).toBe(404)
    expect((await t.json('GET', `${base}/00000000-0000-4000-8000-000000000000`, { cookie: sam })).status).toBe(404)
  })
})

describe('bad input never corrupts a conversation', () => {
  it('an empty answer is asked again gently', async () => {
    const view = await start('miracle')
    const again = await answer(view, '   ')
    expect(again.outcome).toBe('reask')
    expect(again.step?.id).toBe('miracle')
    expect(again.feedback.length).toBeGreaterThan(0)
    expect(again.proposals).toEqual([])
  })

  it('a 10 kB answer is answer_too_long; the conversation stays where it was', async () => {
    const view = await start('miracle')
    const response = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: 'miracle', text: 'rust '.repeat(2048) } })
    expect(response.status).toBe(400)
    const problem = await response.json()
    expect(problem.code).toBe('answer_too_long')
    expect(problem.safety).toBeUndefined()
    const after = await get(view.conversation.id)
    expect(after.conversation.version).toBe(view.conversation.version)
    expect(after.step?.id).toBe('miracle')
  })

  it('a long answer with a crisis in it still gets help first: the crisis result, not an error', async () => {
    const view = await start('miracle')
    const text = `ik wil dood. ${'echt '.repeat(2000)}`
    const response = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: 'miracle', text } })
    expect(response.status).toBe(200)
    const turn = await response.json()
    expect(turn.outcome).toBe('crisis')
    expect(turn.safety.helpLines.map((l: { id: string }) => l.id)).toContain('suicide_prevention')
    const events = await t.deps.db.select().from(safetyEvents).where(eq(safetyEvents.conversationId, view.conversation.id))
    expect(events).toHaveLength(1)
    // After that, a long answer is refused, and the help card comes with the refusal.
    const refused = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: 'miracle', text: 'rust '.repeat(2048) } })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ code: 'answer_too_long', safety: { current: false } })
  })

  it('an answer to a question that is not the current one is step_mismatch', async () => {
    const view = await start('miracle')
    const response = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: 'different', text: 'koken' } })
    expect(response.status).toBe(409)
    expect((await response.json()).code).toBe('step_mismatch')
  })

  it('a crisis in an answer to the wrong step or from a stale tab still gets help first, and it stays', async () => {
    const view = await start('miracle')
    const wrongStep = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: 'different', text: 'ik wil niet meer leven' } })
    expect(wrongStep.status).toBe(200)
    expect(await wrongStep.json()).toMatchObject({ outcome: 'crisis', safety: { current: true }, step: { id: 'miracle' } })
    const staleTab = await t.json('POST', `${base}/${view.conversation.id}/answers`, {
      cookie: sam,
      body: { stepId: 'miracle', version: view.conversation.version, text: 'hij slaat me en ik ben bang' },
    })
    expect(staleTab.status).toBe(200)
    expect(await staleTab.json()).toMatchObject({ outcome: 'crisis', safety: { current: true, kind: 'violence' } })
    const after = await get(view.conversation.id)
    expect(after.safety).toMatchObject({ current: false })
    expect(after.safetyEvent).toMatchObject({ clientChoice: null, kind: 'violence' })
    expect(after.step?.id).toBe('miracle')
    const events = await t.deps.db.select().from(safetyEvents).where(eq(safetyEvents.conversationId, view.conversation.id))
    expect(events).toHaveLength(2)
  })

  it('an unknown flow is unknown_flow', async () => {
    const response = await t.json('POST', base, { cookie: sam, body: { flow: 'dance' } })
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe('unknown_flow')
  })

  it.each([
    ['text that is not a string', { text: 5, stepId: 'miracle' }, 'validation_failed'],
    ['choices that are not a list', { choices: 'family', stepId: 'miracle' }, 'validation_failed'],
    ['no stepId', { text: 'koken' }, 'validation_failed'],
  ])('refuses %s', async (_label, body, code) => {
    const view = await start('miracle')
    const response = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body })
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe(code)
  })

  it('refuses unreadable JSON, bad context and a finished flow', async () => {
    expect((await t.json('POST', base, { cookie: sam, body: '{"flow":' })).status).toBe(400)
    expect((await t.json('POST', base, { cookie: sam, body: { flow: 'goal', context: { priority: { domain: 'space' } } } })).status).toBe(400)
    const { view } = await drive('goal', ['een rijbewijs halen', { dontKnow: true }], { context: { priority: { domain: 'work' } } })
    expect(view.step).toBeNull()
    const finished = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: 'a1.what', text: 'werk' } })
    expect(finished.status).toBe(409)
    expect((await finished.json()).code).toBe('flow_finished')
  })

  it('two tabs: a stale version gets version_conflict, and two answers at once advance the conversation once', async () => {
    const view = await start('miracle')
    const first = await answer(view, 'Ik drink koffie in de zon')
    // The second tab still shows the first question and version.
    const stale = await t.json('POST', `${base}/${view.conversation.id}/answers`, {
      cookie: sam,
      body: { stepId: 'miracle', version: view.conversation.version, text: 'Ik fiets naar mijn werk' },
    })
    expect(stale.status).toBe(409)
    expect((await stale.json()).code).toBe('version_conflict')

    const body = { stepId: 'else', text: 'rust' }
    const results = await Promise.all([
      t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body }),
      t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body }),
    ])
    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 409])
    const conflict = await results.find((r) => r.status === 409)?.json()
    expect(['version_conflict', 'step_mismatch']).toContain(conflict.code)
    const after = await get(view.conversation.id)
    expect(after.conversation.version).toBe(first.conversation.version + 1)
    expect(after.step?.id).toBe('who')
    expect(after.proposals).toHaveLength(2)
    const [row] = await t.deps.db.select().from(conversations).where(eq(conversations.id, view.conversation.id))
    expect((row?.state as { history: unknown[] }).history).toHaveLength(2)
  })
})

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
    const [row] = await t.deps.db.select().from(conversations).where(eq(conversations.id, view.conversation.id))
    expect(JSON.stringify(row)).not.toContain('Ik wil dood')

    // Help stays on every later view of this conversation.
    expect((await get(view.conversation.id)).safety).toMatchObject({ current: false })
    const noor = await t.signIn('noor')
    const countFor = async () => (await (await t.json('GET', '/notifications', { cookie: noor })).json()).length
    const before = await countFor()

    const no = await t.json('POST', `${base}/${view.conversation.id}/safety`, { cookie: sam, body: { notifyWorker: false } })
    expect(no.status).toBe(200)
    expect(await no.json()).toMatchObject({ event: { clientChoice: 'no_notification', workerNotifiedAt: null }, workersNotified: 0 })
    expect(await countFor()).toBe(before)

    const yes = await (await t.json('POST', `${base}/${view.conversation.id}/safety`, { cookie: sam, body: { notifyWorker: true } })).json()
    expect(yes).toMatchObject({ event: { clientChoice: 'notify_worker' }, workersNotified: 1, hasWorker: true })
    expect(yes.event.workerNotifiedAt).toBeTruthy()
    // Told once, however often the client taps yes.
    await t.json('POST', `${base}/${view.conversation.id}/safety`, { cookie: sam, body: { notifyWorker: true } })
    const list = await (await t.json('GET', '/notifications', { cookie: noor })).json()
    expect(list).toHaveLength(before + 1)
    expect(list[0]).toMatchObject({ kind: 'safety_contact', clientId: t.ids.sam, clientName: expect.any(String), readAt: null })
    expect(JSON.stringify(list)).not.toContain('dood')

    const events = await (await t.json('GET', `/clients/${t.ids.sam}/safety-events`, { cookie: sam })).json()
    expect(events[0]).toMatchObject({ conversationId: view.conversation.id, kind: 'suicide', clientChoice: 'notify_worker' })
    // Only the client sees their crisis moments; the notifications are the worker's own.
    expect((await t.json('GET', `/clients/${t.ids.sam}/safety-events`, { cookie: noor })).status).toBe(403)
    expect((await (await t.json('GET', '/notifications', { cookie: sam })).json())).toEqual([])
    expect((await t.json('GET', '/notifications')).status).toBe(401)
  })

  it('asking for a choice where no help was shown is 404', async () => {
    const view = await start('vip')
    const response = await t.json('POST', `${base}/${view.conversation.id}/safety`, { cookie: sam, body: { notifyWorker: true } })
    expect(response.status).toBe(404)
    expect((await t.deps.db.select().from(notifications).where(eq(notifications.clientId, t.ids.sam))).length).toBe(1)
  })
})

describe('AI help setting', () => {
  it('is off by default, the client turns it on and off; without a model it is not available', async () => {
    const path = `/clients/${t.ids.sam}/settings/ai-help`
    expect(await (await t.json('GET', path, { cookie: sam })).json()).toEqual({ enabled: false, enabledAt: null, available: false })
    const on = await (await t.json('PUT', path, { cookie: sam, body: { enabled: true } })).json()
    expect(on.enabled).toBe(true)
    expect(on.enabledAt).toBeTruthy()
    const off = await (await t.json('PUT', path, { cookie: sam, body: { enabled: false } })).json()
    expect(off).toMatchObject({ enabled: false, enabledAt: null })
    expect((await t.json('PUT', path, { cookie: sam, body: { enabled: 'yes' } })).status).toBe(400)
  })
})

describe('access', () => {
  it('only the client passes the gate today; no one else reads or writes', async () => {
    const view = await start('miracle')
    const noor = await t.signIn('noor')
    const eva = await t.signIn('eva')
    for (const cookie of [noor, eva]) {
      expect((await t.json('GET', base, { cookie })).status).toBe(403)
      expect((await t.json('POST', base, { cookie, body: { flow: 'miracle' } })).status).toBe(403)
      expect((await t.json('GET', `${base}/${view.conversation.id}`, { cookie })).status).toBe(403)
      expect((await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie, body: { stepId: 'miracle', text: 'x' } })).status).toBe(403)
      expect((await t.json('PUT', `/clients/${t.ids.sam}/settings/ai-help`, { cookie, body: { enabled: true } })).status).toBe(403)
    }
    expect((await t.json('GET', base)).status).toBe(401)
    // A conversation id of one client under another client's path is not found, never shown.
    expect((await t.json('GET', `/clients/${t.ids.noor}/conversations/${view.conversation.id}`, { cookie: sam })).status).toBe(403)
  })

  // For the lead (issue 5): once the gate admits a consented facilitator, this runs as it stands.
  it("together mode through the API: a consented worker runs a flow beside the client; the facilitator is kept, the words stay the client's", async () => {
    const noor = await t.signIn('noor')
    const eva = await t.signIn('eva')
    // Without consent, and with read-only consent, nobody else can start a flow.
    expect((await t.json('POST', base, { cookie: noor, body: { flow: 'miracle' } })).status).toBe(403)
    const readOnly = await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.eva, scopes: ['inventory'], excludeDomains: [], access: 'read', endsAt: null } })
    expect(readOnly.status).toBe(201)
    expect((await t.json('POST', base, { cookie: eva, body: { flow: 'miracle' } })).status).toBe(403)

    const granted = await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains: [], access: 'comment', endsAt: null } })
    expect(granted.status).toBe(201)
    let view = await start('strengths', { context: { domains: ['work'] } }, noor)
    while (view.step) view = await answer(view, view.step.id.includes('i_can') ? 'brood en taart bakken' : { skip: true }, noor)
    const card = view.proposals.find((p) => p.kind === 'statement')
    if (!card) throw new Error('no card')
    const kept = await t.json('POST', `${base}/${view.conversation.id}/proposals/${card.id}/accept`, { cookie: noor, body: {} })
    expect(kept.status).toBe(200)
    // Kept by the facilitator: it waits for Sam; only Sam's own keep saves it, with Noor named.
    expect(await kept.json()).toMatchObject({ saved: null, proposal: { status: 'pending_client', suggestedById: t.ids.noor } })
    const mineKept = await t.json('POST', `${base}/${view.conversation.id}/proposals/${card.id}/accept`, { cookie: sam, body: {} })
    expect(mineKept.status).toBe(200)
    const { saved } = await mineKept.json()
    const [row] = await t.deps.db.select().from(statements).where(eq(statements.id, saved.id))
    expect(row).toMatchObject({ clientId: t.ids.sam, provenance: 'client_accepted_worker', suggestedById: t.ids.noor })
    const [conversation] = await t.deps.db.select().from(conversations).where(eq(conversations.id, view.conversation.id))
    expect(conversation?.facilitatorId).toBe(t.ids.noor)
    // The client sees the conversation the facilitator ran with them.
    const mine = await (await t.json('GET', base, { cookie: sam })).json()
    expect(JSON.stringify(mine)).toContain(view.conversation.id)
  })

  it('is in the OpenAPI document', async () => {
    const doc = await (await t.json('GET', '/openapi.json')).json()
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
    const caller = { clientId: t.ids.sam, actorId: t.ids.noor, isSelf: false }
    const self = { clientId: t.ids.sam, actorId: t.ids.sam, isSelf: true }
    const started = await assistant.startConversation(t.deps, { caller, flow: 'vip', locale: 'nl' })
    expect(started.conversation.facilitatorId).toBe(t.ids.noor)
    let view = started
    for (const text of ['mijn buurvrouw Els', 'vrienden', '2']) {
      view = await assistant.answer(t.deps, { caller, conversationId: view.conversation.id, answer: { stepId: view.step?.id ?? '', text } })
    }
    view = await assistant.answer(t.deps, { caller, conversationId: view.conversation.id, answer: { stepId: view.step?.id ?? '', skip: true } })
    const [card] = view.proposals
    if (!card) throw new Error('no card')
    // The client accepts on their own phone later: the facilitator of the conversation is still kept.
    const kept = await cards.acceptProposal(t.deps, {
      caller: { clientId: t.ids.sam, actorId: t.ids.sam, isSelf: true },
      conversationId: view.conversation.id,
      proposalId: card.id,
      edit: {},
    })
    const [person] = await t.deps.db.select().from(networkPeople).where(eq(networkPeople.id, kept.saved?.id ?? ''))
    expect(person).toMatchObject({ name: 'mijn buurvrouw Els', provenance: 'client_accepted_assistant', facilitatorId: t.ids.noor })

    // A statement the facilitator kept beside the client waits for the client; the client's keep
    // saves it, naming the facilitator, and the revision says the client wrote it.
    const strengths = await assistant.startConversation(t.deps, { caller, flow: 'strengths', locale: 'nl', context: { domains: ['work'] } })
    const turn = await assistant.answer(t.deps, { caller, conversationId: strengths.conversation.id, answer: { stepId: strengths.step?.id ?? '', text: 'geduldig' } })
    const statementCard = turn.proposals[0]
    if (!statementCard) throw new Error('no card')
    const suggested = await cards.acceptProposal(t.deps, { caller, conversationId: strengths.conversation.id, proposalId: statementCard.id, edit: {} })
    expect(suggested).toMatchObject({ saved: null, proposal: { status: 'pending_client' } })
    const saved = await cards.acceptProposal(t.deps, { caller: self, conversationId: strengths.conversation.id, proposalId: statementCard.id, edit: {} })
    const savedId = saved.saved?.id ?? ''
    const [statement] = await t.deps.db.select().from(statements).where(eq(statements.id, savedId))
    expect(statement).toMatchObject({ provenance: 'client_accepted_worker', suggestedById: t.ids.noor, clientId: t.ids.sam })
    const [revision] = await t.deps.db.select().from(statementRevisions).where(eq(statementRevisions.statementId, savedId))
    expect(revision).toMatchObject({ changedById: t.ids.sam, suggestedById: t.ids.noor })

    // Drafts are the client's: a facilitator sees only the conversations they ran beside the client.
    const own = await assistant.startConversation(t.deps, { caller: { clientId: t.ids.sam, actorId: t.ids.sam, isSelf: true }, flow: 'miracle', locale: 'nl' })
    await expect(assistant.getConversation(t.deps, { caller, conversationId: own.conversation.id })).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      assistant.answer(t.deps, { caller, conversationId: own.conversation.id, answer: { stepId: 'miracle', text: 'koffie' } }),
    ).rejects.toMatchObject({ code: 'not_found' })
    const listed = await assistant.listConversations(t.deps, t.ids.sam, t.ids.noor)
    expect(listed.map((c) => c.id)).toEqual(expect.arrayContaining([started.conversation.id, strengths.conversation.id]))
    expect(listed.map((c) => c.id)).not.toContain(own.conversation.id)
  })
})
