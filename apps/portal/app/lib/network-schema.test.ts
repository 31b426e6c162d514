import { describe, expect, it } from 'vitest'
import { parseSubmission, reply } from '../forms/submission.server'
import { NetworkButtonForms, PersonPageForms, PersonSchema, ResourceSchema } from './network-schema'
import { errorsOf, form } from '../forms/test-support'

describe('a person on the network map', () => {
  it('reads the ring as a number, the support boxes as a list once each, an empty note as none', () => {
    const submission = parseSubmission(
      form([['name', ' Oma '], ['area', 'family'], ['ring', '1'], ['support', 'practical'], ['support', 'practical'], ['note', '']]),
      PersonSchema,
    )
    expect(submission.status === 'success' ? submission.value : null).toEqual({ name: 'Oma', area: 'family', ring: 1, support: ['practical'], note: null, period: 'now' })
  })

  it('names the network\'s own code beside each field and keeps what was typed', () => {
    const result = reply(parseSubmission(form([['name', 'Jet'], ['area', 'neighbours'], ['ring', '4'], ['support', 'money']]), PersonSchema))
    expect(errorsOf(result)).toEqual({ area: 'unknown_area', ring: 'ring_out_of_range', 'support[0]': 'unknown_support' })
    expect(result.initialValue).toMatchObject({ name: 'Jet', ring: '4' })
  })

  it('asks to choose a place and a ring when none is chosen', () => {
    expect(errorsOf(reply(parseSubmission(form([['name', 'Jet']]), PersonSchema)))).toEqual({ area: 'required', ring: 'required' })
  })

  it('removes on a version only, without the person\'s fields', () => {
    const removal = parseSubmission(form([['intent', 'remove'], ['version', '3']]), PersonPageForms)
    expect(removal.status === 'success' ? removal.value : null).toEqual({ intent: 'remove', version: 3 })
    expect(parseSubmission(form([['intent', 'remove']]), PersonPageForms).status).toBe('error')
  })
})

describe('a resource beside the map', () => {
  it('keeps an empty link as none and names an unknown kind', () => {
    const saved = parseSubmission(form([['kind', 'social_cohesion'], ['text', 'De buurtkamer'], ['link', '']]), ResourceSchema)
    expect(saved.status === 'success' ? saved.value : null).toEqual({ kind: 'social_cohesion', text: 'De buurtkamer', link: '' })
    expect(errorsOf(reply(parseSubmission(form([['kind', 'money'], ['text', '']]), ResourceSchema)))).toEqual({ kind: 'unknown_kind', text: 'required' })
  })
})

describe('the network page\'s buttons', () => {
  const id = '0b9f4c9e-6a53-4d5e-9d8e-2f4b1f1f3a11'
  it('reads a decision with or without the person\'s version', () => {
    const withVersion = parseSubmission(form([['intent', 'accept'], ['commentId', id], ['version', '3']]), NetworkButtonForms)
    expect(withVersion.status === 'success' ? withVersion.value : null).toEqual({ intent: 'accept', commentId: id, version: 3 })
    const without = parseSubmission(form([['intent', 'decline'], ['commentId', id]]), NetworkButtonForms)
    expect(without.status === 'success' ? without.value : null).toEqual({ intent: 'decline', commentId: id })
  })

  it('refuses a removal without a version or with a forged id', () => {
    expect(parseSubmission(form([['intent', 'remove-resource'], ['resourceId', id]]), NetworkButtonForms).status).not.toBe('success')
    expect(parseSubmission(form([['intent', 'remove-resource'], ['resourceId', 'x'], ['version', '1']]), NetworkButtonForms).status).not.toBe('success')
  })
})
