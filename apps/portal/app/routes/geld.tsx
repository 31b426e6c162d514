import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { requireRole } from '../lib/auth.server'
import { useLocale, useT, pageTitle } from '../lib/i18n'
import { MONEY_MAX_LINES, moneyHelperKinds } from '../lib/livelihood'
import { addedSection, lineSections, moneyColumns, moneyContent, moneyDefaults, MoneyForm, type LineSection, type MoneySection } from '../lib/money-forms'
import { loadMoney, saveMoney } from '../lib/livelihood.server'
import { SaveSafety } from '../components/save-safety'
import { FieldErrorText, SelectField, TextareaField, TextField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { getFormProps, textsOf, useSchemaForm, type FieldMetadata } from '../forms/use-form'
import livelihoodStyles from '../styles/livelihood.css?url'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = pageTitle('titles.mijnGeld')
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: livelihoodStyles },
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const money = await loadMoney(request, context, user.id)
  if (!money) throw new Response('unavailable', { status: 503 })
  return { money }
}

/**
 * Every button posts the whole form, so it works without JavaScript: save, "another line" (save and
 * show one more empty line) and "remove" (save without that line). Bad input saves nothing and
 * keeps everything the client typed, with the problem beside its field.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const submission = parseSubmission(await request.formData(), MoneyForm)
  if (submission.status !== 'success') return data({ ok: false as const, result: reply(submission) }, { status: 400 })
  const { content, rename } = moneyContent(submission.value)
  const response = await saveMoney(request, context, user.id, submission.value.version, content)
  if (!response.ok) return data({ ok: false as const, result: await replyWithProblem(submission, response, { rename }) }, { status: response.status })
  const saved = await response.json()
  return data({ ok: true as const, safety: saved.safety, extra: addedSection(submission.value.intent) })
}

/** The catalogue group of this page's own codes (`livelihood.money.errors.invalid_amount` …). */
const own = 'livelihood.money.errors'

export default function MyMoney() {
  const t = useT()
  const locale = useLocale()
  const { money } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  const extra = answer?.ok ? answer.extra : null
  const [form, fields] = useSchemaForm({
    id: 'money',
    schema: MoneyForm,
    lastResult: answer?.ok ? null : answer?.result,
    defaultValue: moneyDefaults(money, locale, extra),
  })
  // Each line's fields in the order of its columns (`moneyColumns`), the first one naming the line.
  const lines: Record<LineSection, Cell[][]> = {
    income: fields.income.getFieldList().map((row) => [row.getFieldset().source, row.getFieldset().amount]),
    fixedCosts: fields.fixedCosts.getFieldList().map((row) => [row.getFieldset().what, row.getFieldset().amount]),
    debts: fields.debts.getFieldList().map((row) => [row.getFieldset().toWhom, row.getFieldset().amount, row.getFieldset().arrangement]),
  }
  const helpers = fields.helpers.getFieldList()
  const typedNames = new Set(helpers.map((helper) => helper.getFieldset().name.initialValue))
  const names = (money.networkNames ?? []).filter((name) => !typedNames.has(name))
  const problem = form.errors?.[0] ?? (Object.keys(form.allErrors).length > 0 ? 'validation_failed' : null)
  return (
    <div className="page page--narrow">
      <h1>{t('livelihood.money.title')}</h1>
      <p className="lead">{t('livelihood.money.intro')}</p>
      {answer?.ok ? (
        <p className="notice notice--ok" role="status">
          {t('livelihood.money.saved')}
        </p>
      ) : null}
      {problem ? (
        <p className="notice notice--error" role="alert" id={form.errorId}>
          {problem === 'version_conflict' ? t('livelihood.money.conflict') : t('livelihood.money.invalid')}
        </p>
      ) : null}
      {answer?.ok ? <SaveSafety screen={answer.safety} /> : null}
      <Form method="post" className="stack" key={`${money.version}-${extra ?? ''}`} data-draft="money" {...getFormProps(form)}>
        <input type="hidden" name="version" value={money.version} />
        {lineSections.map((section) => (
          <LineList key={section} section={section} list={fields[section]} rows={lines[section]} />
        ))}
        <fieldset className="money-part" data-section="helpers">
          <legend>{t('livelihood.money.sections.helpers')}</legend>
          <p className="hint">{t('livelihood.money.hints.helpers')}</p>
          <FieldErrorText id={fields.helpers.errorId} errors={fields.helpers.errors} own={own} />
          {helpers.map((helper, index) => {
            const { kind, name } = helper.getFieldset()
            const kindName = moneyHelperKinds.find((known) => known === kind.initialValue)
            const typed = Boolean(kind.initialValue || name.initialValue)
            return (
              <div key={helper.key ?? helper.name} className="money-line" data-line={typed ? index : 'new'}>
                <SelectField
                  meta={kind}
                  label={t('livelihood.money.fields.helperKind')}
                  emptyOption="–"
                  options={moneyHelperKinds.map((value) => ({ value, label: t(`livelihood.money.helperKinds.${value}`) }))}
                  own={own}
                />
                <TextField meta={name} label={t('livelihood.money.fields.helperName')} own={own} />
                {typed ? <RemoveButton section="helpers" index={index} line={name.initialValue || t(`livelihood.money.helperKinds.${kindName ?? 'other'}`)} /> : null}
              </div>
            )
          })}
          {names.length > 0 ? (
            <fieldset className="plan-pick">
              <legend>{t('livelihood.money.fields.fromVip')}</legend>
              {names.map((name) => (
                <label key={name} className="checkbox">
                  <input type="checkbox" name={fields.pickHelper.name} value={name} defaultChecked={textsOf(fields.pickHelper).includes(name)} /> {name}
                </label>
              ))}
            </fieldset>
          ) : null}
          {helpers.length < MONEY_MAX_LINES ? <AddButton section="helpers" /> : null}
        </fieldset>
        <TextareaField meta={fields.note} label={t('livelihood.money.sections.note')} hint={t('livelihood.money.hints.note')} rows={3} own={own} />
        <p className="muted">{t('livelihood.money.sharedNote')}</p>
        <button type="submit" name="intent" value="save" className="button">
          {t('livelihood.money.save')}
        </button>
      </Form>
    </div>
  )
}

