import { Form } from '@remix-run/react'
import { getFormProps, type FieldMetadata, type SubmissionResult } from '../../forms/use-form'
import type { z } from 'zod'
import { useT } from '../../lib/i18n'
import { AcceptStepForm, AddStepForm, doers } from '../../lib/plan-schema'
import { FormErrors, RadioGroup, SelectField, TextField } from '../../forms/field-components'
import { useSchemaForm } from '../../forms/use-form'
import { IdempotencyKey } from '../idempotency-key'

type People = readonly { id: string; name: string }[]
type Result = SubmissionResult<string[]> | null | undefined
type Doer = z.input<typeof AcceptStepForm>
type Meta<S> = FieldMetadata<S>

const doerLabel = { client: 'whoClient', person: 'whoPerson', worker: 'whoWorker', other: 'whoOther' } as const

/** Who does it (me, someone from my network map, my worker, someone else) and when: shared by both step forms. */
function DoerFields({ fields, people }: { fields: { who: Meta<Doer['who']>; personId: Meta<Doer['personId']>; whoName: Meta<Doer['whoName']>; when: Meta<Doer['when']> }; people: People }) {
  const t = useT()
  return (
    <>
      <RadioGroup meta={fields.who} legend={t('plan.step.who')} options={doers.map((doer) => ({ value: doer, label: t(`plan.step.${doerLabel[doer]}`) }))} />
      <SelectField
        meta={fields.personId}
        label={t('plan.step.person')}
        hint={people.length === 0 ? t('plan.step.noPeople') : undefined}
        emptyOption={t('plan.step.personNone')}
        options={people.map((person) => ({ value: person.id, label: person.name }))}
      />
      <TextField meta={fields.whoName} label={t('plan.step.otherName')} />
      <TextField meta={fields.when} type="date" label={t('plan.step.when')} min="2000-01-01" max="2199-12-31" />
    </>
  )
}

/**
 * A new small step: what, how, who and when. A real form (works without JavaScript); errors stand
 * beside their field and a refusal keeps what was typed.
 */
export function AddStepFormView({ people, result, submitLabel }: { people: People; result: Result; submitLabel: string }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: 'step', schema: AddStepForm, lastResult: result, defaultValue: { who: 'client' } })
  return (
    <Form method="post" className="stack step-form" data-draft="add-step" {...getFormProps(form)}>
      <FormErrors form={form} />
      <IdempotencyKey scope="add-step" />
      <input type="hidden" name="intent" value="add-step" />
      <TextField meta={fields.what} label={t('plan.step.what')} />
      <TextField meta={fields.how} label={t('plan.step.how')} hint={t('plan.step.howHint')} />
      <DoerFields fields={fields} people={people} />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  )
}

/** Taking up a suggested step: the words are the suggestion's, the client says who and when. */
export function AcceptStepFormView({ commentId, people, result, submitLabel }: { commentId: string; people: People; result: Result; submitLabel: string }) {
  const [form, fields] = useSchemaForm({ id: `accept-${commentId}`, schema: AcceptStepForm, lastResult: result, defaultValue: { who: 'client' } })
  return (
    <Form method="post" className="stack step-form" data-draft={`accept-${commentId}`} {...getFormProps(form)}>
      <FormErrors form={form} />
      <IdempotencyKey scope={`accept-${commentId}`} />
      <input type="hidden" name="intent" value="accept" />
      <input type="hidden" name="commentId" value={commentId} />
      <DoerFields fields={fields} people={people} />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  )
}
