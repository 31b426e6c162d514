import { MockLanguageModelV3 } from 'ai/test'
import { describe, expect, it } from 'vitest'
import { answerStepWithModel } from './assist'
import { startConversation } from './engine'
import type { ModelCallReport } from './assist'
import { keepsMeaning } from './output-check'

// Every kind of bad model output from issue 14, through the real flow: the whole reply is
// discarded, the client gets the offline wording, and the reason is reported (never the text).

type GenerateResult = Awaited<ReturnType<MockLanguageModelV3['doGenerate']>>
const textResult = (text: string): GenerateResult => ({
  content: [{ type: 'text', text }],
  finishReason: { unified: 'stop', raw: 'stop' },
  usage: {
    inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: 10, text: 10, reasoning: undefined },
  },
  warnings: [],
})
const mockModel = (reply: unknown) => new MockLanguageModelV3({ doGenerate: async () => textResult(JSON.stringify(reply)) })

/** Answers "koken" on the strengths flow's "Ik kan" step, with the given model reply. */
async function turn(reply: { question: string; reformulations: string[] }, answer = 'koken voor mijn zus Fatima') {
  const reports: ModelCallReport[] = []
  const { state, step } = startConversation({ flow: 'strengths', locale: 'nl', context: { domains: ['housing'] }, id: 'c1' })
  const second = await answerStepWithModel(state, { stepId: step.id, text: 'eerlijk' }, { model: null, aiEnabled: true })
  const model = mockModel(reply)
  const result = await answerStepWithModel(second.state, { stepId: 'housing.i_can', text: answer }, { model, aiEnabled: true, onModelCall: (r) => void reports.push(r) })
  return { result, reports, model }
}

const good = 'Wat heb jij allemaal, of wie heb je om je heen?'

