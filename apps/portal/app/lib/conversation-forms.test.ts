import { describe, expect, it } from 'vitest'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { errorsOf, form } from '../forms/test-support'
import { ConversationForms, editedCard, keptCard, type ConversationFormValue } from './conversation-forms'

const parsed = (entries: [string, string][]): ConversationFormValue => {
  const submission = parseSubmission(form(entries), ConversationForms)
  if (submission.status !== 'success') throw new Error(`refused: ${JSON.stringify(reply(submission).error)}`)
  return submission.value
}

/** What the action sends the API to keep a card, as JSON: `null` clears, a missing field keeps the card's own. */
const sent = (entries: [string, string][]) => {
  const value = parsed(entries)
  if (value.intent === 'edit') return JSON.parse(JSON.stringify(editedCard(value)))
  if (value.intent === 'accept') return JSON.parse(JSON.stringify(keptCard(value)))
  throw new Error(`not a card: ${value.intent}`)
}

const person = (extra: [string, string][]): [string, string][] => [
  ['intent', 'edit'],
  ['proposalId', 'c1-3'],
  ['kind', 'network_person'],
  ['name', 'Jet'],
  ['area', 'family'],
  ['ring', '2'],
  ...extra,
]

describe('the assistant conversation page\'s forms', () => {
  it('an emptied note clears what the card said: the API gets null, not "unchanged"', () => {
    expect(sent(person([['note', '']]))).toEqual({ name: 'Jet', area: 'family', ring: 2, support: [], note: null })
    expect(sent(person([['note', '   ']])).note).toBeNull()
    expect(sent(person([['note', ' Mijn tante ']])).note).toBe('Mijn tante')
  })

  it('an emptied "who" or "when" of a step clears it too; an emptied step is asked for', () => {
    const step: [string, string][] = [['intent', 'edit'], ['proposalId', 'c1-4'], ['kind', 'action']]
    expect(sent([...step, ['what', 'Bellen'], ['who', ''], ['when', 'morgen']])).toEqual({ what: 'Bellen', who: null, when: 'morgen' })
    const result = reply(parseSubmission(form([...step, ['what', ' '], ['who', 'Ik']]), ConversationForms))
    expect(errorsOf(result)).toEqual({ what: 'required' })
    // What was typed comes back into the form.
    expect(result.initialValue).toMatchObject({ who: 'Ik', kind: 'action' })
  })

  it('unticked support boxes are no support; ticked ones are sent as a list', () => {
    expect(sent(person([['support', 'advice'], ['support', 'company']])).support).toEqual(['advice', 'company'])
    expect(errorsOf(reply(parseSubmission(form(person([['support', 'money']])), ConversationForms)))).toEqual({ 'support[0]': 'invalid' })
  })

  it('asks for what a changed card needs, beside each field, and names a ring the map does not have', () => {
    const statement: [string, string][] = [['intent', 'edit'], ['proposalId', 'c1-1'], ['kind', 'statement']]
    expect(errorsOf(reply(parseSubmission(form([...statement, ['text', '']]), ConversationForms)))).toEqual({ text: 'required', domain: 'choose' })
    expect(errorsOf(reply(parseSubmission(form([...statement, ['text', 'a'.repeat(1001)], ['domain', 'health']]), ConversationForms)))).toEqual({ text: 'too_long' })
    expect(errorsOf(reply(parseSubmission(form([['intent', 'edit'], ['proposalId', 'c1-3'], ['kind', 'network_person'], ['ring', '4']]), ConversationForms)))).toEqual({
      name: 'required',
      area: 'choose',
      ring: 'choose',
    })
    // A goal may stay without a life domain; a kind of card the page never draws is refused.
    expect(sent([['intent', 'edit'], ['proposalId', 'c1-2'], ['kind', 'goal'], ['text', 'Rust']])).toEqual({ text: 'Rust' })
    expect(errorsOf(reply(parseSubmission(form([['intent', 'edit'], ['proposalId', 'c1-2'], ['kind', 'diary']]), ConversationForms)))).toEqual({ kind: 'invalid' })
  })

  it('keeps a card with only the choices its own form asked for', () => {
    expect(sent([['intent', 'accept'], ['proposalId', 'c1-1']])).toEqual({})
    expect(sent([['intent', 'accept'], ['proposalId', 'c1-1'], ['domain', 'health']])).toEqual({ domain: 'health' })
    expect(sent([['intent', 'accept'], ['proposalId', 'c1-3'], ['area', 'friends'], ['ring', '3']])).toEqual({ area: 'friends', ring: 3 })
    expect(parsed([['intent', 'drop'], ['proposalId', 'c1-1']])).toEqual({ intent: 'drop', proposalId: 'c1-1' })
  })

  it('puts the API\'s problem with a kept card beside its field, or above the card', async () => {
    const submission = parseSubmission(form([['intent', 'accept'], ['proposalId', 'c1-1']]), ConversationForms)
    const problem = (body: object) => new Response(JSON.stringify(body), { status: 400 })
    expect(errorsOf(await replyWithProblem(submission, problem({ code: 'validation_failed', message: '', fields: { domain: 'required' } })))).toEqual({ domain: 'required' })
    expect(errorsOf(await replyWithProblem(submission, problem({ code: 'proposal_decided', message: '' })))).toEqual({ '': 'proposal_decided' })
  })

  it('reads an answer: the pressed button, the ticked choices, the words as typed (even empty: asked again gently)', () => {
    expect(parsed([['intent', 'answer'], ['stepId', 's1'], ['version', '3'], ['choices', 'a'], ['choices', 'b'], ['text', ' en ook dit ']])).toEqual({
      intent: 'answer',
      stepId: 's1',
      version: 3,
      choices: ['a', 'b'],
      text: ' en ook dit ',
    })
    expect(parsed([['intent', 'skip'], ['stepId', 's1'], ['version', '3'], ['text', '']])).toEqual({ intent: 'skip', stepId: 's1', version: 3, choices: [] })
    // A long answer is the API's to refuse, after it screened the words for a crisis.
    expect(parseSubmission(form([['intent', 'answer'], ['stepId', 's1'], ['version', '3'], ['text', 'a'.repeat(20_000)]]), ConversationForms).status).toBe('success')
  })

  it('refuses a post no button of the page makes, keeping the typed words', () => {
    const result = reply(parseSubmission(form([['stepId', 's1'], ['version', '3'], ['text', 'mijn woorden']]), ConversationForms))
    expect(errorsOf(result)).toEqual({ intent: 'invalid' })
    expect(result.initialValue).toMatchObject({ text: 'mijn woorden' })
    expect(errorsOf(reply(parseSubmission(form([['intent', 'answer'], ['stepId', 's1'], ['version', '0']]), ConversationForms)))).toEqual({ version: 'invalid' })
    expect(errorsOf(reply(parseSubmission(form([['intent', 'safety'], ['notifyWorker', 'maybe']]), ConversationForms)))).toEqual({ notifyWorker: 'invalid' })
  })
})
