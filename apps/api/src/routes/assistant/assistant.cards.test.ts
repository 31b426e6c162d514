// Cards (accept, edit, drop) and bad input that never corrupts a conversation.
import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { conversations, safetyEvents, statements } from '@kracht/db'
import { assistantTestApi } from './test-helpers'

const { h, start, answer, drive, accept, drop, get } = assistantTestApi()

describe('cards: accept, edit, drop', () => {
  it('drops a card (twice is fine), and a dropped or kept card cannot change again', async () => {
    const view = await answer(await start('strengths', { context: { domains: ['work'] } }), 'behulpzaam')
    const [card] = view.proposals
    if (!card) throw new Error('no card')
    expect((await drop(view, card.id)).status).toBe(200)
    expect(((await (await drop(view, card.id)).json()) as { proposal: { status: string } }).proposal.status).toBe('dropped')
    const late = await accept(view, card.id)
    expect(late.status).toBe(409)
    expect((await late.json()).code).toBe('proposal_decided')

    const next = await answer(view, 'goed luisteren')
    const second = next.proposals.find((p) => p.id !== card.id)
    if (!second) throw new Error('no second card')
    const [a, b] = await Promise.all([accept(next, second.id), accept(next, second.id)])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const saved = await h.t.deps.db.select().from(statements).where(and(eq(statements.clientId, h.t.ids.sam), eq(statements.text, 'Ik kan goed luisteren')))
    expect(saved).toHaveLength(1)
    expect((await drop(next, second.id)).status).toBe(409)
  })

  it.each([
    ['empty text', { text: '  ' }, 'text'],
    ['text over 1,000 characters', { text: 'Ik kan '.padEnd(1200, 'a') }, 'text'],
    ['an unknown domain', { domain: 'space' }, 'domain'],
    ['an unknown form', { form: 'i_might' }, 'form'],
    ['an unknown field', { colour: 'blue' }, ''],
  ])('refuses an edit with %s and saves nothing', async (_label, body, field) => {
    const view = await answer(await start('strengths', { context: { domains: ['leisure'] } }), 'vrolijk')
    const [card] = view.proposals
    if (!card) throw new Error('no card')
    const response = await accept(view, card.id, body)
    expect(response.status).toBe(400)
    const problem = await response.json()
    expect(problem.code).toBe('validation_failed')
    if (field) expect(problem.fields[field]).toBeTruthy()
    expect((await get(view.conversation.id)).proposals[0]?.status).toBe('proposed')
  })

  it('an unknown card or conversation is 404', async () => {
    const view = await start('miracle')
    expect((await accept(view, `${view.conversation.id}-99`)).status).toBe(404)
    expect((await h.t.json('GET', `${h.base}/00000000-0000-4000-8000-000000000000`, { cookie: h.sam })).status).toBe(404)
  })
})

