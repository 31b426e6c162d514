import { createOpenAI } from '@ai-sdk/openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callModel, createModelFromEnv } from './model'
import { startStandInServer, type StandInServer } from './stand-in-server'

// The real provider code against a stand-in server that records every request: the provider is
// told to keep nothing (store: false) on both API paths, and no user or client id is ever sent.

let server: StandInServer
beforeAll(async () => {
  server = await startStandInServer()
})
afterAll(() => server.close())

describe('what the provider is told', () => {
  it('Chat Completions (any OpenAI-compatible server): store false, no user field', async () => {
    server.requests.length = 0
    server.reply = { content: JSON.stringify({ question: 'Wat merk je nog meer?', reformulations: [] }) }
    const model = createModelFromEnv({ AI_PROVIDER: 'openai', AI_MODEL: 'stand-in', OPENAI_BASE_URL: server.url })
    if (!model) throw new Error('no model')
    const result = await callModel({ model, system: 'system', prompt: 'prompt' })
    expect(result.ok).toBe(true)
    expect(server.requests).toHaveLength(1)
    const [request] = server.requests
    expect(request?.path).toBe('/v1/chat/completions')
    expect(request?.body.store).toBe(false)
    expect(request?.body).not.toHaveProperty('user')
    expect(request?.body).not.toHaveProperty('safety_identifier')
    expect(request?.body).not.toHaveProperty('metadata')
  })

  it('Responses API (the hosted default): store false, no user field', async () => {
    server.requests.length = 0
    server.reply = { content: '', status: 500 }
    // The same provider settings createModelFromEnv uses without a base URL, pointed at the stand-in.
    const model = createOpenAI({ apiKey: 'test', baseURL: server.url }).responses('stand-in')
    const result = await callModel({ model, system: 'system', prompt: 'prompt' })
    expect(result.ok).toBe(false)
    expect(server.requests[0]?.path).toBe('/v1/responses')
    expect(server.requests[0]?.body.store).toBe(false)
    expect(server.requests[0]?.body).not.toHaveProperty('user')
    expect(server.requests[0]?.body).not.toHaveProperty('safety_identifier')
  })
})
