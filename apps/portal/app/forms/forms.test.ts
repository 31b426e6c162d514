import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { acceptForm } from '../lib/invitation-forms'
import { StatementSchema } from '../lib/statement-schema'
import { chosenIdField, dateField, someCheckboxesField } from './fields'
import { parseSubmission, reply, replyWithProblem } from './submission.server'
import { errorsOf, form } from './test-support'

const id = '0a05c173-29e5-4f5b-b2a7-984da1b5ad6e'

describe('shared field schemas name a catalogue code for each problem', () => {
  const Share = z.object({ who: chosenIdField, what: someCheckboxesField(['inventory', 'network']), until: dateField.optional() })

  it.each([
    ['nothing chosen', [], { who: 'choose', what: 'pick_one' }],
    ['a tampered id and an unknown box', [['who', 'nobody'], ['what', 'diary']], { who: 'invalid', 'what[0]': 'invalid' }],
    ['a date that is no date', [['who', id], ['what', 'inventory'], ['until', '2030-02-31']], { until: 'invalid_date' }],
  ] as const)('%s', (_case, entries, codes) => {
    const submission = parseSubmission(form(entries.map(([name, value]) => [name, value])), Share)
    expect(submission.status).toBe('error')
    expect(errorsOf(reply(submission))).toEqual(codes)
  })

  it('reads checkboxes as a list and an empty optional date as nothing', () => {
    const submission = parseSubmission(form([['who', id], ['what', 'inventory'], ['what', 'network'], ['until', '']]), Share)
    expect(submission.status === 'success' ? submission.value : null).toEqual({ who: id, what: ['inventory', 'network'], until: undefined })
  })
})

describe('accepting an invitation', () => {
  it('asks for a user name on a new account, not on an access reset', () => {
    const entries: [string, string][] = [['newPassword', 'de zon schijnt op het water'], ['repeat', 'de zon schijnt op het water']]
    expect(errorsOf(reply(parseSubmission(form(entries), acceptForm(false))))).toEqual({ username: 'required' })
    expect(parseSubmission(form(entries), acceptForm(true)).status).toBe('success')
  })

  it('never sends the passwords back into the page', () => {
    const submission = parseSubmission(form([['username', 'robin'], ['newPassword', 'kort'], ['repeat', 'anders']]), acceptForm(false))
    const result = reply(submission, { hide: ['newPassword', 'repeat'] })
    expect(errorsOf(result)).toEqual({ newPassword: 'password_too_short', repeat: 'password_mismatch' })
    expect(result.initialValue).toEqual({ username: 'robin' })
  })
})

describe('a statement', () => {
  it('keeps the words typed when the time is missing, and treats "no starter" as none', () => {
    const submission = parseSubmission(form([['domain', 'work'], ['form', ''], ['text', '  Ik kan plannen  ']]), StatementSchema)
    const result = reply(submission)
    expect(errorsOf(result)).toEqual({ time: 'required' })
    expect(result.initialValue).toMatchObject({ domain: 'work', text: '  Ik kan plannen  ' })
    const saved = parseSubmission(form([['domain', 'work'], ['time', 'present'], ['form', ''], ['text', '  Ik kan plannen  ']]), StatementSchema)
    expect(saved.status === 'success' ? saved.value : null).toEqual({ domain: 'work', time: 'present', form: null, text: 'Ik kan plannen' })
  })
})

describe('an API refusal as the form\'s errors', () => {
  const problem = (body: object) => new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } })
  const submission = parseSubmission(form([['newPassword', 'password123456']]), z.object({ newPassword: z.string() }))

  it('puts the API\'s field codes beside the form\'s own field, renamed where it names it differently', async () => {
    const result = await replyWithProblem(submission, problem({ code: 'validation_failed', message: '', fields: { password: 'password_too_common' } }), {
      rename: { password: 'newPassword' },
    })
    expect(errorsOf(result)).toEqual({ newPassword: 'password_too_common' })
  })

  it('puts a code that belongs to a field beside it, and any other above the form', async () => {
    const wrong = await replyWithProblem(submission, problem({ code: 'password_wrong', message: '' }), { fieldFor: (code) => (code === 'password_wrong' ? 'newPassword' : null) })
    expect(errorsOf(wrong)).toEqual({ newPassword: 'password_wrong' })
    const other = await replyWithProblem(submission, problem({ code: 'rate_limited', message: '' }))
    expect(errorsOf(other)).toEqual({ '': 'rate_limited' })
  })
})
