import { MockLanguageModelV3 } from 'ai/test'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { conversations, statements } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'
import type { ConversationView } from '../../services/assistant'

// The model path through the API, with the AI SDK's mock model injected into Deps (as the server
// injects createModelFromEnv's model). Never a network call.

type GenerateResult = Awaited<ReturnType<MockLanguageModelV3['doGenerate']>>
type GenerateOptions = Parameters<MockLanguageModelV3['doGenerate']>[0]

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

const reply = (value: unknown) => new MockLanguageModelV3({ doGenerate: async () => textResult(typeof value === 'string' ? value : JSON.stringify(value)) })

/** Everything a mock was sent, as one string. */
const sent = (model: MockLanguageModelV3) => JSON.stringify(model.doGenerateCalls.map((c) => c.prompt))

let t: TestApi
let sam: string
let base: string
beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  base = `/clients/${t.ids.sam}/conversations`
})
afterAll(() => t.close())
beforeEach(() => {
  t.deps.model = null
})

const setAiHelp = (enabled: boolean) => t.json('PUT', `/clients/${t.ids.sam}/settings/ai-help`, { cookie: sam, body: { enabled } })

async function start(flow: string, extra: Record<string, unknown> = {}): Promise<ConversationView> {
  const response = await t.json('POST', base, { cookie: sam, body: { flow, ...extra } })
  expect(response.status).toBe(201)
  return response.json()
}

async function answer(view: ConversationView, body: Record<string, unknown>): Promise<ConversationView> {
  const response = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: view.step?.id, ...body } })
  expect(response.status).toBe(200)
  return response.json()
}

