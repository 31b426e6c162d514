import { useEffect, useRef, useState } from 'react'
import { Form, useFetcher, useNavigation } from '@remix-run/react'
import { getFormProps, getTextareaProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { useLocale, useT } from '../lib/i18n'
import { domainLabel, forms, times, type FeedbackView, type StatementView } from '../lib/inventory'
import { StatementSchema } from '../lib/statement-schema'
import { FieldGroup, FormErrors, RadioGroup, SelectField } from '../forms/field-components'
import { StatementFeedback } from './statement-feedback'
import type { ScreenData } from './save-safety'
import { IdempotencyKey } from './idempotency-key'

interface Props {
  domains: string[]
  /** A statement being changed, or the domain and time the page was opened for. */
  values: { domain: string; time: string; form: string | null; text: string }
  /** Changing a statement: the version it is made to (and the intent that tells it from removing). */
  version?: number | undefined
  /** What the action answered: errors beside the fields, and the client's own words kept. */
  result: SubmissionResult<string[]> | null | undefined
  /** Feedback after a save without JavaScript (with JavaScript it comes while typing). */
  feedback?: FeedbackView | null | undefined
  submitLabel: string
}

interface LiveFeedback {
  suggestions: { kind: string; message: string }[]
  form: string | null
  safety: ScreenData | null
}

/** Writing a statement: domain, time, a sentence starter, the client's words, and gentle live tips. */
export function StatementForm({ domains, values, version, result, feedback, submitLabel }: Props) {
  const t = useT()
  const locale = useLocale()
  const busy = useNavigation().state === 'submitting'
  const analyse = useFetcher<LiveFeedback>()
  const [statementForm, fields] = useSchemaForm({
    id: 'statement',
    schema: StatementSchema,
    lastResult: result,
    defaultValue: { domain: values.domain, time: values.time, form: values.form ?? undefined, text: values.text },
  })
  // The words and the starter are the page's own state: a starter fills the box (see chooseStarter).
  const [text, setText] = useState(fields.text.initialValue ?? '')
  const [form, setForm] = useState(fields.form.initialValue ?? '')
  const textRef = useRef<HTMLTextAreaElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const submitAnalyse = analyse.submit

  // Analyse a moment after the client stops typing, not on every key.
  useEffect(() => {
    if (timer.current) clearTimeout(timer.current)
    if (text.trim().length < 3) return
    timer.current = setTimeout(() => {
      // Offline a tip cannot come, and a failed fetch would replace the page with an error: wait.
      if (!navigator.onLine) return
      submitAnalyse({ text, locale }, { method: 'post', action: '/inventaris/analyse' })
    }, 450)
    return () => {
      if (timer.current) clearTimeout(timer.current)
    }
  }, [text, locale, submitAnalyse])

  const live = text.trim().length >= 3 ? analyse.data : undefined
  const suggestions = live?.suggestions ?? feedback?.suggestions ?? []
  const safety = live?.safety ?? null

  // A box holding nothing but a starter ("Ik ben ") has none of the client's words yet.
  const onlyStarter = (value: string) => value.trim().length === 0 || forms.some((option) => value.trim() === t(`inventory.starters.${option}`).trim())

  function chooseStarter(chosen: (typeof forms)[number] | '') {
    setForm(chosen)
    if (chosen === '') {
      if (onlyStarter(text)) setText('')
      return
    }
    const starter = t(`inventory.starters.${chosen}`)
    // Fills an empty box, or swaps one starter for another (never "Ik ben Ik kan"); the client's
    // own words are never replaced.
    if (onlyStarter(text)) {
      setText(starter)
      requestAnimationFrame(() => {
        const box = textRef.current
        if (box) {
          box.focus()
          box.setSelectionRange(starter.length, starter.length)
        }
      })
    }
  }

  // Controlled: the value is the page's state, so conform's own default value is left out.
  const { defaultValue: _typed, ...textProps } = getTextareaProps(fields.text, { ariaDescribedBy: fields.text.descriptionId })
  return (
    <>
    <FormErrors form={statementForm} />
    <Form method="post" className="stack statement-form" {...getFormProps(statementForm)}>
      <IdempotencyKey />
      {version !== undefined ? (
        <>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={version} />
        </>
      ) : null}
      {/* Opened without a life domain: the client picks one, none is chosen for them. */}
      <SelectField
        meta={fields.domain}
        label={t('inventory.domainLabel')}
        options={domains.map((domain) => ({ value: domain, label: domainLabel(t, domain) }))}
        emptyOption={values.domain ? undefined : t('inventory.chooseDomain')}
      />
      <RadioGroup
        meta={fields.time}
        legend={t('inventory.timeLabel')}
        className="segmented"
        optionClassName="segment"
        options={times.map((time) => ({ value: time, label: t(`inventory.times.${time}`) }))}
      />

      <fieldset className="field">
        <legend>{t('inventory.formLabel')}</legend>
        <p className="hint">{t('inventory.formHint')}</p>
        <div className="starters">
          {forms.map((option) => (
            <label key={option} className="starter">
              <input type="radio" name={fields.form.name} value={option} checked={form === option} onChange={() => chooseStarter(option)} />
              <span>{t(`inventory.forms.${option}`)}</span>
            </label>
          ))}
          <label className="starter starter--none">
            <input type="radio" name={fields.form.name} value="" checked={form === ''} onChange={() => chooseStarter('')} />
            <span>{t('inventory.formNone')}</span>
          </label>
        </div>
        <details className="examples">
          <summary>{t('inventory.examples.title')}</summary>
          <dl>
            {forms.map((option) => (
              <div key={option}>
                <dt>{t(`inventory.forms.${option}`)}</dt>
                <dd>{t(`inventory.examples.${option}`)}</dd>
              </div>
            ))}
          </dl>
        </details>
      </fieldset>

      <FieldGroup meta={fields.text} label={t('inventory.textLabel')} hint={t('inventory.textHint')}>
        <textarea {...textProps} ref={textRef} rows={4} value={text} onChange={(event) => setText(event.target.value)} />
      </FieldGroup>
      <StatementFeedback suggestions={suggestions} safety={safety} />

      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
    </>
  )
}

export type { StatementView }
