import { MockLanguageModelV3 } from 'ai/test'
import { describe, expect, it } from 'vitest'
import { callModel, createModelFromEnv, DEFAULT_MODEL_TIMEOUT_MS } from './model'

describe('createModelFromEnv', () => {
  it('is null when AI help is not configured', () => {
    expect(createModelFromEnv({})).toBeNull()
    expect(createModelFromEnv({ AI_PROVIDER: 'openai', OPENAI_API_KEY: 'k' })).toBeNull()
    expect(createModelFromEnv({ AI_PROVIDER: 'openai', AI_MODEL: 'm' })).toBeNull()
    expect(createModelFromEnv({ AI_PROVIDER: 'other', AI_MODEL: 'm', OPENAI_API_KEY: 'k' })).toBeNull()
  })

  it('builds an OpenAI model, or an OpenAI-compatible one with a base URL (no network call)', () => {
    const hosted = createModelFromEnv({ AI_PROVIDER: 'openai', AI_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'k' })
    expect(hosted).toMatchObject({ modelId: 'gpt-4o-mini', specificationVersion: 'v3' })
    const local = createModelFromEnv({ AI_PROVIDER: 'OpenAI', AI_MODEL: 'llama3', OPENAI_BASE_URL: 'http://localhost:11434/v1' })
    expect(local).toMatchObject({ modelId: 'llama3', provider: 'openai.chat' })
  })
})

describe('callModel', () => {
  it('has a 6 s default time-out: a client never waits longer for a model', () => {
    expect(DEFAULT_MODEL_TIMEOUT_MS).toBe(6_000)
  })

  it('passes an abort signal and stops waiting after the time-out', async () => {
    let signal: AbortSignal | undefined
    const model = new MockLanguageModelV3({
      doGenerate: (options) => {
        signal = options.abortSignal
        return new Promise(() => undefined)
      },
    })
    const result = await callModel({ model, system: 's', prompt: 'p', timeoutMs: 30 })
    expect(result).toMatchObject({ ok: false, reason: 'timeout' })
    expect(signal?.aborted).toBe(true)
  })

  it('stops when the caller aborts', async () => {
    const controller = new AbortController()
    const model = new MockLanguageModelV3({ doGenerate: () => new Promise(() => undefined) })
    const pending = callModel({ model, system: 's', prompt: 'p', timeoutMs: 10_000, abortSignal: controller.signal })
    controller.abort()
    expect(await pending).toMatchObject({ ok: false, reason: 'timeout' })
  })
})
