import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createModelFromEnv } from '@kracht/assistant'
import { startStandInServer, type StandInServer } from '@kracht/assistant/testing'
import { createTestApi, type TestApi } from '../../testing'
import type { ConversationView } from '../../services/assistant'

// Issue 14, tried the way it was found: the real flows through the API with AI help on, the real
// provider code, and a stand-in model server on localhost that records every request. What a
// client typed must not arrive as typed; what the model answers is checked; every call is on record.

interface DevRow {
  id: string
  text: string
  details: Array<{ kind: string; text: string }>
}
const devSet: DevRow[] = readFileSync(new URL('../../../../../packages/assistant/eval/pii-dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as DevRow)

let t: TestApi
let server: StandInServer
let sam: string
let base: string
const good = { question: 'Wat merk je nog meer?', reformulations: [] }

beforeAll(async () => {
  t = await createTestApi()
  server = await startStandInServer()
  sam = await t.signIn('sam')
  base = `/clients/${t.ids.sam}/conversations`
  t.deps.model = createModelFromEnv({ AI_PROVIDER: 'openai', AI_MODEL: 'stand-in', OPENAI_BASE_URL: server.url })
})
afterAll(async () => {
  await server.close()
  await t.close()
})

const setAiHelp = async (enabled: boolean) => {
  const response = await t.json('PUT', `/clients/${t.ids.sam}/settings/ai-help`, { cookie: sam, body: { enabled } })
  expect(response.status).toBe(200)
}

async function start(flow = 'miracle'): Promise<ConversationView> {
  const response = await t.json('POST', base, { cookie: sam, body: { flow } })
  expect(response.status).toBe(201)
  return response.json()
}

async function answer(view: ConversationView, text: string): Promise<ConversationView> {
  const response = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: view.step?.id, text, version: view.conversation.version } })
  expect(response.status).toBe(200)
  return response.json()
}

/** The words of 4+ letters or digits in a detail ("Kerkstraat", "12345678"). */
const partsOf = (detail: string) => detail.match(/[\p{L}\p{N}]{4,}/gu) ?? []

describe('AI help off', () => {
  it('sends nothing at all, whatever the client writes', async () => {
    await setAiHelp(false)
    server.requests.length = 0
    let view = await start()
    for (const row of devSet.slice(0, 10)) {
      if (!view.step) view = await start()
      view = await answer(view, row.text)
    }
    expect(server.requests).toHaveLength(0)
  })
})

describe('AI help on: what leaves the server', () => {
  it('none of the development set\'s personal details arrives as typed', { timeout: 120_000 }, async () => {
    await setAiHelp(true)
    server.reply = { content: JSON.stringify(good) }
    // What is always sent (prompts, offline questions): its words are no leak.
    server.requests.length = 0
    const neutral = await start()
    await answer(neutral, 'rustig wakker worden')
    const baseline = new Set((server.sentText().match(/[\p{L}\p{N}]{4,}/gu) ?? []).map((w) => w.toLowerCase()))

    let view = await start()
    const leaks: string[] = []
    let calls = 0
    for (const row of devSet) {
      if (!view.step || view.outcome === 'crisis') view = await start()
      // Only this turn's requests: a word that another sentence holds is not this one's leak.
      server.requests.length = 0
      view = await answer(view, row.text)
      calls += server.requests.length
      const sent = server.sentText()
      const sentWords = new Set((sent.match(/[\p{L}\p{N}]{4,}/gu) ?? []).map((w) => w.toLowerCase()))
      for (const detail of row.details) {
        if (sent.includes(detail.text)) leaks.push(`${row.id} ${detail.kind}: ${detail.text}`)
        for (const part of partsOf(detail.text)) {
          if (sentWords.has(part.toLowerCase()) && !baseline.has(part.toLowerCase())) leaks.push(`${row.id} ${detail.kind}: ${part} in ${sent.match(new RegExp(`.{0,60}${part}.{0,20}`, 'iu'))?.[0] ?? ''}`)
        }
      }
    }
    expect(calls).toBeGreaterThan(devSet.length / 2)
    expect(leaks).toEqual([])
  })

  it('every request tells the provider to keep nothing and names no one', async () => {
    expect(server.requests.length).toBeGreaterThan(0)
    for (const request of server.requests) {
      expect(request.body.store).toBe(false)
      expect(request.body).not.toHaveProperty('user')
    }
    const sent = server.sentText()
    for (const id of Object.values(t.ids)) expect(sent).not.toContain(id)
  })
})

