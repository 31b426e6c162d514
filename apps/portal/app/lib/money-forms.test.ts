import { describe, expect, it } from 'vitest'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { errorsOf, form } from '../forms/test-support'
import { moneyContent, moneyDefaults, MoneyForm } from './money-forms'

const parsed = (entries: [string, string][]) => {
  const submission = parseSubmission(form(entries), MoneyForm)
  if (submission.status !== 'success') throw new Error(JSON.stringify(submission.error))
  return submission.value
}

describe('the money page form', () => {
  it('reads lines in the client\'s own amounts, drops empty lines, and turns ticked VIP names into helpers', () => {
    const value = parsed([
      ['version', '3'],
      ['income[0].source', 'Bijstand'],
      ['income[0].amount', '€ 1.234,50'],
      ['income[1].source', ''],
      ['income[1].amount', ''],
      ['debts[0].toWhom', 'Mijn broer'],
      ['debts[0].amount', ''],
      ['debts[0].arrangement', ''],
      ['helpers[0].kind', ''],
      ['helpers[0].name', 'Fatima'],
      ['pickHelper', 'Robin'],
      ['note', '  '],
    ])
    expect(moneyContent(value).content).toEqual({
      income: [{ source: 'Bijstand', amountCents: 123450 }],
      fixedCosts: [],
      debts: [{ toWhom: 'Mijn broer', amountCents: null, arrangement: null }],
      helpers: [{ kind: 'other', name: 'Fatima' }, { kind: 'network', name: 'Robin' }],
      note: '',
    })
  })

  it('names a bad amount, a 10 kB line and a line without its name beside each field, keeping what was typed', () => {
    const long = 'x'.repeat(10_000)
    const result = reply(
      parseSubmission(
        form([
          ['version', '1'],
          ['income[0].source', 'Toeslag'],
          ['income[0].amount', 'veel'],
          ['fixedCosts[0].what', long],
          ['debts[0].toWhom', ''],
          ['debts[0].amount', '50'],
        ]),
        MoneyForm,
      ),
    )
    expect(errorsOf(result)).toEqual({ 'income[0].amount': 'invalid_amount', 'fixedCosts[0].what': 'too_long', 'debts[0].toWhom': 'required' })
    expect(result.initialValue).toMatchObject({ income: [{ source: 'Toeslag', amount: 'veel' }], fixedCosts: [{ what: long }] })
  })

  it('leaves out the removed line, unchecked, and puts the API\'s problems beside the fields they are about', async () => {
    const entries: [string, string][] = [
      ['version', '1'],
      ['intent', 'remove:income:0'],
      ['income[0].source', 'Oud'],
      ['income[0].amount', 'niet te lezen'],
      ['income[1].source', ''],
      ['income[2].source', 'Loon'],
      ['income[2].amount', '900'],
    ]
    const submission = parseSubmission(form(entries), MoneyForm)
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    const { content, rename } = moneyContent(submission.value)
    expect(content.income).toEqual([{ source: 'Loon', amountCents: 90000 }])
    const problem = new Response(JSON.stringify({ code: 'validation_failed', message: '', fields: { 'income.0.amountCents': 'invalid_amount' } }), { status: 400 })
    expect(errorsOf(await replyWithProblem(submission, problem, { rename }))).toEqual({ 'income[2].amount': 'invalid_amount' })
  })

  it('refuses a changed button and an unknown kind of helper', () => {
    expect(errorsOf(reply(parseSubmission(form([['version', '1'], ['intent', 'remove:note:0']]), MoneyForm)))).toEqual({ intent: 'invalid' })
    expect(errorsOf(reply(parseSubmission(form([['version', '1'], ['helpers[0].kind', 'bank']]), MoneyForm)))).toEqual({ 'helpers[0].kind': 'unknown_helper' })
  })

  it('shows the saved page with one empty line under each list, two after "another line"', () => {
    const saved = { income: [{ source: 'Loon', amountCents: 8550 }], fixedCosts: [], debts: [], helpers: [], note: '' }
    const defaults = moneyDefaults(saved, 'nl', 'income')
    expect(defaults.income).toEqual([{ source: 'Loon', amount: '85,50' }, { source: '', amount: '' }, { source: '', amount: '' }])
    expect(defaults.fixedCosts).toEqual([{ what: '', amount: '' }])
  })
})