type Cell = FieldMetadata<string | undefined>

/** One list of lines (income, fixed costs, debts): each line's fields with their errors beside them. */
function LineList({ section, list, rows }: { section: LineSection; list: { errorId: string; errors: string[] | undefined }; rows: Cell[][] }) {
  const t = useT()
  return (
    <fieldset className="money-part" data-section={section}>
      <legend>{t(`livelihood.money.sections.${section}`)}</legend>
      <p className="hint">{t(`livelihood.money.hints.${section}`)}</p>
      <FieldErrorText id={list.errorId} errors={list.errors} own={own} />
      {rows.map((cells, index) => {
        const typed = cells.some((cell) => cell.initialValue)
        return (
          <div key={`${section}-${index}`} className="money-line" data-line={typed ? index : 'new'}>
            {moneyColumns[section].map((column, c) => {
              const cell = cells[c]
              if (!cell) return null
              return column === 'amount' ? (
                <TextField key={cell.key ?? cell.name} meta={cell} label={t('livelihood.money.amount')} hint={t('livelihood.money.amountHint')} inputMode="decimal" own={own} />
              ) : (
                <TextField key={cell.key ?? cell.name} meta={cell} label={t(`livelihood.money.fields.${column}`)} own={own} />
              )
            })}
            {typed ? <RemoveButton section={section} index={index} line={cells[0]?.initialValue ?? ''} /> : null}
          </div>
        )
      })}
      {rows.length < MONEY_MAX_LINES ? <AddButton section={section} /> : null}
    </fieldset>
  )
}

function AddButton({ section }: { section: MoneySection }) {
  const t = useT()
  return (
    <button type="submit" name="intent" value={`add:${section}`} className="button button--secondary button--small">
      {t('livelihood.money.addLine')}
    </button>
  )
}

function RemoveButton({ section, index, line }: { section: MoneySection; index: number; line: string }) {
  const t = useT()
  return (
    <button type="submit" name="intent" value={`remove:${section}:${index}`} className="link-button" aria-label={t('livelihood.money.removeLineLabel', { line })}>
      {t('livelihood.money.removeLine')}
    </button>
  )
}