describe('AI help on: what comes back', () => {
  it.each([
    ['asks for the BSN', { question: 'Wat merk je nog meer? En wat is je burgerservicenummer?', reformulations: [] }, 'asks_personal_data'],
    ['asks for the bank number', { question: 'Wat merk je nog meer? Stuur je IBAN.', reformulations: [] }, 'placeholder'],
    ['carries a link', { question: 'Wat merk je nog meer? Zie www.example.com', reformulations: [] }, 'link_or_phone'],
    // Round 2's classifier asked about any text with a pill in it; round 4's does not speak alone on
    // this (a question of the assistant's own kind and an instruction), so the advice check discards it.
    ['gives medication advice', { question: 'Wat merk je nog meer? Neem een extra pil.', reformulations: [] }, 'advice'],
    ['writes [NAAM 1]', { question: 'Wat merk je nog meer, [NAAM 1]?', reformulations: [] }, 'placeholder'],
    ['writes NAAM1', { question: 'Wat merk je nog meer, NAAM1?', reformulations: [] }, 'placeholder'],
    ['writes [NAME_1]', { question: 'Wat merk je nog meer, [NAME_1]?', reformulations: [] }, 'placeholder'],
    ['fails the crisis screen in its question', { question: 'Wat merk je nog meer? Wil je dood?', reformulations: ['Ik wil rust'] }, 'screened'],
  ])('a reply that %s is discarded whole: offline wording, said on the page, on record', async (_, reply, reason) => {
    await setAiHelp(true)
    server.reply = { content: JSON.stringify(reply) }
    const view = await answer(await start(), 'rustig wakker worden')
    expect(view.step?.phrasedBy).toBe('offline')
    expect(view.step?.question).toBe(view.step?.offlineQuestion)
    expect(view.aiFallback).toBe(true)
    expect(view.proposals.every((p) => p.source === 'assistant')).toBe(true)
    const record = await (await t.json('GET', `/clients/${t.ids.sam}/ai-record`, { cookie: sam })).json()
    expect(record.disclosures[0]).toMatchObject({ conversationId: view.conversation.id, outcome: 'discarded', reason, modelId: 'openai.chat:stand-in' })
  })

  it('a good reply is used, and the page does not say it fell back', async () => {
    server.reply = { content: JSON.stringify(good) }
    const view = await answer(await start(), 'rustig wakker worden')
    expect(view.step?.question).toBe('Wat merk je nog meer?')
    expect(view.aiFallback).toBe(false)
  })

  it('waits at most 6 s, then the offline question; the time-out is logged without content', { timeout: 20_000 }, async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    server.reply = { content: JSON.stringify(good), delayMs: 9_000 }
    const view = await start()
    const started = Date.now()
    const next = await answer(view, 'ik word wakker naast mijn zus Fatima')
    expect(Date.now() - started).toBeLessThan(7_500)
    expect(next.step?.phrasedBy).toBe('offline')
    expect(next.aiFallback).toBe(true)
    const logged = warn.mock.calls.map((c) => c.join(' ')).join('\n')
    expect(logged).toContain('ai_model_call_failed')
    expect(logged).toContain('timeout')
    expect(logged).not.toContain('Fatima')
    expect(logged).not.toContain('wakker')
    warn.mockRestore()
    server.reply = { content: JSON.stringify(good) }
  })
})

describe('every disclosure on record', () => {
  it('one row per call with kinds and counts of placeholders, never the text; the on/off history is kept', async () => {
    await setAiHelp(false)
    await setAiHelp(true)
    server.reply = { content: JSON.stringify(good) }
    const view = await answer(await start(), 'mijn zus Fatima belt me op 06-12345678 als ik methadon haal')
    const response = await t.json('GET', `/clients/${t.ids.sam}/ai-record`, { cookie: sam })
    expect(response.status).toBe(200)
    const record = await response.json()
    const row = record.disclosures.find((d: { conversationId: string; placeholders: Record<string, number> }) => d.conversationId === view.conversation.id && d.placeholders.phone)
    expect(row).toMatchObject({ outcome: 'used', reason: null, placeholders: { name: 1, phone: 1, addiction: 1 } })
    expect(JSON.stringify(record)).not.toMatch(/Fatima|06-12345678|methadon/)
    expect(record.changes.slice(0, 2).map((c: { enabled: boolean }) => c.enabled)).toEqual([true, false])
  })

  it('is append-only: the application cannot change or remove a record row or a switch', async () => {
    for (const statement of ['update ai_disclosures set outcome = $$used$$', 'delete from ai_disclosures', 'truncate ai_disclosures', 'delete from ai_help_changes', 'update ai_help_changes set enabled = $$off$$']) {
      await expect(t.deps.db.execute(sql.raw(statement))).rejects.toThrow()
    }
  })

  it('the worker cannot read the client\'s AI record', async () => {
    const noor = await t.signIn('noor')
    const response = await t.json('GET', `/clients/${t.ids.sam}/ai-record`, { cookie: noor })
    expect(response.status).toBe(403)
  })
})
