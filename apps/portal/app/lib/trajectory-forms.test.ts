import { describe, expect, it } from 'vitest'
import { teamMeetingSteps } from '@kracht/trajectory'
import { parseSubmission, reply } from '../forms/submission.server'
import { ClientMeetingForms, EvaluationForms, WorkerMeetingForms, WorkerTrajectoryForms } from './trajectory-forms'
import { errorsOf, form } from '../forms/test-support'

const valueOf = <T>(submission: { status?: string; value?: T }) => (submission.status === 'success' ? submission.value : null)
describe('looking back together', () => {
  it('reads a first answer on version 0, trimmed', () => {
    expect(valueOf(parseSubmission(form([['intent', 'answer'], ['item', 'goals_met'], ['version', '0'], ['text', ' Goed gegaan. ']]), EvaluationForms))).toEqual({
      intent: 'answer',
      item: 'goals_met',
      version: 0,
      text: 'Goed gegaan.',
    })
  })

  it('asks for words in an empty answer and keeps a long one with its code', () => {
    const empty = reply(parseSubmission(form([['intent', 'answer'], ['item', 'goals_met'], ['version', '2'], ['text', '  ']]), EvaluationForms))
    expect(errorsOf(empty)).toEqual({ text: 'required' })
    const long = reply(parseSubmission(form([['intent', 'answer'], ['item', 'goals_met'], ['version', '2'], ['text', 'a'.repeat(2001)]]), EvaluationForms))
    expect(errorsOf(long)).toEqual({ text: 'too_long' })
    expect(long.initialValue).toMatchObject({ text: 'a'.repeat(2001) })
  })

  it('refuses a question the method does not ask', () => {
    expect(errorsOf(reply(parseSubmission(form([['intent', 'answer'], ['item', 'weather'], ['version', '1'], ['text', 'x']]), EvaluationForms)))).toHaveProperty('item')
  })
})

describe('the team strengths meeting', () => {
  it('gives the API every step, an empty box as an empty note', () => {
    const value = valueOf(parseSubmission(form([['intent', 'notes'], ['version', '3'], ['notes.brainstorm', 'Werkcafé']]), WorkerMeetingForms))
    expect(value?.intent === 'notes' ? Object.keys(value.notes) : null).toEqual([...teamMeetingSteps])
    expect(value?.intent === 'notes' ? value.notes['brainstorm'] : null).toBe('Werkcafé')
  })

  it('asks for an idea before adding it', () => {
    expect(errorsOf(reply(parseSubmission(form([['intent', 'idea'], ['idea', ' ']]), WorkerMeetingForms)))).toEqual({ idea: 'required' })
  })

  it("reads the client's decision from the button and refuses a forged one", () => {
    const id = '0b9f4c9e-6a53-4d5e-9d8e-2f4b1f1f3a11'
    expect(valueOf(parseSubmission(form([['intent', 'decide'], ['ideaId', id], ['decision', 'accept']]), ClientMeetingForms))).toEqual({ intent: 'decide', ideaId: id, decision: 'accept' })
    expect(parseSubmission(form([['intent', 'decide'], ['ideaId', id], ['decision', 'edit']]), ClientMeetingForms).status).not.toBe('success')
  })
})

describe("the worker's trajectory page", () => {
  it('reads a datetime-local moment and asks for one when it is empty or no moment', () => {
    const value = parseSubmission(form([['intent', 'prepare'], ['meetingAt', '2030-03-12T10:00']]), WorkerTrajectoryForms)
    expect(value.status === 'success' ? value.value : null).toEqual({ intent: 'prepare', meetingAt: '2030-03-12T10:00' })
    expect(errorsOf(reply(parseSubmission(form([['intent', 'prepare']]), WorkerTrajectoryForms)))).toEqual({ meetingAt: 'required' })
    expect(errorsOf(reply(parseSubmission(form([['intent', 'prepare'], ['meetingAt', 'morgen']]), WorkerTrajectoryForms)))).toEqual({ meetingAt: 'invalid_date' })
  })

  it('asks for capacity and load beside their boxes; risks and safety may stay empty', () => {
    expect(errorsOf(reply(parseSubmission(form([['intent', 'capacity'], ['balance', 'in_balance']]), WorkerTrajectoryForms)))).toEqual({ capacity: 'required', load: 'required' })
    const saved = parseSubmission(form([['intent', 'capacity'], ['capacity', 'Veel'], ['load', 'Schulden'], ['balance', 'in_balance']]), WorkerTrajectoryForms)
    expect(saved.status === 'success' ? saved.value : null).toEqual({ intent: 'capacity', capacity: 'Veel', load: 'Schulden', risks: '', safety: '', balance: 'in_balance' })
  })
})
