import { Form } from '@remix-run/react'
import { getFormProps, type SubmissionResult } from '../../forms/use-form'
import { useT } from '../../lib/i18n'
import { domainLabel } from '../../lib/inventory'
import { GoalEditForm, RemarkForm } from '../../lib/plan-schema'
import { FormErrors, SelectField, TextareaField } from '../../forms/field-components'
import { useSchemaForm } from '../../forms/use-form'
import { IdempotencyKey } from '../idempotency-key'

type Result = SubmissionResult<string[]> | null | undefined

/**
 * Changing the goal on the version shown. When someone changed it first, the page says so and shows
 * the goal as it is now; the client's typed words stay in the box.
 */
export function GoalEdit({ goal, domains, result }: { goal: { text: string; domain: string | null; version: number }; domains: readonly string[]; result: Result }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: 'goal', schema: GoalEditForm, lastResult: result, defaultValue: { text: goal.text, domain: goal.domain ?? '' } })
  const conflict = form.errors?.[0] === 'version_conflict'
  return (
    <>
      {conflict ? (
        <div className="notice notice--error" role="alert">
          <p>{t('plan.goal.conflict')}</p>
          <p>{t('plan.goal.now')}</p>
          <blockquote>{goal.text}</blockquote>
        </div>
      ) : (
        <FormErrors form={form} />
      )}
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="goal" />
        <input type="hidden" name="version" value={goal.version} />
        <TextareaField meta={fields.text} label={t('plan.goal.text')} hint={t('plan.goal.textHint')} rows={3} />
        <SelectField meta={fields.domain} label={t('plan.goal.domain')} emptyOption={t('plan.noDomain')} options={domains.map((domain) => ({ value: domain, label: domainLabel(t, domain) }))} />
        <button type="submit" className="button button--secondary">
          {t('plan.goal.save')}
        </button>
      </Form>
    </>
  )
}

/** A remark about how it goes; after a save the page gives a new, empty form (its key changes). */
export function RemarkFormView({ result }: { result: Result }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: 'remark', schema: RemarkForm, lastResult: result })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="remark" />
      <IdempotencyKey scope="remark" />
      <TextareaField meta={fields.text} label={t('plan.remarks.label')} rows={3} />
      <button type="submit" className="button button--secondary">
        {t('plan.remarks.add')}
      </button>
    </Form>
  )
}
