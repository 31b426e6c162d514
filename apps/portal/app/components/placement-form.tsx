import type { ReactNode } from 'react'
import { Form } from '@remix-run/react'
import { getFormProps, getInputProps, type SubmissionResult } from '../forms/use-form'
import { useT } from '../lib/i18n'
import { ladder, stepName, type BridgePillar } from '../lib/livelihood'
import { PlacementSchema } from '../lib/bridge-forms'
import { FieldGroup, FormErrors, TextareaField } from '../forms/field-components'
import { useSchemaForm } from '../forms/use-form'
import { IdempotencyKey } from './idempotency-key'

interface Props {
  pillar: BridgePillar
  /** The earlier placement being changed, or null for a new one. */
  editing: { id: string; version: number; note: string | null } | null
  /** The current placement a new one follows. */
  after: string | null
  /** What the ladders show checked: the placement changed, else the current one. */
  base: { step: number; nextStep: number | null } | null
  result: SubmissionResult<string[]> | null
  submitLabel: string
  nextUp: ReactNode
}

/** One rung of a ladder as a radio button. */
function radio(meta: Parameters<typeof getInputProps>[0], n: number) {
  return getInputProps(meta, { type: 'radio', value: String(n) })
}

/**
 * One pillar's ladder: where the client stands now (required), where they want to go next (or not
 * yet), and a note. The ladders keep their big-choice look (`.ladder`); the errors stand beside them.
 */
export function PlacementForm({ pillar, editing, after, base, result, submitLabel, nextUp }: Props) {
  const t = useT()
  const defaultValue = { step: base ? String(base.step) : undefined, nextStep: base?.nextStep ? String(base.nextStep) : undefined, note: editing?.note ?? '' }
  const [form, fields] = useSchemaForm({ id: 'placement', schema: PlacementSchema, lastResult: result, defaultValue })
  const stepText = (n: number) => t(`livelihood.bridge.steps.${pillar}.${stepName(n)}`)
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors form={form} />
      <IdempotencyKey />
      <input type="hidden" name="intent" value={editing ? 'change' : 'place'} />
      {editing ? (
        <>
          <input type="hidden" name="placementId" value={editing.id} />
          <input type="hidden" name="version" value={editing.version} />
        </>
      ) : after ? (
        <input type="hidden" name="after" value={after} />
      ) : null}
      <FieldGroup meta={fields.step} as="fieldset" className="ladder" label={<strong>{t('livelihood.bridge.pillar.whereNow')}</strong>} hint={t('livelihood.bridge.pillar.whereNowHint')} own="livelihood.bridge.pillar">
        {ladder.map((n) => (
          <label key={n} className="choice">
            <input {...radio(fields.step, n)} />
            <span>
              <strong>{t('livelihood.bridge.stepLabel', { n })}</strong> {stepText(n)}
            </span>
          </label>
        ))}
      </FieldGroup>
      <FieldGroup meta={fields.nextStep} as="fieldset" className="ladder" label={<strong>{t('livelihood.bridge.pillar.whereNext')}</strong>} hint={t('livelihood.bridge.pillar.whereNextHint')} own="livelihood.bridge.pillar">
        <label className="choice">
          {/* "Not yet" is the empty value, which the schema reads as no next step. */}
          <input type="radio" name={fields.nextStep.name} value="" defaultChecked={!fields.nextStep.initialValue} />
          <span>{t('livelihood.bridge.pillar.noNext')}</span>
        </label>
        {ladder.map((n) => (
          <label key={n} className="choice">
            <input {...radio(fields.nextStep, n)} />
            <span>
              <strong>{t('livelihood.bridge.stepLabel', { n })}</strong> <span className="muted">{stepText(n)}</span>
            </span>
          </label>
        ))}
      </FieldGroup>
      <TextareaField meta={fields.note} label={t('livelihood.bridge.pillar.note')} hint={t('livelihood.bridge.pillar.noteHint')} rows={2} />
      <div className="pillar-next">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        {nextUp}
      </div>
    </Form>
  )
}
