// The assistant's API tests share one way to drive a conversation, as the chat page does.
import { afterAll, beforeAll, expect } from 'vitest'
import { createTestApi, type TestApi } from '../../testing'
import type { ConversationView } from '../../services/assistant'

export type Answer = string | { text?: string; choices?: string[]; skip?: boolean; dontKnow?: boolean }

/** Filled before the file's tests run: the API, sam's session and sam's conversations path. */
export interface AssistantHarness {
  t: TestApi
  sam: string
  base: string
}

/** Opens a test API for the file (closed after it) and returns the helpers that drive it as sam. */
export function assistantTestApi() {
  const h: Partial<AssistantHarness> = {}
  const ready = (): AssistantHarness => {
    const { t, sam, base } = h
    if (!t || sam === undefined || base === undefined) throw new Error('the test API is not open yet')
    return { t, sam, base }
  }
  const harness = {
    get t() { return ready().t },
    get sam() { return ready().sam },
    set sam(cookie: string) { h.sam = cookie },
    get base() { return ready().base },
  }
  beforeAll(async () => {
    h.t = await createTestApi()
    h.sam = await h.t.signIn('sam')
    h.base = `/clients/${h.t.ids.sam}/conversations`
  })
  afterAll(() => h.t?.close())

  async function start(flow: string, extra: Record<string, unknown> = {}, cookie = harness.sam): Promise<ConversationView> {
    const response = await harness.t.json('POST', harness.base, { cookie, body: { flow, ...extra } })
    expect(response.status).toBe(201)
    return response.json()
  }

  async function answer(view: ConversationView, input: Answer, cookie = harness.sam): Promise<ConversationView> {
    const body = typeof input === 'string' ? { text: input } : input
    const step = view.step
    if (!step) throw new Error('the flow already finished')
    const response = await harness.t.json('POST', `${harness.base}/${view.conversation.id}/answers`, { cookie, body: { stepId: step.id, version: view.conversation.version, ...body } })
    if (response.status !== 200) throw new Error(`answer failed: ${response.status} ${await response.text()}`)
    return response.json()
  }

  /** Starts a flow and answers every step through the API. */
  async function drive(flow: string, answers: Answer[], extra: Record<string, unknown> = {}) {
    let view = await start(flow, extra)
    const stepIds = [view.step?.id]
    for (const a of answers) {
      view = await answer(view, a)
      if (view.step) stepIds.push(view.step.id)
    }
    return { view, stepIds }
  }

  const accept = (view: ConversationView, proposalId: string, body: Record<string, unknown> = {}) =>
    harness.t.json('POST', `${harness.base}/${view.conversation.id}/proposals/${proposalId}/accept`, { cookie: harness.sam, body })
  const drop = (view: ConversationView, proposalId: string) =>
    harness.t.json('POST', `${harness.base}/${view.conversation.id}/proposals/${proposalId}/drop`, { cookie: harness.sam, body: {} })
  const get = async (id: string): Promise<ConversationView> => (await harness.t.json('GET', `${harness.base}/${id}`, { cookie: harness.sam })).json()

  return { h: harness, start, answer, drive, accept, drop, get }
}
