import { MockLanguageModelV3 } from 'ai/test'
import { describe, expect, it } from 'vitest'
import { answerStepWithModel, startConversationWithModel } from './assist'
import { startConversation } from './engine'
import { AssistantError } from './errors'
import { drive } from './test-helpers'
import type { StepResult, StepView } from './types'

type DoGenerate = MockLanguageModelV3['doGenerate']
type GenerateResult = Awaited<ReturnType<DoGenerate>>

function textResult(text: string): GenerateResult {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: {
      inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: 10, text: 10, reasoning: undefined },
    },
    warnings: [],
  }
}

function mockModel(reply: unknown): MockLanguageModelV3 {
  return new MockLanguageModelV3({ doGenerate: async () => textResult(typeof reply === 'string' ? reply : JSON.stringify(reply)) })
}

/** Everything the mock was sent, as one string. */
function sent(model: MockLanguageModelV3): string {
  return JSON.stringify(model.doGenerateCalls.map((c) => c.prompt))
}

function strengthsAt(locale: 'nl' | 'en' = 'nl') {
  return startConversation({ flow: 'strengths', locale, context: { domains: ['housing'] }, id: 'c1' })
}

describe('with a model', () => {
  it('phrases the next question and adds positive ik-sentences as alternatives to the client\'s own draft', async () => {
    const model = mockModel({ question: 'Wat heb jij allemaal, of wie heb je om je heen?', reformulations: ['Ik kan lekker koken voor anderen', 'Ik kan koken'] })
    const { state, step } = strengthsAt()
    const second = await answerStepWithModel(state, { stepId: step.id, text: 'eerlijk' }, { model: null, aiEnabled: true })
    const result = await answerStepWithModel(second.state, { stepId: 'housing.i_can', text: 'koken voor anderen' }, { model, aiEnabled: true })
    expect(result.ai).toEqual({ used: true, fallback: null })
    expect(result.step).toMatchObject({
      id: 'housing.i_have',
      question: 'Wat heb jij allemaal, of wie heb je om je heen?',
      phrasedBy: 'model',
      offlineQuestion: 'Denk aan wonen en het dagelijks leven. Wat heb jij, of wie heb jij? Maak de zin af: Ik heb …',
    })
    const [own, ...suggestions] = result.proposals
    expect(own).toMatchObject({ kind: 'statement', text: 'Ik kan koken voor anderen', source: 'assistant' })
    expect(suggestions).toEqual([
      { ...own, id: expect.any(String), text: 'Ik kan lekker koken voor anderen', source: 'assistant_suggestion', alternativeTo: own?.id },
      { ...own, id: expect.any(String), text: 'Ik kan koken', source: 'assistant_suggestion', alternativeTo: own?.id },
    ])
    const ids = result.proposals.map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(result.state.seq).toBe(4)
    expect(model.doGenerateCalls).toHaveLength(1)
    expect(result.state.proposals.map((p) => p.source)).toEqual(['assistant', 'assistant'])
    // The system prompt and the turn prompt came from the prompt files.
    expect(sent(model)).toContain('Kracht')
    expect(sent(model)).toContain('koken voor anderen')
    expect(sent(model)).toContain('Ik kan')
  })

  it('never calls the model when the client did not turn AI help on', async () => {
    const model = mockModel({ question: 'x', reformulations: [] })
    const { state, step } = strengthsAt()
    const result = await answerStepWithModel(state, { stepId: step.id, text: 'eerlijk' }, { model, aiEnabled: false })
    expect(model.doGenerateCalls).toHaveLength(0)
    expect(result.ai).toEqual({ used: false, fallback: 'disabled' })
    expect(result.step?.phrasedBy).toBe('offline')
  })

  it('never sends a crisis answer to the model', async () => {
    const model = mockModel({ question: 'x', reformulations: ['y'] })
    const { state, step } = startConversation({ flow: 'miracle', locale: 'nl' })
    const result = await answerStepWithModel(state, { stepId: step.id, text: 'ik wil dood' }, { model, aiEnabled: true })
    expect(model.doGenerateCalls).toHaveLength(0)
    expect(result.outcome).toBe('crisis')
    expect(result.safety?.current).toBe(true)
    expect(result.ai).toEqual({ used: false, fallback: 'crisis' })
  })

  it.each([
    ['invalid JSON', () => mockModel('dit is geen json'), 'invalid_output'],
    ['a schema failure', () => mockModel({ question: 5, reformulations: 'nee' }), 'invalid_output'],
    ['a thrown error', () => new MockLanguageModelV3({ doGenerate: async () => Promise.reject(new Error('503 from the server')) }), 'error'],
    ['a model that never answers', () => new MockLanguageModelV3({ doGenerate: () => new Promise<GenerateResult>(() => undefined) }), 'timeout'],
  ] as const)('falls back to the offline step after %s', async (_, make, reason) => {
    const model = make()
    const { state, step } = strengthsAt()
    const started = Date.now()
    const result = await answerStepWithModel(state, { stepId: step.id, text: 'eerlijk' }, { model, aiEnabled: true, timeoutMs: 80 })
    expect(Date.now() - started).toBeLessThan(2000)
    expect(result.ai).toEqual({ used: false, fallback: reason })
    expect(result.step).toMatchObject({ id: 'housing.i_can', phrasedBy: 'offline' })
    expect(result.step?.question).toBe(result.step?.offlineQuestion)
    expect(result.proposals).toMatchObject([{ text: 'Ik ben eerlijk', source: 'assistant' }])
    expect(model.doGenerateCalls).toHaveLength(1)
  })

  it('drops model text the crisis screen flags', async () => {
    const model = mockModel({ question: 'Wil je dood?', reformulations: ['Ik wil dood', 'Ik ben eerlijk tegen iedereen'] })
    const { state, step } = strengthsAt()
    const result = await answerStepWithModel(state, { stepId: step.id, text: 'eerlijk tegen iedereen' }, { model, aiEnabled: true })
    expect(result.step?.phrasedBy).toBe('offline')
    expect(result.proposals.map((p) => (p.kind === 'statement' ? p.text : ''))).toEqual(['Ik ben eerlijk tegen iedereen'])
    expect(result.ai.fallback).toBe('screened')
    expect(result.safety).toBeNull()
  })

  it('drops reformulations that repeat the client or use "niet", keeps the rest', async () => {
    const model = mockModel({ question: '', reformulations: ['ik kan KOKEN', 'Ik kan niet stilzitten', 'Ik kan heerlijk koken'] })
    const { state, step } = strengthsAt()
    const second = await answerStepWithModel(state, { stepId: step.id, text: 'eerlijk' }, { model: null, aiEnabled: true })
    const result = await answerStepWithModel(second.state, { stepId: 'housing.i_can', text: 'koken' }, { model, aiEnabled: true })
    expect(result.proposals.map((p) => (p.kind === 'statement' ? p.text : ''))).toEqual(['Ik kan koken', 'Ik kan heerlijk koken'])
    expect(result.step?.phrasedBy).toBe('offline')
  })

  it('discards the whole reply when one reformulation invents a placeholder', async () => {
    const model = mockModel({ question: 'Wat heb jij nog meer?', reformulations: ['Ik kan heerlijk koken', 'Ik kook voor [NAAM_4]'] })
    const { state, step } = strengthsAt()
    const second = await answerStepWithModel(state, { stepId: step.id, text: 'eerlijk' }, { model: null, aiEnabled: true })
    const result = await answerStepWithModel(second.state, { stepId: 'housing.i_can', text: 'koken' }, { model, aiEnabled: true })
    expect(result.proposals.map((p) => (p.kind === 'statement' ? p.text : ''))).toEqual(['Ik kan koken'])
    expect(result.step?.phrasedBy).toBe('offline')
    expect(result.ai).toEqual({ used: false, fallback: 'placeholder' })
  })

  it('sends no personal data: names, phone, e-mail, address, postcode, BSN, birth date become placeholders, restored in the answer', async () => {
    const model = mockModel({ question: 'Wat merk je nog meer, [NAAM_2]?', reformulations: ['Ik wil dat [NAAM_1] mij belt op [TELEFOON_1]'] })
    const { state, step } = startConversation({ flow: 'miracle', locale: 'nl', context: { clientName: 'Noor Bakker' }, id: 'c1' })
    const answer =
      'Mijn zus Fatima belt me op 06-12345678 en mailt naar noor@voorbeeld.nl. Ik woon op de Kerkstraat 12, 1234 AB. BSN 111222333, geboren 12-03-1990. Noor Bakker is blij.'
    const result = await answerStepWithModel(state, { stepId: step.id, text: answer }, { model, aiEnabled: true })
    const prompt = sent(model)
    for (const secret of ['Fatima', '06-12345678', 'noor@voorbeeld.nl', 'Kerkstraat', '1234 AB', '111222333', '12-03-1990', 'Noor', 'Bakker']) {
      expect(prompt).not.toContain(secret)
    }
    expect(prompt).toContain('Mijn zus [NAAM_1] belt me op [TELEFOON_1] en mailt naar [EMAIL_1].')
    expect(prompt).toContain('[NAAM_2] is blij.')
    for (const placeholder of ['[NAAM_1]', '[NAAM_2]', '[TELEFOON_1]', '[EMAIL_1]', '[ADRES_1]', '[POSTCODE_1]', '[BSN_1]', '[DATUM_1]']) {
      expect(prompt).toContain(placeholder)
    }
    expect(result.step?.question).toBe('Wat merk je nog meer, Noor Bakker?')
    expect(result.proposals.at(-1)).toMatchObject({ text: 'Ik wil dat Fatima mij belt op 06-12345678', source: 'assistant_suggestion' })
    // The client's own drafts keep their words, untouched.
    expect(result.proposals[0]).toMatchObject({ text: 'Mijn zus Fatima belt me op 06-12345678 en mailt naar noor@voorbeeld.nl.', source: 'assistant' })
  })

  it('keeps VIP names out of the prompt when the next question names the person', async () => {
    const model = mockModel({ question: 'Waar ken je [NAAM_1] van?', reformulations: [] })
    const { state, step } = startConversation({ flow: 'vip', locale: 'nl' })
    const result = await answerStepWithModel(state, { stepId: step.id, text: 'Yusuf' }, { model, aiEnabled: true })
    expect(sent(model)).not.toContain('Yusuf')
    expect(result.step?.question).toBe('Waar ken je Yusuf van?')
    expect(result.step?.options).toHaveLength(4)
  })

  it('phrases the first question of a new conversation; offline when the model fails', async () => {
    const model = mockModel({ question: 'Stel je voor dat er vannacht een wonder gebeurt. Wat merk je als eerste?', reformulations: ['genegeerd'] })
    const started = await startConversationWithModel({ flow: 'miracle', locale: 'nl', model, aiEnabled: true })
    expect(started.step.phrasedBy).toBe('model')
    expect(started.step.question).toMatch(/wonder/)
    expect(started.ai.used).toBe(true)
    const failing = new MockLanguageModelV3({ doGenerate: async () => Promise.reject(new Error('down')) })
    const offline = await startConversationWithModel({ flow: 'miracle', locale: 'en', model: failing, aiEnabled: true })
    expect(offline.step.phrasedBy).toBe('offline')
    expect(offline.step.question).toMatch(/^Imagine/)
    expect(offline.ai).toEqual({ used: false, fallback: 'error' })
  })

  it('typed errors stay errors (they are not model failures)', async () => {
    const model = mockModel({ question: 'x', reformulations: [] })
    const { state } = strengthsAt()
    await expect(answerStepWithModel(state, { stepId: 'wrong', text: 'x' }, { model, aiEnabled: true })).rejects.toBeInstanceOf(AssistantError)
    expect(model.doGenerateCalls).toHaveLength(0)
  })

  it('drives a whole flow with a model, in English', async () => {
    const model = mockModel({ question: 'Lovely. And what else do you notice?', reformulations: ['I want a calm morning'] })
    const started = startConversation({ flow: 'miracle', locale: 'en' })
    let state = started.state
    let step: StepView | null = started.step
    let result: StepResult | null = null
    for (const text of ['a calm morning', 'birds', 'my friend', 'walk outside']) {
      if (!step) break
      result = await answerStepWithModel(state, { stepId: step.id, text }, { model, aiEnabled: true })
      state = result.state
      step = result.step
    }
    expect(step).toBeNull()
    // "my friend" answers who notices first: a person for the network map, not a wish.
    expect(result?.summary?.counts.wishes).toBe(3)
    expect(result?.summary?.counts.people).toBe(1)
  })
})

it('drive helper works with model results stored as JSON', () => {
  expect(drive('miracle', 'nl', ['zon']).stepIds).toEqual(['miracle', 'else'])
})
