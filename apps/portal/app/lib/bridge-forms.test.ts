import { describe, expect, it } from 'vitest'
import { parseSubmission, reply } from '../forms/submission.server'
import { PillarForms } from './bridge-forms'
import { errorsOf, form } from '../forms/test-support'

const id = '0b9f4c9e-6a53-4d5e-9d8e-2f4b1f1f3a11'

describe('one pillar of the bridge', () => {
  it('reads a placement: "not yet" as no next step, an empty note as none', () => {
    const submission = parseSubmission(form([['intent', 'place'], ['step', '2'], ['nextStep', ''], ['note', ' ']]), PillarForms)
    expect(submission.status === 'success' ? submission.value : null).toEqual({ intent: 'place', after: null, step: 2, nextStep: null, note: null })
  })

  it("asks where the client stands, in the pillar page's own words, keeping the note", () => {
    const result = reply(parseSubmission(form([['intent', 'place'], ['note', 'Eerst de schulden']]), PillarForms))
    expect(errorsOf(result)).toEqual({ step: 'chooseStep' })
    expect(result.initialValue).toMatchObject({ note: 'Eerst de schulden' })
  })

  it('refuses a step off the ladder and a change without the placement and its version', () => {
    expect(errorsOf(reply(parseSubmission(form([['intent', 'place'], ['step', '7']]), PillarForms)))).toEqual({ step: 'chooseStep' })
    expect(parseSubmission(form([['intent', 'change'], ['step', '3']]), PillarForms).status).not.toBe('success')
    const remove = parseSubmission(form([['intent', 'remove'], ['placementId', id], ['version', '2']]), PillarForms)
    expect(remove.status === 'success' ? remove.value : null).toEqual({ intent: 'remove', placementId: id, version: 2 })
  })
})