describe('bad input never corrupts a conversation', () => {
  it('an empty answer is asked again gently', async () => {
    const view = await start('miracle')
    const again = await answer(view, '   ')
    expect(again.outcome).toBe('reask')
    expect(again.step?.id).toBe('miracle')
    expect(again.feedback.length).toBeGreaterThan(0)
    expect(again.proposals).toEqual([])
  })

  it('a 10 kB answer is answer_too_long; the conversation stays where it was', async () => {
    const view = await start('miracle')
    const response = await h.t.json('POST', `${h.base}/${view.conversation.id}/answers`, { cookie: h.sam, body: { stepId: 'miracle', text: 'rust '.repeat(2048) } })
    expect(response.status).toBe(400)
    const problem = await response.json()
    expect(problem.code).toBe('answer_too_long')
    expect(problem.safety).toBeUndefined()
    const after = await get(view.conversation.id)
    expect(after.conversation.version).toBe(view.conversation.version)
    expect(after.step?.id).toBe('miracle')
  })

  it('a long answer with a crisis in it still gets help first: the crisis result, not an error', async () => {
    const view = await start('miracle')
    const text = `ik wil dood. ${'echt '.repeat(2000)}`
    const response = await h.t.json('POST', `${h.base}/${view.conversation.id}/answers`, { cookie: h.sam, body: { stepId: 'miracle', text } })
    expect(response.status).toBe(200)
    const turn = await response.json()
    expect(turn.outcome).toBe('crisis')
    expect(turn.safety.helpLines.map((l: { id: string }) => l.id)).toContain('suicide_prevention')
    const events = await h.t.deps.db.select().from(safetyEvents).where(eq(safetyEvents.conversationId, view.conversation.id))
    expect(events).toHaveLength(1)
    // After that, a long answer is refused, and the help card comes with the refusal.
    const refused = await h.t.json('POST', `${h.base}/${view.conversation.id}/answers`, { cookie: h.sam, body: { stepId: 'miracle', text: 'rust '.repeat(2048) } })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ code: 'answer_too_long', safety: { current: false } })
  })

  it('an answer to a question that is not the current one is step_mismatch', async () => {
    const view = await start('miracle')
    const response = await h.t.json('POST', `${h.base}/${view.conversation.id}/answers`, { cookie: h.sam, body: { stepId: 'different', text: 'koken' } })
    expect(response.status).toBe(409)
    expect((await response.json()).code).toBe('step_mismatch')
  })

  it('a crisis in an answer to the wrong step or from a stale tab still gets help first, and it stays', async () => {
    const view = await start('miracle')
    const wrongStep = await h.t.json('POST', `${h.base}/${view.conversation.id}/answers`, { cookie: h.sam, body: { stepId: 'different', text: 'ik wil niet meer leven' } })
    expect(wrongStep.status).toBe(200)
    expect(await wrongStep.json()).toMatchObject({ outcome: 'crisis', safety: { current: true }, step: { id: 'miracle' } })
    const staleTab = await h.t.json('POST', `${h.base}/${view.conversation.id}/answers`, {
      cookie: h.sam,
      body: { stepId: 'miracle', version: view.conversation.version, text: 'hij slaat me en ik ben bang' },
    })
    expect(staleTab.status).toBe(200)
    expect(await staleTab.json()).toMatchObject({ outcome: 'crisis', safety: { current: true, kind: 'violence' } })
    const after = await get(view.conversation.id)
    expect(after.safety).toMatchObject({ current: false })
    expect(after.safetyEvent).toMatchObject({ clientChoice: null, kind: 'violence' })
    expect(after.step?.id).toBe('miracle')
    const events = await h.t.deps.db.select().from(safetyEvents).where(eq(safetyEvents.conversationId, view.conversation.id))
    expect(events).toHaveLength(2)
  })

  it('an unknown flow is unknown_flow', async () => {
    const response = await h.t.json('POST', h.base, { cookie: h.sam, body: { flow: 'dance' } })
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe('unknown_flow')
  })

  it.each([
    ['text that is not a string', { text: 5, stepId: 'miracle' }, 'validation_failed'],
    ['choices that are not a list', { choices: 'family', stepId: 'miracle' }, 'validation_failed'],
    ['no stepId', { text: 'koken' }, 'validation_failed'],
  ])('refuses %s', async (_label, body, code) => {
    const view = await start('miracle')
    const response = await h.t.json('POST', `${h.base}/${view.conversation.id}/answers`, { cookie: h.sam, body })
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe(code)
  })

  it('refuses unreadable JSON, bad context and a finished flow', async () => {
    expect((await h.t.json('POST', h.base, { cookie: h.sam, body: '{"flow":' })).status).toBe(400)
    expect((await h.t.json('POST', h.base, { cookie: h.sam, body: { flow: 'goal', context: { priority: { domain: 'space' } } } })).status).toBe(400)
    const { view } = await drive('goal', ['een rijbewijs halen', { dontKnow: true }], { context: { priority: { domain: 'work' } } })
    expect(view.step).toBeNull()
    const finished = await h.t.json('POST', `${h.base}/${view.conversation.id}/answers`, { cookie: h.sam, body: { stepId: 'a1.what', text: 'werk' } })
    expect(finished.status).toBe(409)
    expect((await finished.json()).code).toBe('flow_finished')
  })

  it('two tabs: a stale version gets version_conflict, and two answers at once advance the conversation once', async () => {
    const view = await start('miracle')
    const first = await answer(view, 'Ik drink koffie in de zon')
    // The second tab still shows the first question and version.
    const stale = await h.t.json('POST', `${h.base}/${view.conversation.id}/answers`, {
      cookie: h.sam,
      body: { stepId: 'miracle', version: view.conversation.version, text: 'Ik fiets naar mijn werk' },
    })
    expect(stale.status).toBe(409)
    expect((await stale.json()).code).toBe('version_conflict')

    const body = { stepId: 'else', text: 'rust' }
    const results = await Promise.all([
      h.t.json('POST', `${h.base}/${view.conversation.id}/answers`, { cookie: h.sam, body }),
      h.t.json('POST', `${h.base}/${view.conversation.id}/answers`, { cookie: h.sam, body }),
    ])
    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 409])
    const conflict = await results.find((r) => r.status === 409)?.json()
    expect(['version_conflict', 'step_mismatch']).toContain(conflict.code)
    const after = await get(view.conversation.id)
    expect(after.conversation.version).toBe(first.conversation.version + 1)
    expect(after.step?.id).toBe('who')
    expect(after.proposals).toHaveLength(2)
    const [row] = await h.t.deps.db.select().from(conversations).where(eq(conversations.id, view.conversation.id))
    expect((row?.state as { history: unknown[] }).history).toHaveLength(2)
  })
})