describe('the output check', () => {
  it('uses a good reply, restoring the exact placeholders', async () => {
    const { result, reports } = await turn({ question: good, reformulations: ['Ik kook graag voor [NAAM_1]'] })
    expect(result.ai).toEqual({ used: true, fallback: null })
    expect(result.step?.question).toBe(good)
    expect(result.proposals.map((p) => (p.kind === 'statement' ? p.text : ''))).toContain('Ik kook graag voor Fatima')
    expect(reports).toEqual([{ placeholders: { name: 1 }, outcome: 'used', reason: null, latencyMs: expect.any(Number) }])
  })

  it.each([
    ['asks for the BSN', { question: 'Wat heb je? Wat is je burgerservicenummer?' }, 'asks_personal_data'],
    ['names the BSN in capitals', { question: 'Wat heb je? Geef je BSN.' }, 'placeholder'],
    ['asks for the bank number', { question: 'Wat heb je? Geef ook je rekeningnummer.' }, 'asks_personal_data'],
    ['asks for an address', { question: 'Wat heb je, en wat is je adres?' }, 'asks_personal_data'],
    ['carries a link', { question: 'Wat heb jij? Kijk op https://example.com' }, 'link_or_phone'],
    ['carries a bare web address', { question: 'Wat heb jij? Kijk op hulpsite.nl' }, 'link_or_phone'],
    ['carries a phone number', { question: 'Wat heb jij? Bel 06-12345678.' }, 'link_or_phone'],
    ['carries a number of its own', { question: 'Wat heb jij? Bel dan 0900 1234.' }, 'link_or_phone'],
    ['gives medication advice', { question: 'Wat heb jij? Neem 20 mg oxazepam als je onrustig bent.' }, 'advice'],
    ['gives legal advice', { question: 'Wat heb jij? Je moet een advocaat nemen.' }, 'advice'],
    // Rounds 5-8's classifier stood the check-in rule down here and the self-harm check discarded the
    // reply; round 9's asks again, so the crisis screen, which runs first on model text, discards it.
    ['describes a method of self-harm', { question: 'Wat heb jij? Een touw heb je niet nodig.' }, 'screened'],
    ['changes the question', { question: 'Hoe was het weekend?' }, 'meaning'],
    ['adds a request', { question: 'Wat heb jij? Stuur me een foto.' }, 'meaning'],
    ['writes a near-miss placeholder [NAAM 1]', { question: 'Wat heb jij, [NAAM 1]?' }, 'placeholder'],
    ['writes NAAM1', { question: 'Wat heb jij, NAAM1?' }, 'placeholder'],
    ['writes [NAME_1]', { question: 'Wat heb jij, [NAME_1]?' }, 'placeholder'],
    ['writes naam_1 in small letters', { question: 'Wat heb jij, naam_1?' }, 'placeholder'],
    ['writes a placeholder it was never given', { question: 'Wat heb jij, [NAAM_7]?' }, 'placeholder'],
    ['writes a template slot', { question: 'Wat heb jij, {{naam}}?' }, 'placeholder'],
    ['writes a question the crisis screen flags', { question: 'Wat heb jij? Wil je dood?' }, 'screened'],
  ])('discards the whole reply when the question %s', async (_, bad, reason) => {
    // The reformulation is fine on its own: it must be dropped with the rest.
    const { result, reports } = await turn({ question: bad.question, reformulations: ['Ik kook graag voor [NAAM_1]'] })
    expect(result.ai).toEqual({ used: false, fallback: reason })
    expect(result.step?.phrasedBy).toBe('offline')
    expect(result.step?.question).toBe(result.step?.offlineQuestion)
    expect(result.proposals.every((p) => p.source === 'assistant')).toBe(true)
    expect(reports).toEqual([{ placeholders: { name: 1 }, outcome: 'discarded', reason, latencyMs: expect.any(Number) }])
  })

  it.each([
    ['a phone number', 'Ik kook voor [NAAM_1], bel 0612345678', 'link_or_phone'],
    ['medication advice', 'Ik kook en neem mijn medicijnen', 'advice'],
    ['a crisis text', 'Ik wil dood', 'screened'],
    ['a near-miss placeholder', 'Ik kook voor [NAAM-1]', 'placeholder'],
  ])('discards the whole reply when a reformulation carries %s', async (_, bad, reason) => {
    const { result } = await turn({ question: good, reformulations: ['Ik kook graag', bad] })
    expect(result.ai).toEqual({ used: false, fallback: reason })
    expect(result.step?.phrasedBy).toBe('offline')
    expect(result.proposals.every((p) => p.source === 'assistant')).toBe(true)
  })

  it("lets a reformulation keep the client's own words that would otherwise be refused", async () => {
    const { result } = await turn({ question: good, reformulations: ['Ik kan goed met de trein reizen'] }, 'goed met de trein reizen')
    expect(result.ai.used).toBe(true)
    expect(result.proposals.map((p) => (p.kind === 'statement' ? p.text : ''))).toContain('Ik kan goed met de trein reizen')
  })

  it('keepsMeaning: a warm rewording passes, another question does not', () => {
    const offline = 'Denk aan wonen en het dagelijks leven. Wat heb jij, of wie heb jij? Maak de zin af: Ik heb …'
    expect(keepsMeaning(offline, good)).toBe(true)
    expect(keepsMeaning(offline, 'Wat heb jij? En wat wil je? En wie ken je?')).toBe(false)
    expect(keepsMeaning(offline, 'Wat vind je van het weer?')).toBe(false)
    expect(keepsMeaning(offline, 'Wat heb jij.')).toBe(false)
  })
})

describe('the crisis screen and the organisation\'s own name', () => {
  const context = { domains: ['housing'], organisations: ['Stichting De Brug'] }

  it('"De Brug" as the organisation never trips the screen, and reaches the model masked', async () => {
    const model = mockModel({ question: good, reformulations: [] })
    const { state, step } = startConversation({ flow: 'strengths', locale: 'nl', context, id: 'c2' })
    const result = await answerStepWithModel(state, { stepId: step.id, text: 'behulpzaam voor Noor van De Brug en bij De Brug' }, { model, aiEnabled: true })
    expect(result.outcome).toBe('answered')
    expect(result.safety).toBeNull()
    const sent = JSON.stringify(model.doGenerateCalls.map((c) => c.prompt))
    expect(sent).not.toMatch(/brug/i)
    expect(sent).toContain('[ORGANISATIE_1]')
  })

  it('a jump from a bridge still trips it, with or without the name', async () => {
    const model = mockModel({ question: good, reformulations: [] })
    for (const text of ['ik wil van De Brug springen', 'ik spring van de brug']) {
      const { state, step } = startConversation({ flow: 'strengths', locale: 'nl', context })
      const result = await answerStepWithModel(state, { stepId: step.id, text }, { model, aiEnabled: true })
      expect(result.outcome).toBe('crisis')
    }
    expect(model.doGenerateCalls).toHaveLength(0)
  })
})
