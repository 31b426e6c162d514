// The flows one by one, offline: what each asks and which cards it drafts.
import { describe, expect, it } from 'vitest'
import { domainIds } from '@kracht/language'
import { startConversation } from './engine'
import { allProposals, drive } from './test-helpers'
import { proposalSchema } from './types'
import type { Proposal } from './types'

function statements(proposals: Proposal[]): Array<Extract<Proposal, { kind: 'statement' }>> {
  return proposals.filter((p): p is Extract<Proposal, { kind: 'statement' }> => p.kind === 'statement')
}

describe('miracle question', () => {
  it('nl: four questions, answers become wishes in the client\'s own words, a celebrating summary', () => {
    const run = drive('miracle', 'nl', [
      'Ik word wakker in mijn eigen huis. Mijn kinderen zijn bij mij.',
      'rust in mijn hoofd',
      'mijn zus ziet dat ik lach',
      'vroeg opstaan en koken',
    ])
    expect(run.stepIds).toEqual(['miracle', 'else', 'who', 'different'])
    expect(run.step).toBeNull()
    const wishes = statements(allProposals(run.results))
    expect(wishes.map((w) => w.text)).toEqual([
      'Ik word wakker in mijn eigen huis.',
      'Mijn kinderen zijn bij mij.',
      'Ik wil rust in mijn hoofd',
      'Ik wil vroeg opstaan en koken',
    ])
    // "Who notices first" is about the client's network: a card for the map, not a wish in the third person.
    const people = allProposals(run.results).filter((p) => p.kind === 'network_person')
    expect(people).toMatchObject([{ kind: 'network_person', name: 'mijn zus', note: 'mijn zus ziet dat ik lach', area: null, ring: null }])
    for (const w of wishes) {
      expect(w).toMatchObject({ form: 'i_want', time: 'future', source: 'assistant', alternativeTo: null })
      expect(w.domain === null || (domainIds as readonly string[]).includes(w.domain)).toBe(true)
      expect(proposalSchema.parse(w)).toEqual(w)
    }
    expect(new Set(wishes.map((w) => w.id)).size).toBe(4)
    const last = run.results.at(-1)
    expect(last?.state.status).toBe('finished')
    expect(last?.summary?.counts.wishes).toBe(4)
    expect(last?.summary?.counts.people).toBe(1)
    expect(last?.summary?.title).toMatch(/Dank je wel voor wat je deelde|Dit heb je vandaag gevonden/)
    expect(last?.summary?.lines).toContain('Je hebt 4 wensen gevonden.')
    expect(last?.summary?.proposals).toHaveLength(5)
    for (const r of run.results) expect(r.feedback.length).toBeGreaterThan(0)
  })

  it('names the person who notices in the answer to "who", in nl and en (no {name} left in the text)', () => {
    for (const [locale, answer, name, ack] of [
      ['nl', 'Mijn zus zou het merken, ze zegt dat ik weer lach.', 'Mijn zus', 'Wat fijn dat Mijn zus het ziet.'],
      ['en', 'My sister would notice, she says I laugh again.', 'My sister', 'How good that My sister notices.'],
    ] as const) {
      const run = drive('miracle', locale, ['Ik word wakker in mijn eigen huis.', 'rust', answer, 'koken'])
      expect(allProposals(run.results).filter((p) => p.kind === 'network_person')).toMatchObject([{ name, note: answer }])
      const feedback = run.results[2]?.feedback.join(' ') ?? ''
      expect(feedback).toContain(ack)
      expect(feedback).not.toMatch(/[{}]/)
    }
  })

  it('en: the same flow in English', () => {
    const run = drive('miracle', 'en', ['I wake up in my own home', 'peace and quiet', 'my sister, because I smile', 'more time with my kids'])
    expect(run.stepIds).toEqual(['miracle', 'else', 'who', 'different'])
    expect(statements(allProposals(run.results)).map((w) => w.text)).toEqual([
      'I wake up in my own home',
      'I want peace and quiet',
      'I want more time with my kids',
    ])
    expect(allProposals(run.results).filter((p) => p.kind === 'network_person')).toMatchObject([{ name: 'my sister', note: 'my sister, because I smile' }])
    expect(run.results[0]?.step?.question).toMatch(/^What else/)
    expect(run.results.at(-1)?.summary?.lines).toContain('You found 3 wishes.')
  })

  it('a sentence about someone the client named keeps its own subject, and lands in that person\'s domain', () => {
    const run = drive('miracle', 'nl', ['Ik heb een eigen huis.', 'Mijn zoon Daan komt elk weekend. Daan speelt dan in de tuin.'])
    const wishes = statements(allProposals(run.results))
    expect(wishes.map((w) => [w.text, w.domain])).toEqual([
      ['Ik heb een eigen huis.', 'housing'],
      ['Mijn zoon Daan komt elk weekend.', 'children'],
      ['Daan speelt dan in de tuin.', 'children'],
    ])
  })

  it('a skipped miracle question leads to a smaller question', () => {
    const run = drive('miracle', 'nl', [{ skip: true }, 'een rustige ochtend', { dontKnow: true }, 'ik weet het niet'])
    expect(run.stepIds).toEqual(['miracle', 'small', 'who', 'different'])
    expect(run.results.map((r) => r.outcome)).toEqual(['skipped', 'answered', 'dont_know', 'dont_know'])
    expect(run.results[0]?.feedback).toEqual(['Dat is goed. Ik stel een kleinere vraag.'])
    expect(run.results.at(-1)?.summary?.counts.wishes).toBe(1)
  })

  it('nothing found still ends warmly', () => {
    const run = drive('miracle', 'nl', ['overslaan', 'skip', { skip: true }, { dontKnow: true }])
    const summary = run.results.at(-1)?.summary
    expect(summary?.title).toBe('Dank je wel voor dit gesprek')
    expect(summary?.lines).toEqual(['Je hebt rustig nagedacht. Ook dat is een stap. Je kunt altijd later verder.'])
  })
})

