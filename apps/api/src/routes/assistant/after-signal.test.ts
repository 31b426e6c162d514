import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../../testing'
import type { ConversationView } from '../../services/assistant'

/**
 * Issue 13, item 6, through the API as the chat page uses it: after a signal, "no, you
 * misunderstood" keeps the help lines for the rest of the conversation and the next risky message
 * is screened again; before choosing to tell the worker, the client reads in plain words what the
 * worker may have to do (the meldcode); the worker's notice never carries the client's words.
 */
let t: TestApi
let sam: string
let base: string
beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  base = `/clients/${t.ids.sam}/conversations`
})
afterAll(() => t.close())

async function answer(view: ConversationView, text: string): Promise<ConversationView> {
  const response = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: view.step?.id, version: view.conversation.version, text } })
  expect(response.status).toBe(200)
  return response.json()
}
const tels = (view: ConversationView) => view.safety?.helpLines.flatMap((line) => line.numbers.map((n) => n.tel)) ?? []

describe('after a signal', () => {
  it('"you misunderstood" keeps the help lines for the rest of the conversation, and the next risky message is screened again', async () => {
    const started = (await (await t.json('POST', base, { cookie: sam, body: { flow: 'miracle' } })).json()) as ConversationView
    const crisis = await answer(started, 'soms wil ik gewoon niet meer wakker worden')
    expect(crisis.safety).toMatchObject({ current: true })
    expect(tels(crisis)).toEqual(expect.arrayContaining(['tel:113', 'tel:08000113', 'tel:112']))

    const clarified = await answer(crisis, 'nee je begrijpt me verkeerd, ik bedoelde dat ik moe ben')
    expect(clarified.outcome).toBe('clarified')
    expect(clarified.proposals).toEqual([])
    expect(clarified.safety).toMatchObject({ current: false })
    expect(tels(clarified)).toEqual(tels(crisis))

    const calm = await answer(clarified, 'ik drink koffie op het balkon')
    expect(calm.outcome).toBe('answered')
    expect(tels(calm)).toEqual(tels(crisis))
    // A fresh view of the conversation (a reload, another tab) still has them.
    const reloaded = (await (await t.json('GET', `${base}/${started.conversation.id}`, { cookie: sam })).json()) as ConversationView
    expect(tels(reloaded)).toEqual(tels(crisis))

    const again = await answer(calm, 'ik heb de pillen al klaarliggen')
    expect(again.outcome).toBe('crisis')
    expect(again.safety).toMatchObject({ current: true })
  })

  it('before the choice the client reads, in plain words, what the worker may have to do; the notice never holds the words', async () => {
    const started = (await (await t.json('POST', base, { cookie: sam, body: { flow: 'miracle' } })).json()) as ConversationView
    const crisis = await answer(started, 'mijn vriend slaat me als hij gedronken heeft')
    expect(crisis.safetyEvent).toMatchObject({ clientChoice: null })
    const note = crisis.safety?.workerNote ?? ''
    expect(note).toMatch(/meldcode/)
    expect(note).toMatch(/Veilig Thuis/)
    expect(note).toMatch(/Jij kiest/)
    // Plain words: short sentences.
    for (const sentence of note.split(/(?<=[.!?])\s+/)) expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(16)
    expect(crisis.safety?.workerQuestion).toBeTruthy()

    const noor = await t.signIn('noor')
    const yes = await t.json('POST', `${base}/${started.conversation.id}/safety`, { cookie: sam, body: { notifyWorker: true } })
    expect(yes.status).toBe(200)
    const notices = await (await t.json('GET', '/notifications', { cookie: noor })).json()
    expect(notices[0]).toMatchObject({ kind: 'safety_contact', clientId: t.ids.sam })
    expect(JSON.stringify(notices)).not.toMatch(/slaat|gedronken|vriend/)
  })
})
