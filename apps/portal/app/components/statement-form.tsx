import { useEffect, useRef, useState } from 'react'
import { Form, useFetcher, useNavigation } from '@remix-run/react'
import { problemText, useLocale, useT } from '../lib/i18n'
import { domainLabel, forms, times, type FeedbackView, type StatementView } from '../lib/inventory'
import { StatementFeedback } from './statement-feedback'
import type { ScreenData } from './save-safety'
import { IdempotencyKey } from './idempotency-key'

interface Props {
  domains: string[]
  /** Values to show: a statement being changed, or what the client typed before a validation error. */
  values: { domain: string; time: string; form: string | null; text: string; version?: number | undefined }
  fields: Record<string, string>
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
export function StatementForm({ domains, values, fields, feedback, submitLabel }: Props) {
  const t = useT()
  const locale = useLocale()
  const busy = useNavigation().state === 'submitting'
  const analyse = useFetcher<LiveFeedback>()
  const [text, setText] = useState(values.text)
  const [form, setForm] = useState(values.form ?? '')
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

  return (
    <Form method="post" noValidate className="stack statement-form">
      <IdempotencyKey />
      {values.version !== undefined ? <input type="hidden" name="version" value={values.version} /> : null}
      <div className={fields['domain'] ? 'field field--error' : 'field'}>
        <label htmlFor="domain">{t('inventory.domainLabel')}</label>
        <select id="domain" name="domain" defaultValue={values.domain} aria-invalid={fields['domain'] ? true : undefined}>
          {domains.map((domain) => (
            <option key={domain} value={domain}>
              {domainLabel(t, domain)}
            </option>
          ))}
        </select>
        {fields['domain'] ? <p className="field-error">{problemText(t, 'fields', fields['domain'])}</p> : null}
      </div>

      <fieldset className={fields['time'] ? 'field field--error' : 'field'}>
        <legend>{t('inventory.timeLabel')}</legend>
        <div className="segmented">
          {times.map((time) => (
            <label key={time} className="segment">
              <input type="radio" name="time" value={time} defaultChecked={values.time === time} />
              <span>{t(`inventory.times.${time}`)}</span>
            </label>
          ))}
        </div>
        {fields['time'] ? <p className="field-error">{problemText(t, 'fields', fields['time'])}</p> : null}
      </fieldset>

      <fieldset className="field">
        <legend>{t('inventory.formLabel')}</legend>
        <p className="hint">{t('inventory.formHint')}</p>
        <div className="starters">
          {forms.map((option) => (
            <label key={option} className="starter">
              <input type="radio" name="form" value={option} checked={form === option} onChange={() => chooseStarter(option)} />
              <span>{t(`inventory.forms.${option}`)}</span>
            </label>
          ))}
          <label className="starter starter--none">
            <input type="radio" name="form" value="" checked={form === ''} onChange={() => chooseStarter('')} />
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

      <div className={fields['text'] ? 'field field--error' : 'field'}>
        <label htmlFor="text">{t('inventory.textLabel')}</label>
        <p className="hint" id="text-hint">
          {t('inventory.textHint')}
        </p>
        <textarea
          ref={textRef}
          id="text"
          name="text"
          rows={4}
          maxLength={1000}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={fields['text'] ? true : undefined}
          aria-describedby={fields['text'] ? 'text-hint text-error' : 'text-hint'}
        />
        {fields['text'] ? (
          <p className="field-error" id="text-error" role="alert">
            {problemText(t, 'fields', fields['text'])}
          </p>
        ) : null}
        <StatementFeedback suggestions={suggestions} safety={safety} />
      </div>

      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  )
}

export type { StatementView }
