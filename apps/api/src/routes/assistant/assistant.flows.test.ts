// Every flow end to end through the API, offline.
import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { goalActions, goals, networkPeople, statements } from '@kracht/db'
import { assistantTestApi } from './test-helpers'

const { h, start, answer, drive, accept, get } = assistantTestApi()

describe('every flow end to end through the API, offline', () => {
  it('miracle question: wishes as cards, nothing saved until accepted, a celebration at the end', async () => {
    const before = (await (await h.t.json('GET', `/clients/${h.t.ids.sam}/statements`, { cookie: h.sam })).json()).length
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
    expect(view.summary?.title).toMatch(/Dank je wel voor wat je deelde|Dit heb je vandaag gevonden/)
    expect(view.proposals.map((p) => p.status)).toEqual(['proposed', 'proposed', 'proposed', 'proposed'])
    // Nothing in the client's name yet.
    expect((await (await h.t.json('GET', `/clients/${h.t.ids.sam}/statements`, { cookie: h.sam })).json()).length).toBe(before)

    const wish = view.proposals.find((p) => p.kind === 'statement' && p.text === 'Ik wil rust in mijn hoofd')
    if (!wish || wish.kind !== 'statement') throw new Error('no wish card')
    const kept = await accept(view, wish.id, { domain: wish.domain ?? 'health' })
    expect(kept.status).toBe(200)
    const { proposal, saved } = await kept.json()
    expect(saved.kind).toBe('statement')
    expect(proposal).toMatchObject({ status: wish.domain ? 'accepted' : 'edited', savedId: saved.id })
    const list = await (await h.t.json('GET', `/clients/${h.t.ids.sam}/statements`, { cookie: h.sam })).json()
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
    const { view, stepIds } = await drive('strengths', ['eerlijk en geduldig', 'koken', { skip: true }, 'een eigen huis', 'hoe ik hulp regel', 'Vroeger hield ik mijn huis altijd netjes.'], {
      context: { domains: ['housing'] },
    })
    expect(stepIds).toEqual(['housing.i_am', 'housing.i_can', 'housing.i_have', 'housing.i_want', 'housing.i_know', 'housing.past'])
    expect(view.conversation.status).toBe('finished')
    const texts = view.proposals.map((p) => (p.kind === 'statement' ? p.text : ''))
    expect(texts).toEqual(['Ik ben eerlijk en geduldig', 'Ik kan koken', 'Ik wil een eigen huis', 'Ik weet hoe ik hulp regel', 'Vroeger hield ik mijn huis altijd netjes.'])
    // "Wat ging vroeger goed?" lands in the inventory's past column.
    const past = view.proposals[4]
    if (!past) throw new Error('no past card')
    const keptPast = await (await accept(view, past.id)).json()
    const [pastRow] = await h.t.deps.db.select().from(statements).where(eq(statements.id, keptPast.saved.id))
    expect(pastRow).toMatchObject({ text: 'Vroeger hield ik mijn huis altijd netjes.', domain: 'housing', time: 'past' })
    const cook = view.proposals[1]
    if (!cook) throw new Error('no card')
    const kept = await (await accept(view, cook.id, { text: 'Ik kan heel goed koken voor anderen' })).json()
    expect(kept.proposal).toMatchObject({ status: 'edited', text: 'Ik kan heel goed koken voor anderen', domain: 'housing', form: 'i_can' })
    const [row] = await h.t.deps.db.select().from(statements).where(eq(statements.id, kept.saved.id))
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
    const count = async () => (await h.t.deps.db.select().from(networkPeople).where(eq(networkPeople.clientId, h.t.ids.sam))).length
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
    const people = await h.t.deps.db.select().from(networkPeople).where(eq(networkPeople.clientId, h.t.ids.sam))
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
    const [goalRow] = await h.t.deps.db.select().from(goals).where(eq(goals.id, keptGoal.saved.id))
    expect(goalRow).toMatchObject({ text: 'Ik wil een huis met een tuin voor mijn kinderen', domain: 'housing', provenance: 'client_accepted_assistant' })
    const [actionRow] = await h.t.deps.db.select().from(goalActions).where(eq(goalActions.id, keptAction.saved.id))
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
    const list = await (await h.t.json('GET', h.base, { cookie: h.sam })).json()
    expect(list[0]).toMatchObject({ id: paused.conversation.id, flow: 'miracle', status: 'active', openProposals: 1 })
    h.t.advance(3 * 86_400_000)
    // Days later is a new sign-in (the old session timed out).
    h.sam = await h.t.signIn('sam')
    const later = await get(paused.conversation.id)
    expect(later.step?.id).toBe('else')
    expect(later.intro[0]).toMatch(/terug/i)
    expect(later.proposals).toHaveLength(1)
    expect(later.outcome).toBeNull()
  })
})