describe('forms of strength', () => {
  it('walks ik ben / kan / heb / wil / weet for each picked domain, with the method\'s examples', () => {
    const run = drive(
      'strengths',
      'nl',
      [
        'eerlijk en geduldig',
        'koken',
        { skip: true },
        'een eigen huis',
        'hoe ik hulp regel',
        'Vroeger kookte ik elke dag voor mijn broers.',
        'Ik ben hard werkend',
        'goed rekenen',
        'geen idee',
        'een rijbewijs',
        'wat goede voeding is',
        { skip: true },
      ],
      { domains: ['housing', 'work'] },
    )
    expect(run.stepIds).toEqual([
      'housing.i_am',
      'housing.i_can',
      'housing.i_have',
      'housing.i_want',
      'housing.i_know',
      'housing.past',
      'work.i_am',
      'work.i_can',
      'work.i_have',
      'work.i_want',
      'work.i_know',
      'work.past',
    ])
    const found = statements(allProposals(run.results))
    expect(found.map((s) => [s.domain, s.form, s.time, s.text])).toEqual([
      ['housing', 'i_am', 'present', 'Ik ben eerlijk en geduldig'],
      ['housing', 'i_can', 'present', 'Ik kan koken'],
      ['housing', 'i_want', 'future', 'Ik wil een eigen huis'],
      ['housing', 'i_know', 'present', 'Ik weet hoe ik hulp regel'],
      // The inventory has three times: what went well before lands in the past column, as written.
      ['housing', 'i_can', 'past', 'Vroeger kookte ik elke dag voor mijn broers.'],
      ['work', 'i_am', 'present', 'Ik ben hard werkend'],
      ['work', 'i_can', 'present', 'Ik kan goed rekenen'],
      ['work', 'i_want', 'future', 'Ik wil een rijbewijs'],
      ['work', 'i_know', 'present', 'Ik weet wat goede voeding is'],
    ])
    const start = startConversation({ flow: 'strengths', locale: 'nl', context: { domains: ['housing'] } })
    expect(start.step.question).toBe('Denk aan wonen en het dagelijks leven. Hoe ben jij? Maak de zin af: Ik ben …')
    expect(start.step.hint).toBe('Bijvoorbeeld: eerlijk, zorgend, hard werkend, geduldig, mondig, behulpzaam.')
    expect(run.results[4]?.step?.question).toBe('Denk aan wonen en het dagelijks leven. Wat ging vroeger goed?')
    expect(run.results[5]?.feedback).toContain('Nu gaan we verder met werk, leren en bezig zijn.')
    const summary = run.results.at(-1)?.summary
    expect(summary?.counts).toMatchObject({ statements: 7, wishes: 2 })
    expect(summary?.lines[0]).toBe('Je hebt 7 krachten gevonden.')
  })

  it('asks for domains when none were given: by option id, by number or by label', () => {
    for (const answer of [{ choices: ['leisure'] }, '8', 'Vrije tijd']) {
      const run = drive('strengths', 'nl', [answer])
      expect(run.stepIds).toEqual(['domains', 'leisure.i_am'])
    }
    const view = startConversation({ flow: 'strengths', locale: 'en' }).step
    expect(view).toMatchObject({ id: 'domains', input: 'multi_choice', allowText: true })
    expect(view.options).toHaveLength(10)
    expect(view.options[0]).toEqual({ id: 'safety', label: 'Safety' })
  })

  it('a skipped domain choice gives one general round', () => {
    const run = drive('strengths', 'en', [{ skip: true }, 'patient', 'cook', 'a dog', 'a job', 'how to use the bus', { skip: true }])
    expect(run.stepIds).toEqual(['domains', 'general.i_am', 'general.i_can', 'general.i_have', 'general.i_want', 'general.i_know', 'general.past'])
    expect(run.step).toBeNull()
    expect(statements(allProposals(run.results)).map((s) => s.text)).toEqual([
      'I am patient',
      'I can cook',
      'I have a dog',
      'I want a job',
      'I know how to use the bus',
    ])
  })

  it('an answer that names no domain is asked again', () => {
    const run = drive('strengths', 'nl', ['xyzzy'])
    expect(run.results[0]?.outcome).toBe('reask')
    expect(run.results[0]?.step?.id).toBe('domains')
    expect(run.results[0]?.feedback).toEqual(['Kies een van de mogelijkheden. Je mag de vraag ook overslaan.'])
  })
})

