import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { goalActions, goals, networkPeople } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'
import type { ConversationView } from '../../services/assistant'

/**
 * Issue 13, item 3: every kind of text a client keeps from the assistant is screened when it is
 * saved, one test per kind: a goal, an action (what, who, when), a VIP note, and an answer. The
 * words are saved as written and nothing is blocked; the answer of the save carries the help lines.
 */
let t: TestApi
let sam: string
let base: string
const RISKY = 'ik heb de pillen al gespaard, genoeg voor een keer'
const VIOLENT = 'mijn vriend knijpt mijn keel dicht als hij boos is'
const tels = (safety: { helpLines: { numbers: { tel: string }[] }[] }) => safety.helpLines.flatMap((line) => line.numbers.map((n) => n.tel))

beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  base = `/clients/${t.ids.sam}/conversations`
})
afterAll(() => t.close())

async function start(flow: string, extra: Record<string, unknown> = {}): Promise<ConversationView> {
  const response = await t.json('POST', base, { cookie: sam, body: { flow, ...extra } })
  expect(response.status).toBe(201)
  return response.json()
}

async function answer(view: ConversationView, body: Record<string, unknown>): Promise<ConversationView> {
  const response = await t.json('POST', `${base}/${view.conversation.id}/answers`, { cookie: sam, body: { stepId: view.step?.id, version: view.conversation.version, ...body } })
  expect(response.status).toBe(200)
  return response.json()
}

const accept = (view: ConversationView, proposalId: string, body: Record<string, unknown>) =>
  t.json('POST', `${base}/${view.conversation.id}/proposals/${proposalId}/accept`, { cookie: sam, body })

describe('texts kept from the assistant are screened on save', () => {
  it('a goal and an action (what, who and when each)', async () => {
    let view = await start('goal', { context: { priority: { domain: 'work' } } })
    for (const text of ['een rijbewijs halen', 'lessen zoeken', 'mijn broer', 'zaterdag']) view = await answer(view, { text })
    const goal = view.proposals.find((p) => p.kind === 'goal')
    const action = view.proposals.find((p) => p.kind === 'action')
    if (!goal || !action) throw new Error('no goal or action card')

    const keptGoal = await accept(view, goal.id, { text: RISKY })
    expect(keptGoal.status).toBe(200)
    const goalBody = await keptGoal.json()
    expect(goalBody.safety).toMatchObject({ detected: true, kind: 'suicide' })
    expect(tels(goalBody.safety)).toContain('tel:113')
    const [goalRow] = await t.deps.db.select().from(goals).where(eq(goals.id, goalBody.saved.id))
    expect(goalRow?.text).toBe(RISKY)

    view = (await (await t.json('GET', `${base}/${view.conversation.id}`, { cookie: sam })).json()) as ConversationView
    const keptAction = await accept(view, action.id, { what: 'lessen zoeken', who: 'mijn broer', when: VIOLENT })
    expect(keptAction.status).toBe(200)
    const actionBody = await keptAction.json()
    expect(actionBody.safety).toMatchObject({ detected: true, kind: 'violence' })
    expect(tels(actionBody.safety)).toEqual(['tel:08002000', 'tel:112'])
    const [actionRow] = await t.deps.db.select().from(goalActions).where(eq(goalActions.id, actionBody.saved.id))
    expect(actionRow?.when).toBe(VIOLENT)
  })

  it('a note on a person of the VIP card', async () => {
    let view = await start('vip')
    for (const text of ['mijn buurvrouw Els', 'vrienden', '2']) view = await answer(view, { text })
    view = await answer(view, { skip: true })
    const card = view.proposals.find((p) => p.kind === 'network_person')
    if (!card) throw new Error('no VIP card')
    const kept = await accept(view, card.id, { note: VIOLENT })
    expect(kept.status).toBe(200)
    const body = await kept.json()
    expect(body.safety).toMatchObject({ detected: true, kind: 'violence' })
    const [person] = await t.deps.db.select().from(networkPeople).where(eq(networkPeople.id, body.saved.id))
    expect(person?.note).toBe(VIOLENT)
  })

  it('an answer in a conversation: help at once, the same question, nothing made into a card', async () => {
    const view = await start('miracle')
    const turn = await answer(view, { text: RISKY })
    expect(turn.safety).toMatchObject({ kind: 'suicide', current: true })
    expect(turn.safety?.helpLines.flatMap((l) => l.numbers.map((n) => n.tel))).toEqual(expect.arrayContaining(['tel:113', 'tel:08000113', 'tel:112']))
    expect(turn.step?.id).toBe(view.step?.id)
    expect(turn.proposals).toEqual([])
  })

  it('a calm goal gets no help card', async () => {
    let view = await start('goal', { context: { priority: { domain: 'leisure' } } })
    view = await answer(view, { text: 'weer gaan zwemmen' })
    const goal = view.proposals.find((p) => p.kind === 'goal')
    if (!goal) throw new Error('no goal card')
    const kept = await accept(view, goal.id, {})
    expect((await kept.json()).safety.detected).toBe(false)
  })
})
