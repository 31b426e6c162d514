import { Form } from '@remix-run/react'
import { useT } from '../../lib/i18n'
import { problemText } from '../../lib/problem-text'
import type { FieldErrors } from '../../lib/forms'
import { Field } from '../field'
import { IdempotencyKey } from '../idempotency-key'

export interface StepFormProps {
  intent: string
  /** For accepting a suggestion: the suggestion's id; the words are the suggestion's. */
  commentId?: string | undefined
  people: readonly { id: string; name: string }[]
  values: Record<string, string>
  fields: FieldErrors
  submitLabel: string
  /** False when the words come from a suggestion: only who and when are asked. */
  withWhat?: boolean | undefined
  idPrefix: string
}

const doers = ['client', 'person', 'worker', 'other'] as const

/**
 * A small step: what, how, who (me, someone from my network map, my worker, someone else) and when.
 * A real form: works without JavaScript; errors stand beside their field.
 */
export function StepForm({ intent, commentId, people, values, fields, submitLabel, withWhat = true, idPrefix }: StepFormProps) {
  const t = useT()
  const who = values['who'] || 'client'
  const error = (name: string) => (fields[name] ? problemText(t, 'fields', fields[name]) : null)
  return (
    <Form method="post" className="stack step-form" noValidate data-draft={commentId ? `${intent}-${commentId}` : intent}>
      <IdempotencyKey scope={commentId ? `${intent}-${commentId}` : intent} />
      <input type="hidden" name="intent" value={intent} />
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : null}
      {withWhat ? (
        <>
          <Field id={`${idPrefix}-what`} name="what" label={t('plan.step.what')} defaultValue={values['what'] ?? ''} maxLength={500} error={fields['what']} />
          <Field id={`${idPrefix}-how`} name="how" label={t('plan.step.how')} hint={t('plan.step.howHint')} defaultValue={values['how'] ?? ''} maxLength={500} error={fields['how']} />
        </>
      ) : null}
      <fieldset className={fields['who'] ? 'field field--error' : 'field'}>
        <legend>{t('plan.step.who')}</legend>
        {doers.map((doer) => (
          <label key={doer} className="choice">
            <input type="radio" name="who" value={doer} defaultChecked={who === doer} />{' '}
            {t(`plan.step.${({ client: 'whoClient', person: 'whoPerson', worker: 'whoWorker', other: 'whoOther' } as const)[doer]}`)}
          </label>
        ))}
        {error('who') ? (
          <p className="field-error" role="alert">
            {error('who')}
          </p>
        ) : null}
      </fieldset>
      <div className={fields['personId'] ? 'field field--error' : 'field'}>
        <label htmlFor={`${idPrefix}-person`}>{t('plan.step.person')}</label>
        {people.length === 0 ? <p className="hint">{t('plan.step.noPeople')}</p> : null}
        <select id={`${idPrefix}-person`} name="personId" defaultValue={values['personId'] ?? ''} aria-invalid={fields['personId'] ? true : undefined}>
          <option value="">{t('plan.step.personNone')}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
        {error('personId') ? (
          <p className="field-error" role="alert">
            {error('personId')}
          </p>
        ) : null}
      </div>
      <Field id={`${idPrefix}-other`} name="whoName" label={t('plan.step.otherName')} defaultValue={values['whoName'] ?? ''} maxLength={200} error={fields['whoName']} />
      <Field id={`${idPrefix}-when`} name="when" type="date" label={t('plan.step.when')} defaultValue={values['when'] ?? ''} min="2000-01-01" max="2199-12-31" error={fields['when']} />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  )
}