describe('VIP card', () => {
  it('nl: people become network-person drafts with area, ring and support', () => {
    const run = drive('vip', 'nl', [
      'mijn zus Fatima',
      { choices: ['family'] },
      '1',
      { choices: ['emotional', 'practical'], text: 'ze luistert altijd' },
      'ja',
      'Mo',
      'vrienden',
      'wat verder weg',
      { skip: true },
      { choices: ['no'] },
    ])
    expect(run.stepIds).toEqual(['p1.name', 'p1.area', 'p1.ring', 'p1.support', 'p1.more', 'p2.name', 'p2.area', 'p2.ring', 'p2.support', 'p2.more'])
    expect(run.step).toBeNull()
    const people = allProposals(run.results)
    expect(people).toEqual([
      {
        kind: 'network_person',
        id: 'c1-1',
        name: 'mijn zus Fatima',
        area: 'family',
        ring: 1,
        support: ['practical', 'emotional'],
        note: 'ze luistert altijd',
        source: 'assistant',
      },
      { kind: 'network_person', id: 'c1-2', name: 'Mo', area: 'friends', ring: 3, support: [], note: null, source: 'assistant' },
    ])
    expect(run.results[0]?.step?.question).toBe('Waar ken je mijn zus Fatima van?')
    // Found, not yet saved: each card waits for the client to keep it, so the summary claims no more.
    expect(run.results.at(-1)?.summary?.lines).toContain('Je hebt 2 belangrijke mensen gevonden voor je kaart.')
  })

  it('en: typed answers for area, ring and support', () => {
    const run = drive('vip', 'en', ['Sam', 'my worker at the shelter', 'close', 'advice and company', 'no'])
    expect(allProposals(run.results)).toEqual([
      { kind: 'network_person', id: 'c1-1', name: 'Sam', area: 'professionals', ring: 2, support: ['advice', 'company'], note: null, source: 'assistant' },
    ])
    expect(run.results.at(-1)?.summary?.lines).toContain('You found 1 important person for your card.')
  })

  it('shows the options of each step', () => {
    const run = drive('vip', 'nl', ['Noor'])
    expect(run.step).toMatchObject({ id: 'p1.area', input: 'choice' })
    expect(run.step?.options.map((o) => o.id)).toEqual(['family', 'friends', 'school_work_club', 'professionals'])
    const ring = drive('vip', 'nl', ['Noor', { skip: true }]).step
    expect(ring?.options).toEqual([
      { id: '1', label: '1 - Heel dichtbij' },
      { id: '2', label: '2 - Dichtbij' },
      { id: '3', label: '3 - Wat verder weg' },
    ])
  })

  it('skipped details stay empty, never guessed', () => {
    const run = drive('vip', 'nl', ['Noor', { skip: true }, { dontKnow: true }, { skip: true }, 'nee'])
    expect(allProposals(run.results)).toEqual([
      { kind: 'network_person', id: 'c1-1', name: 'Noor', area: null, ring: null, support: [], note: null, source: 'assistant' },
    ])
  })

  it('an area that matches nothing is asked again; skipping the first name ends gently', () => {
    const again = drive('vip', 'nl', ['Noor', 'blabla'])
    expect(again.results[1]?.outcome).toBe('reask')
    expect(again.results[1]?.step?.id).toBe('p1.area')
    expect(again.results[1]?.state.reasks).toBe(1)
    const none = drive('vip', 'nl', [{ skip: true }])
    expect(none.step).toBeNull()
    expect(none.results[0]?.feedback).toEqual(['Dat is goed. Je kunt later altijd iemand op je kaart zetten.'])
    expect(none.results[0]?.summary?.counts.people).toBe(0)
  })
})

