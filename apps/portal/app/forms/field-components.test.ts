import { createElement, Fragment } from 'react'
import { renderToString } from 'react-dom/server'
import { translator } from '@kracht/i18n'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { Checkbox, CheckboxGroup, PasswordField, RadioGroup, SelectField, TextareaField, TextField } from './field-components'
import { checkboxesField, checkboxField, choiceField, currentPasswordField, optionalLine, optionalText } from './fields'
import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps, textsOf, useSchemaForm, type SubmissionResult } from './use-form'

// The field components outside a Remix page: the translator is the only thing they read from it.
vi.mock('../lib/i18n', () => ({ useT: () => translator('nl') }))

const Schema = z.object({
  name: optionalLine(80),
  password: currentPasswordField,
  note: optionalText(),
  colour: optionalLine(10),
  agree: checkboxField,
  kinds: checkboxesField(['a', 'b']),
  size: choiceField(['s', 'm']),
})

/** The action's answer that left out every field: each one gets a key, so each starts over. */
const answer: SubmissionResult<string[]> = { status: 'error', initialValue: {}, error: { password: ['required'] } }

function Page() {
  const [, fields] = useSchemaForm({ id: 'probe', schema: Schema, lastResult: answer })
  const options = [
    { value: 'a', label: 'A' },
    { value: 'b', label: 'B' },
  ]
  return createElement(
    Fragment,
    null,
    createElement(TextField, { meta: fields.name, label: 'Naam' }),
    createElement(PasswordField, { meta: fields.password, label: 'Wachtwoord', autoComplete: 'current-password' }),
    createElement(TextareaField, { meta: fields.note, label: 'Notitie' }),
    createElement(SelectField, { meta: fields.colour, label: 'Kleur', options }),
    createElement(Checkbox, { meta: fields.agree, label: 'Akkoord' }),
    createElement(CheckboxGroup<z.input<typeof Schema>['kinds']>, { meta: fields.kinds, legend: 'Soorten', options }),
    createElement(RadioGroup, { meta: fields.size, legend: 'Maat', options: [{ value: 's', label: 'S' }, { value: 'm', label: 'M' }] }),
  )
}

describe('field components', () => {
  afterEach(() => vi.restoreAllMocks())

  it('draw every field after an answer without React\'s warning about a key spread into JSX', () => {
    const warnings = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const html = renderToString(createElement(Page))
    expect(html).toContain('id="probe-password"')
    expect(warnings.mock.calls.map((call) => String(call[0]))).toEqual([])
  })

  it('the prop helpers never hand out a key, and the field still has one to start over with', () => {
    let seen: unknown[] = []
    function Probe() {
      const [, fields] = useSchemaForm({ id: 'probe', schema: Schema, lastResult: answer })
      expect(fields.password.key).toBeDefined()
      seen = [
        getInputProps(fields.name, { type: 'text' }),
        getTextareaProps(fields.note),
        getSelectProps(fields.colour),
        ...getCollectionProps(fields.kinds, { type: 'checkbox', options: ['a', 'b'] }).map((option) => option.props),
      ]
      return null
    }
    renderToString(createElement(Probe))
    for (const props of seen) expect(Object.keys(Object(props))).not.toContain('key')
  })

  it('reads a list field\'s texts whether the action sent back one ticked box (a text) or several (a list)', () => {
    const seen: string[][] = []
    function Probe({ kinds }: { kinds: string | string[] }) {
      const [, fields] = useSchemaForm({ id: 'probe', schema: Schema, lastResult: { status: 'error', initialValue: { kinds }, error: {} } })
      seen.push(textsOf(fields.kinds))
      return null
    }
    renderToString(createElement(Probe, { kinds: 'b' }))
    renderToString(createElement(Probe, { kinds: ['a', 'b'] }))
    expect(seen).toEqual([['b'], ['a', 'b']])
  })
})
