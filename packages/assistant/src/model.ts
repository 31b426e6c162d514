import { createOpenAI } from '@ai-sdk/openai'
import { NoObjectGeneratedError, Output, generateText } from 'ai'
import type { LanguageModel } from 'ai'
import { z } from 'zod'

/** A model object (never a bare model id string, which would route to a hosted gateway). */
export type AssistantModel = Exclude<LanguageModel, string>

/** A client waits at most this long for a model before the offline wording is used. */
export const DEFAULT_MODEL_TIMEOUT_MS = 6_000

/** What the model must answer: the next question, phrased warmly, and positive ik-sentences. */
export const modelOutputSchema = z.object({
  question: z.string().max(1000),
  reformulations: z.array(z.string().max(1000)).max(10),
})
export type ModelOutput = z.infer<typeof modelOutputSchema>

export type ModelFailure = 'timeout' | 'error' | 'invalid_output'
export type ModelCallResult = { ok: true; output: ModelOutput } | { ok: false; reason: ModelFailure; error: unknown }

export interface ModelCall {
  model: AssistantModel
  system: string
  prompt: string
  /** Default 6 s. */
  timeoutMs?: number
  /** Cancels the call too, e.g. when the client leaves the page. */
  abortSignal?: AbortSignal
}

/** Sent with every call: see `callModel`. */
export const MODEL_PROVIDER_OPTIONS = { openai: { store: false } } as const

class ModelTimeout extends Error {
  override readonly name = 'ModelTimeout'
}

/**
 * Calls the model with structured output checked by `modelOutputSchema`. Never throws: every
 * failure (error, time-out, bad JSON, schema mismatch) comes back as `{ ok: false, reason }`,
 * so the caller can fall back to the offline step.
 */
export async function callModel(call: ModelCall): Promise<ModelCallResult> {
  const timeoutMs = call.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS
  const controller = new AbortController()
  const signal = call.abortSignal ? AbortSignal.any([controller.signal, call.abortSignal]) : controller.signal
  let timer: ReturnType<typeof setTimeout> | undefined
  // Resolves (never rejects) when the time is up or the caller aborts, even if the model ignores the signal.
  const stopped = new Promise<'stopped'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new ModelTimeout(`model took longer than ${timeoutMs} ms`))
      resolve('stopped')
    }, timeoutMs)
    if (signal.aborted) resolve('stopped')
    else signal.addEventListener('abort', () => resolve('stopped'), { once: true })
  })
  try {
    const generation = generateText({
      model: call.model,
      system: call.system,
      prompt: call.prompt,
      output: Output.object({ schema: modelOutputSchema, name: 'assistant_turn' }),
      abortSignal: signal,
      maxRetries: 0,
      temperature: 0.3,
      // The provider keeps nothing: no stored completion or response (both the Chat Completions
      // and the Responses path read this), and no user or client id is ever sent.
      providerOptions: MODEL_PROVIDER_OPTIONS,
    }).then((result) => ({ output: result.output }))
    // A late rejection after a time-out must not become an unhandled rejection.
    generation.catch(() => undefined)
    const winner = await Promise.race([generation, stopped])
    if (winner === 'stopped') return { ok: false, reason: 'timeout', error: signal.reason }
    const checked = modelOutputSchema.safeParse(winner.output)
    if (!checked.success) return { ok: false, reason: 'invalid_output', error: checked.error }
    return { ok: true, output: checked.data }
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: 'timeout', error }
    if (NoObjectGeneratedError.isInstance(error)) return { ok: false, reason: 'invalid_output', error }
    return { ok: false, reason: 'error', error }
  } finally {
    clearTimeout(timer)
  }
}

export type Env = Record<string, string | undefined>

/**
 * The model from the environment, or null when AI help is not configured:
 * `AI_PROVIDER=openai`, `AI_MODEL`, and `OPENAI_API_KEY` (optional when `OPENAI_BASE_URL`
 * points to an OpenAI-compatible server, e.g. a local one; such servers get the Chat
 * Completions API, which they all speak).
 */
export function createModelFromEnv(env: Env = process.env): AssistantModel | null {
  const provider = env.AI_PROVIDER?.trim().toLowerCase()
  const modelId = env.AI_MODEL?.trim()
  const apiKey = env.OPENAI_API_KEY?.trim()
  const baseURL = env.OPENAI_BASE_URL?.trim()
  if (provider !== 'openai' || !modelId) return null
  if (!apiKey && !baseURL) return null
  const openai = createOpenAI({ apiKey: apiKey || 'not-needed', ...(baseURL ? { baseURL } : {}) })
  return baseURL ? openai.chat(modelId) : openai(modelId)
}