describe('goal', () => {
  it('nl: from a priority with a wish to a goal in the client\'s words and a first small step', () => {
    const run = drive(
      'goal',
      'nl',
      ['een huis met een tuin voor mijn kinderen', 'de woningcorporatie bellen', 'ik samen met Noor', 'maandag', 'nee'],
      { priority: { domain: 'housing', wish: 'Ik wil een eigen huis' } },
    )
    expect(run.stepIds).toEqual(['goal', 'a1.what', 'a1.who', 'a1.when', 'a1.more'])
    const start = startConversation({ flow: 'goal', locale: 'nl', context: { priority: { domain: 'housing', wish: 'Ik wil een eigen huis' } } })
    expect(start.step.question).toBe(
      'Het gaat over wonen en het dagelijks leven. Je schreef eerder: "Ik wil een eigen huis". Wat wil je hierin bereiken? Zeg het in je eigen woorden.',
    )
    const proposals = allProposals(run.results)
    expect(proposals).toEqual([
      { kind: 'goal', id: 'c1-1', domain: 'housing', text: 'Ik wil een huis met een tuin voor mijn kinderen', source: 'assistant', alternativeTo: null },
      { kind: 'action', id: 'c1-2', goalRef: 'c1-1', what: 'de woningcorporatie bellen', who: 'ik samen met Noor', when: 'maandag', source: 'assistant' },
    ])
    expect(run.results.at(-1)?.summary?.counts).toMatchObject({ goals: 1, actions: 1 })
  })

  it('en: asks for a domain first when there is no priority; more small steps', () => {
    const run = drive('goal', 'en', [{ choices: ['work'] }, 'I want a job in a kitchen', 'ask Sam about courses', 'me', 'Friday', 'yes', 'make a CV', { skip: true }, { skip: true }, 'no'])
    expect(run.stepIds).toEqual(['domain', 'goal', 'a1.what', 'a1.who', 'a1.when', 'a1.more', 'a2.what', 'a2.who', 'a2.when', 'a2.more'])
    const proposals = allProposals(run.results)
    expect(proposals.map((p) => p.kind)).toEqual(['goal', 'action', 'action'])
    expect(proposals[0]).toMatchObject({ domain: 'work', text: 'I want a job in a kitchen' })
    expect(proposals[2]).toMatchObject({ goalRef: proposals[0]?.id, what: 'make a CV', who: null, when: null })
  })

  it('a skipped goal takes the client\'s own wish as the draft; without a wish there is no goal', () => {
    const withWish = drive('goal', 'nl', [{ skip: true }], { priority: { domain: 'work', wish: 'werken in een keuken' } })
    expect(withWish.results[0]?.proposals).toMatchObject([{ kind: 'goal', text: 'Ik wil werken in een keuken', domain: 'work' }])
    const without = drive('goal', 'nl', [{ skip: true }, { skip: true }, 'even bellen', { skip: true }, { skip: true }, 'nee'])
    const proposals = allProposals(without.results)
    expect(proposals).toEqual([{ kind: 'action', id: 'c1-1', goalRef: null, what: 'even bellen', who: null, when: null, source: 'assistant' }])
  })

  it('skipping the first small step ends the flow gently', () => {
    const run = drive('goal', 'nl', ['een rijbewijs halen', { dontKnow: true }], { priority: { domain: 'work' } })
    expect(run.step).toBeNull()
    expect(run.results[1]?.feedback).toEqual(['Dat is goed. Je kunt de stap later samen met je begeleider bedenken.'])
  })
})
