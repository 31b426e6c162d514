// The engine's turn rules: skips, resume, bad input, and the crisis screen before anything else.
import { describe, expect, it } from 'vitest'
import { AssistantError, assistantErrorCodes } from './errors'
import { answerStep, currentStep, parseState, resumeConversation, startConversation } from './engine'
import { HELP_NUMBERS } from './safety'
import { drive } from './test-helpers'
import { conversationStateSchema } from './types'
import type { AssistantErrorCode } from './errors'
import type { StepResult } from './types'

function codeOf(fn: () => unknown): AssistantErrorCode | 'no error' | 'other error' {
  try {
    fn()
    return 'no error'
  } catch (error) {
    return error instanceof AssistantError ? error.code : 'other error'
  }
}
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
