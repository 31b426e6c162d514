import { describe, expect, it } from 'vitest'
import { domainIds } from '@kracht/language'
import { AssistantError, assistantErrorCodes } from './errors'
import { answerStep, currentStep, parseState, resumeConversation, startConversation } from './engine'
import { HELP_NUMBERS } from './safety'
import { allProposals, drive } from './test-helpers'
import { conversationStateSchema, proposalSchema } from './types'
import type { AssistantErrorCode } from './errors'
import type { Proposal, StepResult } from './types'

function codeOf(fn: () => unknown): AssistantErrorCode | 'no error' | 'other error' {
  try {
    fn()
    return 'no error'
  } catch (error) {
    return error instanceof AssistantError ? error.code : 'other error'
  }
}

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
      'mijn zus ziet dat ik lach',
      'Ik wil vroeg opstaan en koken',
    ])
    for (const w of wishes) {
      expect(w).toMatchObject({ form: 'i_want', time: 'future', source: 'assistant', alternativeTo: null })
      expect(w.domain === null || (domainIds as readonly string[]).includes(w.domain)).toBe(true)
      expect(proposalSchema.parse(w)).toEqual(w)
    }
    expect(new Set(wishes.map((w) => w.id)).size).toBe(5)
    const last = run.results.at(-1)
    expect(last?.state.status).toBe('finished')
    expect(last?.summary?.counts.wishes).toBe(5)
    expect(last?.summary?.title).toMatch(/gedaan/)
    expect(last?.summary?.lines).toContain('Je hebt 5 wensen gevonden.')
    expect(last?.summary?.proposals).toHaveLength(5)
    for (const r of run.results) expect(r.feedback.length).toBeGreaterThan(0)
  })

  it('en: the same flow in English', () => {
    const run = drive('miracle', 'en', ['I wake up in my own home', 'peace and quiet', 'my sister, because I smile', 'more time with my kids'])
    expect(run.stepIds).toEqual(['miracle', 'else', 'who', 'different'])
    expect(statements(allProposals(run.results)).map((w) => w.text)).toEqual([
      'I wake up in my own home',
      'I want peace and quiet',
      'my sister, because I smile',
      'I want more time with my kids',
    ])
    expect(run.results[0]?.step?.question).toMatch(/^What else/)
    expect(run.results.at(-1)?.summary?.lines).toContain('You found 4 wishes.')
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
      ['eerlijk en geduldig', 'koken', { skip: true }, 'een eigen huis', 'hoe ik hulp regel', 'Ik ben hard werkend', 'goed rekenen', 'geen idee', 'een rijbewijs', 'wat goede voeding is'],
      { domains: ['housing', 'work'] },
    )
    expect(run.stepIds).toEqual([
      'housing.i_am',
      'housing.i_can',
      'housing.i_have',
      'housing.i_want',
      'housing.i_know',
      'work.i_am',
      'work.i_can',
      'work.i_have',
      'work.i_want',
      'work.i_know',
    ])
    const found = statements(allProposals(run.results))
    expect(found.map((s) => [s.domain, s.form, s.time, s.text])).toEqual([
      ['housing', 'i_am', 'present', 'Ik ben eerlijk en geduldig'],
      ['housing', 'i_can', 'present', 'Ik kan koken'],
      ['housing', 'i_want', 'future', 'Ik wil een eigen huis'],
      ['housing', 'i_know', 'present', 'Ik weet hoe ik hulp regel'],
      ['work', 'i_am', 'present', 'Ik ben hard werkend'],
      ['work', 'i_can', 'present', 'Ik kan goed rekenen'],
      ['work', 'i_want', 'future', 'Ik wil een rijbewijs'],
      ['work', 'i_know', 'present', 'Ik weet wat goede voeding is'],
    ])
    const start = startConversation({ flow: 'strengths', locale: 'nl', context: { domains: ['housing'] } })
    expect(start.step.question).toBe('Denk aan wonen en het dagelijks leven. Hoe ben jij? Maak de zin af: Ik ben …')
    expect(start.step.hint).toBe('Bijvoorbeeld: eerlijk, zorgend, hard werkend, geduldig, mondig, behulpzaam.')
    expect(run.results[4]?.feedback).toContain('Nu gaan we verder met werk, leren en bezig zijn.')
    const summary = run.results.at(-1)?.summary
    expect(summary?.counts).toMatchObject({ statements: 6, wishes: 2 })
    expect(summary?.lines[0]).toBe('Je hebt 6 krachten gevonden.')
  })

  it('asks for domains when none were given: by option id, by number or by label', () => {
    for (const answer of [{ choices: ['leisure'] }, '8', 'Vrije tijd & recreatie']) {
      const run = drive('strengths', 'nl', [answer])
      expect(run.stepIds).toEqual(['domains', 'leisure.i_am'])
    }
    const view = startConversation({ flow: 'strengths', locale: 'en' }).step
    expect(view).toMatchObject({ id: 'domains', input: 'multi_choice', allowText: true })
    expect(view.options).toHaveLength(10)
    expect(view.options[0]).toEqual({ id: 'safety', label: 'Safety & protection from violence' })
  })

  it('a skipped domain choice gives one general round', () => {
    const run = drive('strengths', 'en', [{ skip: true }, 'patient', 'cook', 'a dog', 'a job', 'how to use the bus'])
    expect(run.stepIds).toEqual(['domains', 'general.i_am', 'general.i_can', 'general.i_have', 'general.i_want', 'general.i_know'])
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
    expect(run.results.at(-1)?.summary?.lines).toContain('Je hebt 2 belangrijke mensen op je kaart gezet.')
  })

  it('en: typed answers for area, ring and support', () => {
    const run = drive('vip', 'en', ['Sam', 'my worker at the shelter', 'close', 'advice and company', 'no'])
    expect(allProposals(run.results)).toEqual([
      { kind: 'network_person', id: 'c1-1', name: 'Sam', area: 'professionals', ring: 2, support: ['advice', 'company'], note: null, source: 'assistant' },
    ])
    expect(run.results.at(-1)?.summary?.lines).toContain('You put 1 important person on your card.')
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

describe('skip, don\'t know, empty answers', () => {
  it('an empty answer is a gentle re-ask, not an error; the state stays where it was', () => {
    const { state, step } = startConversation({ flow: 'miracle', locale: 'nl' })
    const first = answerStep(state, { stepId: step.id, text: '   ' })
    expect(first.outcome).toBe('reask')
    expect(first.step?.id).toBe('miracle')
    expect(first.feedback[0]).toMatch(/tijd/)
    const second = answerStep(first.state, { stepId: step.id, text: '' })
    expect(second.feedback[0]).not.toBe(first.feedback[0])
    const third = answerStep(second.state, { stepId: step.id })
    expect(third.outcome).toBe('reask')
    expect(third.state.reasks).toBe(3)
    const answered = answerStep(third.state, { stepId: step.id, text: 'zon' })
    expect(answered.state.reasks).toBe(0)
    expect(answered.step?.id).toBe('else')
  })

  it('explicit skip wins over text; typed "ik weet het niet" counts as don\'t know', () => {
    const { state, step } = startConversation({ flow: 'strengths', locale: 'nl', context: { domains: ['health'] } })
    const skipped = answerStep(state, { stepId: step.id, text: 'iets', skip: true })
    expect(skipped.outcome).toBe('skipped')
    expect(skipped.proposals).toEqual([])
    const dk = answerStep(state, { stepId: step.id, text: 'Ik weet het niet.' })
    expect(dk.outcome).toBe('dont_know')
    expect(dk.proposals).toEqual([])
    expect(dk.step?.id).toBe('health.i_can')
  })
})

describe('pause and resume', () => {
  it('stores as JSON, validates with the schema, and goes on days later where it stopped', () => {
    const run = drive('vip', 'nl', ['Fatima', 'familie'])
    const stored = JSON.stringify(run.state)
    const loaded = conversationStateSchema.parse(JSON.parse(stored))
    expect(parseState(loaded)).toEqual(run.state)
    const resumed = resumeConversation(loaded)
    expect(resumed.step?.id).toBe('p1.ring')
    expect(resumed.step?.question).toBe('Hoe dichtbij staat Fatima bij jou?')
    expect(resumed.intro).toEqual(['Welkom terug! We gaan verder waar je was gebleven.'])
    expect(currentStep(loaded)?.id).toBe('p1.ring')
    const inEnglish = resumeConversation(loaded, { locale: 'en' })
    expect(inEnglish.step?.question).toBe('How close is Fatima to you?')
    const next = answerStep(resumed.state, { stepId: 'p1.ring', text: '2' })
    expect(next.step?.id).toBe('p1.support')
  })

  it('a finished conversation resumes with its summary', () => {
    const run = drive('vip', 'nl', [{ skip: true }])
    const resumed = resumeConversation(JSON.parse(JSON.stringify(run.state)))
    expect(resumed.step).toBeNull()
    expect(resumed.summary?.counts.people).toBe(0)
  })
})

describe('bad input', () => {
  const started = startConversation({ flow: 'miracle', locale: 'nl' })

  it('answers over 2,000 characters are rejected with answer_too_long', () => {
    expect(codeOf(() => answerStep(started.state, { stepId: 'miracle', text: 'a'.repeat(2001) }))).toBe('answer_too_long')
    expect(codeOf(() => answerStep(started.state, { stepId: 'miracle', text: 'woord '.repeat(1700) }))).toBe('answer_too_long')
    expect(codeOf(() => answerStep(started.state, { stepId: 'miracle', text: 'a'.repeat(2000) }))).toBe('no error')
  })

  it('an answer to another step is step_mismatch', () => {
    expect(codeOf(() => answerStep(started.state, { stepId: 'different', text: 'koken' }))).toBe('step_mismatch')
  })

  it('an unknown flow is unknown_flow, when starting and in a stored state', () => {
    expect(codeOf(() => startConversation({ flow: 'tarot', locale: 'nl' }))).toBe('unknown_flow')
    expect(codeOf(() => answerStep({ ...started.state, flow: 'tarot' }, { stepId: 'miracle', text: 'x' }))).toBe('unknown_flow')
  })

  it('a broken state is invalid_state', () => {
    expect(codeOf(() => answerStep({}, { stepId: 'miracle', text: 'x' }))).toBe('invalid_state')
    expect(codeOf(() => answerStep('{"version":1}', { stepId: 'miracle', text: 'x' }))).toBe('invalid_state')
    expect(codeOf(() => answerStep({ ...started.state, stepId: 'p9.area' }, { stepId: 'p9.area', text: 'x' }))).toBe('invalid_state')
    expect(codeOf(() => answerStep({ ...started.state, flow: 'vip' }, { stepId: 'miracle', text: 'x' }))).toBe('invalid_state')
    expect(codeOf(() => answerStep({ ...started.state, version: 2 }, { stepId: 'miracle', text: 'x' }))).toBe('invalid_state')
  })

  it('a malformed answer is invalid_answer', () => {
    expect(codeOf(() => answerStep(started.state, { text: 'x' }))).toBe('invalid_answer')
    expect(codeOf(() => answerStep(started.state, { stepId: 'miracle', text: 5 }))).toBe('invalid_answer')
    expect(codeOf(() => answerStep(started.state, null))).toBe('invalid_answer')
  })

  it('bad context is invalid_context; answering a finished flow is flow_finished', () => {
    expect(codeOf(() => startConversation({ flow: 'strengths', context: { domains: ['moon'] } }))).toBe('invalid_context')
    expect(codeOf(() => startConversation({ flow: 'strengths', context: { extra: 1 } }))).toBe('invalid_context')
    const done = drive('vip', 'nl', [{ skip: true }])
    expect(codeOf(() => answerStep(done.state, { stepId: 'p1.name', text: 'x' }))).toBe('flow_finished')
  })

  it('every error is one class with a code from the closed list', () => {
    try {
      answerStep(started.state, { stepId: 'nope', text: 'x' })
    } catch (error) {
      expect(error).toBeInstanceOf(AssistantError)
      expect(assistantErrorCodes).toContain((error as AssistantError).code)
    }
  })
})

describe('safety first', () => {
  function expectHelp(result: StepResult): void {
    const tels = result.safety?.helpLines.flatMap((l) => l.numbers.map((n) => n.tel))
    expect(tels).toEqual(expect.arrayContaining(['tel:112', 'tel:113', 'tel:08000113', 'tel:08002000']))
    const displays = result.safety?.helpLines.flatMap((l) => l.numbers.map((n) => n.display))
    expect(displays).toEqual(expect.arrayContaining(['112', '113', '0800-0113', '0800-2000']))
    expect(result.safety?.helpLines.find((l) => l.id === 'suicide_prevention')?.chat).toEqual({ display: '113.nl', url: 'https://www.113.nl' })
    expect(result.safety?.offerWorkerContact).toBe(true)
    expect(result.safety?.workerQuestion).toBeTruthy()
    expect(result.safety?.workerNote).toBeTruthy()
  }

  it('the numbers are exact', () => {
    expect(HELP_NUMBERS).toEqual({
      emergency: [{ display: '112', tel: 'tel:112' }],
      suicide_prevention: [
        { display: '113', tel: 'tel:113' },
        { display: '0800-0113', tel: 'tel:08000113' },
      ],
      veilig_thuis: [{ display: '0800-2000', tel: 'tel:08002000' }],
    })
  })

  it('a crisis answer gets help at once, no drafts, the same step; help stays after "you misunderstood"', () => {
    const { state, step } = startConversation({ flow: 'miracle', locale: 'nl' })
    const crisis = answerStep(state, { stepId: step.id, text: 'Ik wil dood' })
    expect(crisis.outcome).toBe('crisis')
    expect(crisis.safety).toMatchObject({ kind: 'suicide', current: true })
    expect(crisis.safety?.helpLines[0]?.id).toBe('suicide_prevention')
    expectHelp(crisis)
    expect(crisis.proposals).toEqual([])
    expect(crisis.step?.id).toBe('miracle')
    expect(JSON.stringify(crisis.state)).not.toContain('Ik wil dood')

    const clarified = answerStep(crisis.state, { stepId: 'miracle', text: 'Nee je begrijpt me verkeerd, grapje' })
    expect(clarified.outcome).toBe('clarified')
    expect(clarified.proposals).toEqual([])
    expect(clarified.safety).toMatchObject({ kind: 'suicide', current: false })
    expectHelp(clarified)
    expect(clarified.step?.id).toBe('miracle')

    const later = answerStep(clarified.state, { stepId: 'miracle', text: 'de zon schijnt' })
    expect(later.outcome).toBe('answered')
    expect(later.safety).toMatchObject({ current: false })
    expectHelp(later)

    const again = answerStep(later.state, { stepId: 'else', text: 'ik wil niet meer leven' })
    expect(again.outcome).toBe('crisis')
    expect(again.safety?.current).toBe(true)
    expect(again.state.safety?.count).toBe(2)
  })

  it('violence: 112 and Veilig Thuis first', () => {
    const { state, step } = startConversation({ flow: 'vip', locale: 'nl' })
    const result = answerStep(state, { stepId: step.id, text: 'mijn vriend slaat me' })
    expect(result.outcome).toBe('crisis')
    expect(result.safety?.kind).toBe('violence')
    expect(result.safety?.helpLines.map((l) => l.id)).toEqual(['emergency', 'veilig_thuis', 'suicide_prevention'])
    expectHelp(result)
  })

  it('English crisis words are caught in a Dutch conversation', () => {
    const { state, step } = startConversation({ flow: 'miracle', locale: 'nl' })
    expect(answerStep(state, { stepId: step.id, text: 'I want to kill myself' }).outcome).toBe('crisis')
  })

  it('the screen runs before every other check', () => {
    const { state } = startConversation({ flow: 'miracle', locale: 'nl' })
    // Wrong step, or far too long: still help, not an error.
    expect(answerStep(state, { stepId: 'different', text: 'ik wil dood' }).safety?.current).toBe(true)
    expect(answerStep(state, { stepId: 'miracle', text: `ik wil dood ${'x'.repeat(10_000)}` }).outcome).toBe('crisis')
    // A malformed answer: the error carries the help.
    try {
      answerStep(state, { stepId: 'miracle', text: 'ik wil dood', choices: 'x' })
      expect.unreachable()
    } catch (error) {
      expect(AssistantError.is(error, 'invalid_answer')).toBe(true)
      expect((error as AssistantError).safety?.current).toBe(true)
    }
    // A state that cannot be read: the error carries the help.
    try {
      answerStep({}, { stepId: 'miracle', text: 'ik wil dood' })
      expect.unreachable()
    } catch (error) {
      expect(AssistantError.is(error, 'invalid_state')).toBe(true)
      expect((error as AssistantError).safety?.kind).toBe('suicide')
    }
  })

  it('help stays on errors after a crisis, too', () => {
    const { state, step } = startConversation({ flow: 'miracle', locale: 'nl' })
    const crisis = answerStep(state, { stepId: step.id, text: 'ik wil dood' })
    try {
      answerStep(crisis.state, { stepId: 'different', text: 'koken' })
      expect.unreachable()
    } catch (error) {
      expect((error as AssistantError).safety?.current).toBe(false)
    }
  })
})
