import { describe, expect, it } from 'vitest'
import { parseSubmission, reply } from '../forms/submission.server'
import { GoalPageForms } from './plan-schema'
import { errorsOf, form } from '../forms/test-support'

const id = '0b9f4c9e-6a53-4d5e-9d8e-2f4b1f1f3a11'

describe("the goal page's forms", () => {
  it('reads a new step: empty how and other name as none, me as the default doer', () => {
    const submission = parseSubmission(form([['intent', 'add-step'], ['what', ' Bellen '], ['how', ''], ['when', '2030-03-12']]), GoalPageForms)
    expect(submission.status === 'success' ? submission.value : null).toEqual({
      intent: 'add-step',
      what: 'Bellen',
      how: null,
      who: 'client',
      personId: null,
      whoName: null,
      when: '2030-03-12',
    })
  })

  it('asks for what and a real day beside each field, keeping what was typed', () => {
    const result = reply(parseSubmission(form([['intent', 'add-step'], ['how', 'Met de laptop'], ['when', '1999-12-31']]), GoalPageForms))
    expect(errorsOf(result)).toEqual({ what: 'required', when: 'invalid_date' })
    expect(result.initialValue).toMatchObject({ how: 'Met de laptop' })
  })

  it('asks for the name of someone else', () => {
    const result = reply(parseSubmission(form([['intent', 'add-step'], ['what', 'Bellen'], ['who', 'other'], ['when', '2030-01-01']]), GoalPageForms))
    expect(errorsOf(result)).toEqual({ whoName: 'required' })
  })

  it('asks to choose a person from the map when the doer is someone from it', () => {
    expect(errorsOf(reply(parseSubmission(form([['intent', 'accept'], ['commentId', id], ['who', 'person'], ['when', '2030-01-01']]), GoalPageForms)))).toEqual({
      personId: 'unknown_person',
    })
  })

  it('reads the buttons beside a step and moving it to a day', () => {
    const done = parseSubmission(form([['intent', 'done'], ['actionId', id], ['version', '2']]), GoalPageForms)
    expect(done.status === 'success' ? done.value : null).toEqual({ intent: 'done', actionId: id, version: 2 })
    expect(errorsOf(reply(parseSubmission(form([['intent', 'move'], ['actionId', id], ['version', '2']]), GoalPageForms)))).toEqual({ when: 'required' })
  })

  it('refuses an unknown intent and a remark that is too long', () => {
    expect(parseSubmission(form([['intent', 'wipe']]), GoalPageForms).status).not.toBe('success')
    expect(errorsOf(reply(parseSubmission(form([['intent', 'remark'], ['text', 'a'.repeat(1001)]]), GoalPageForms)))).toEqual({ text: 'too_long' })
  })
})
