import { Form } from '@remix-run/react'
import { getFormProps, type SubmissionResult } from '../forms/use-form'
import { capacityBalances, trajectoryModels } from '@kracht/trajectory'
import { useT } from '../lib/i18n'
import { modelName } from '../lib/trajectory'
import { CapacityForm, PrepareMeetingForm, StartTrajectoryForm } from '../lib/trajectory-forms'
import { FormErrors, RadioGroup, TextareaField, TextField } from '../forms/field-components'
import { useSchemaForm } from '../forms/use-form'

// The worker's forms on a client's trajectory page (clienten.$clientId_.traject), each on its schema.

type Result = SubmissionResult<string[]> | null

/** Starting the trajectory: the model, the first one chosen unless the worker picks another. */
export function StartTrajectory({ result }: { result: Result }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: 'start', schema: StartTrajectoryForm, lastResult: result, defaultValue: { model: trajectoryModels[0] } })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <p>{t('trajectory.workerNotStarted')}</p>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="start" />
      <RadioGroup meta={fields.model} legend={t('trajectory.modelLabel')} options={trajectoryModels.map((model) => ({ value: model, label: modelName(t, model) }))} />
      <button type="submit" className="button">
        {t('trajectory.start')}
      </button>
    </Form>
  )
}

/** Preparing a team meeting while the client shares with the team: the day and time, in Dutch time. */
export function PrepareMeeting({ shareUntil, result }: { shareUntil: string; result: Result }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: 'prepare', schema: PrepareMeetingForm, lastResult: result })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <p>{shareUntil}</p>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="prepare" />
      <TextField meta={fields.meetingAt} label={t('trajectory.teamMeeting.worker.meetingAt')} type="datetime-local" />
      <button type="submit" className="button">
        {t('trajectory.teamMeeting.worker.prepare')}
      </button>
    </Form>
  )
}

const parts = [
  ['capacity', 'trajectory.capacity.workerCapacity'],
  ['load', 'trajectory.capacity.workerLoad'],
  ['risks', 'trajectory.capacity.workerRisks'],
  ['safety', 'trajectory.capacity.workerSafety'],
] as const

/** The worker's assessment of capacity and load; after a save the page gives an empty form. */
export function CapacityAssessment({ result }: { result: Result }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: 'assessment', schema: CapacityForm, lastResult: result, defaultValue: { balance: 'in_balance' } })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="capacity" />
      {parts.map(([part, label]) => (
        <TextareaField key={part} meta={fields[part]} label={t(label)} rows={3} />
      ))}
      <RadioGroup
        meta={fields.balance}
        legend={t('trajectory.capacity.workerBalance')}
        options={capacityBalances.map((balance) => ({ value: balance, label: t(`trajectory.capacity.balance.${balance}`) }))}
      />
      <button type="submit" className="button button--secondary">
        {t('trajectory.capacity.save')}
      </button>
    </Form>
  )
}