describe('the model path through the API', () => {
  it('is never used while the client has AI help off (the default)', async () => {
    const model = reply({ question: 'Hoe gaat het?', reformulations: ['Ik ben eerlijk tegen iedereen'] })
    t.deps.model = model
    await setAiHelp(false)
    expect((await (await t.json('GET', `/clients/${t.ids.sam}/settings/ai-help`, { cookie: sam })).json()).available).toBe(true)
    const view = await start('strengths', { context: { domains: ['housing'] } })
    const turn = await answer(view, { text: 'eerlijk' })
    expect(model.doGenerateCalls).toHaveLength(0)
    expect(turn.step?.phrasedBy).toBe('offline')
    expect(turn.proposals.every((p) => p.source === 'assistant')).toBe(true)
  })

  it('with AI help on: the model phrases the question and proposes alternatives, kept only on acceptance', async () => {
    await setAiHelp(true)
    const view = await start('strengths', { context: { domains: ['housing'] } })
    const model = reply({ question: 'Wat kun jij goed, thuis of in huis?', reformulations: ['Ik ben eerlijk tegen iedereen die ik ken'] })
    t.deps.model = model
    const turn = await answer(view, { text: 'eerlijk tegen iedereen' })
    expect(model.doGenerateCalls).toHaveLength(1)
    expect(turn.step).toMatchObject({ id: 'housing.i_can', phrasedBy: 'model', question: 'Wat kun jij goed, thuis of in huis?' })
    const [own, suggestion] = turn.proposals
    expect(own).toMatchObject({ source: 'assistant', text: 'Ik ben eerlijk tegen iedereen', status: 'proposed' })
    expect(suggestion).toMatchObject({ source: 'assistant_suggestion', alternativeTo: own?.id, text: 'Ik ben eerlijk tegen iedereen die ik ken', status: 'proposed' })
    const [row] = await t.deps.db.select().from(conversations).where(eq(conversations.id, view.conversation.id))
    expect(row?.lastAi).toEqual({ used: true, fallback: null })

    const kept = await (await t.json('POST', `${base}/${view.conversation.id}/proposals/${suggestion?.id}/accept`, { cookie: sam, body: {} })).json()
    const [statement] = await t.deps.db.select().from(statements).where(eq(statements.id, kept.saved.id))
    // A model's rewording, kept: the provenance says the words were reworded by AI.
    expect(statement).toMatchObject({ text: 'Ik ben eerlijk tegen iedereen die ik ken', provenance: 'client_accepted_ai' })
  })

  it.each([
    ['invalid JSON', () => reply('dit is geen json'), 'invalid_output'],
    ['output that fails the schema', () => reply({ question: 5, reformulations: 'nee' }), 'invalid_output'],
    ['an error from the model', () => new MockLanguageModelV3({ doGenerate: async () => Promise.reject(new Error('503')) }), 'error'],
  ] as const)('falls back to the offline step after %s; the conversation goes on', async (_label, make, reason) => {
    await setAiHelp(true)
    const view = await start('strengths', { context: { domains: ['work'] } })
    const model = make()
    t.deps.model = model
    const turn = await answer(view, { text: 'geduldig' })
    expect(model.doGenerateCalls).toHaveLength(1)
    expect(turn.step).toMatchObject({ id: 'work.i_can', phrasedBy: 'offline' })
    expect(turn.step?.question).toBe(turn.step?.offlineQuestion)
    expect(turn.proposals).toMatchObject([{ text: 'Ik ben geduldig', source: 'assistant' }])
    const [row] = await t.deps.db.select().from(conversations).where(eq(conversations.id, view.conversation.id))
    expect(row?.lastAi).toEqual({ used: false, fallback: reason })
    // And the next turn works as ever.
    expect((await answer(turn, { text: 'goed plannen' })).step?.id).toBe('work.i_have')
  })

  it('sends no personal data to the model, only placeholders, and puts the names back in the answer', async () => {
    await setAiHelp(true)
    const view = await start('miracle')
    // The mock echoes the name placeholder it was given, as a real model would.
    const model = new MockLanguageModelV3({
      doGenerate: async (options: GenerateOptions) => {
        const name = /\[NAAM_\d+\]/.exec(JSON.stringify(options.prompt))?.[0] ?? 'niemand'
        return textResult(JSON.stringify({ question: 'Wat zou je nog meer merken?', reformulations: [`Ik wil koffie drinken met ${name}`] }))
      },
    })
    t.deps.model = model
    const text =
      'Sam wordt wakker en mijn zus Fatima belt mij op 06-12345678, ze mailt fatima.el@example.nl, ik woon op de Kerkstraat 12, 3511 AB Utrecht, BSN 111222333, geboren 12-03-1990'
    const turn = await answer(view, { text })
    expect(model.doGenerateCalls).toHaveLength(1)
    const prompt = sent(model)
    for (const secret of ['Fatima', '06-12345678', 'fatima.el@example.nl', 'Kerkstraat 12', '3511 AB', '111222333', '12-03-1990', 'Sam wordt']) {
      expect(prompt, secret).not.toContain(secret)
    }
    expect(prompt).toMatch(/\[NAAM_\d+\]/)
    const suggestion = turn.proposals.find((p) => p.source === 'assistant_suggestion')
    expect(suggestion && 'text' in suggestion ? suggestion.text : '').toMatch(/^Ik wil koffie drinken met (Sam|Fatima|mijn zus Fatima)$/)
  })

  it('runs the crisis screen first: the model is not called, help is shown', async () => {
    await setAiHelp(true)
    const view = await start('miracle')
    const model = reply({ question: 'x', reformulations: ['y'] })
    t.deps.model = model
    const turn = await answer(view, { text: 'ik wil er niet meer zijn, ik wil dood' })
    expect(model.doGenerateCalls).toHaveLength(0)
    expect(turn.outcome).toBe('crisis')
    expect(turn.safety).toMatchObject({ current: true })
    const [row] = await t.deps.db.select().from(conversations).where(eq(conversations.id, view.conversation.id))
    expect(row?.lastAi).toEqual({ used: false, fallback: 'crisis' })
  })

  it('phrases the first question too, and falls back there as well', async () => {
    await setAiHelp(true)
    t.deps.model = reply({ question: 'Stel je voor: je wordt morgen wakker en alles is anders. Wat merk je als eerste?', reformulations: [] })
    expect((await start('miracle')).step).toMatchObject({ id: 'miracle', phrasedBy: 'model' })
    t.deps.model = reply('kapot')
    expect((await start('miracle')).step).toMatchObject({ id: 'miracle', phrasedBy: 'offline' })
    await setAiHelp(false)
  })
})
