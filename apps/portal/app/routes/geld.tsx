import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useLocale, useT } from '../lib/i18n'
import { contentFromTyped, MONEY_MAX_LINES, moneyHelperKinds, typedFromContent, typedFromForm, type MoneySection, type MoneyTyped } from '../lib/livelihood'
import { loadMoney, MoneyFormMeta, saveMoney } from '../lib/livelihood.server'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import livelihoodStyles from '../styles/livelihood.css?url'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = () => [{ title: 'Mijn geld – Kracht' }]
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

type ActionResult =
  | { ok: true; safety: ScreenData; extra: MoneySection | null }
  | { ok: false; problem: 'validation_failed' | 'version_conflict' | 'generic'; fields: Record<string, string>; typed: MoneyTyped | null }

const isSection = (value: string | undefined): value is MoneySection => value === 'income' || value === 'fixedCosts' || value === 'debts' || value === 'helpers'

/**
 * Every button posts the whole form, so it works without JavaScript: save, "another line" (save and
 * show one more empty line) and "remove" (save without that line). Bad input saves nothing and
 * keeps everything the client typed.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const meta = MoneyFormMeta.safeParse({ version: formData.get('version'), intent: formData.get('intent') ?? 'save' })
  if (!meta.success) return data<ActionResult>({ ok: false, problem: 'validation_failed', fields: {}, typed: null }, { status: 400 })
  const typed = typedFromForm(formData, meta.data.intent)
  const { content, fields } = contentFromTyped(typed)
  if (Object.keys(fields).length > 0) return data<ActionResult>({ ok: false, problem: 'validation_failed', fields, typed }, { status: 400 })
  const response = await saveMoney(request, context, user.id, meta.data.version, content)
  if (!response.ok) {
    const problem = await readProblem(response)
    const code = problem.code === 'validation_failed' || problem.code === 'version_conflict' ? problem.code : 'generic'
    return data<ActionResult>({ ok: false, problem: code, fields: problem.fields ?? {}, typed }, { status: response.status })
  }
  const saved = await response.json()
  const [verb, section] = meta.data.intent.split(':')
  return data<ActionResult>({ ok: true, safety: saved.safety, extra: verb === 'add' && isSection(section) ? section : null })
}

type Column = { key: string; label: string; amount?: boolean }

export default function MyMoney() {
  const t = useT()
  const locale = useLocale()
  const { money } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const typed = result && !result.ok && result.typed ? result.typed : typedFromContent(money, locale)
  const fields = result && !result.ok ? result.fields : {}
  const extra = result?.ok ? result.extra : null
  const names = (money.networkNames ?? []).filter((name) => !typed.helpers.some((helper) => helper.name === name))
  const amount = { key: 'amount', label: t('livelihood.money.amount'), amount: true }
  const columns: Record<Exclude<MoneySection, 'helpers'>, Column[]> = {
    income: [{ key: 'source', label: t('livelihood.money.fields.source') }, amount],
    fixedCosts: [{ key: 'what', label: t('livelihood.money.fields.what') }, amount],
    debts: [{ key: 'toWhom', label: t('livelihood.money.fields.toWhom') }, amount, { key: 'arrangement', label: t('livelihood.money.fields.arrangement') }],
  }
  const rowsOf = (section: Exclude<MoneySection, 'helpers'>): Record<string, string>[] => typed[section]
  return (
    <div className="page page--narrow">
      <h1>{t('livelihood.money.title')}</h1>
      <p className="lead">{t('livelihood.money.intro')}</p>
      {result?.ok ? (
        <p className="notice notice--ok" role="status">
          {t('livelihood.money.saved')}
        </p>
      ) : null}
      {result && !result.ok ? (
        <p className="notice notice--error" role="alert">
          {result.problem === 'version_conflict' ? t('livelihood.money.conflict') : t('livelihood.money.invalid')}
        </p>
      ) : null}
      {result?.ok ? <SaveSafety screen={result.safety} /> : null}
      <Form method="post" className="stack" key={`${money.version}-${extra ?? ''}`} data-draft="money">
        <input type="hidden" name="version" value={money.version} />
        {(['income', 'fixedCosts', 'debts'] as const).map((section) => (
          <fieldset key={section} className="money-part" data-section={section}>
            <legend>{t(`livelihood.money.sections.${section}`)}</legend>
            <p className="hint">{t(`livelihood.money.hints.${section}`)}</p>
            {fields[section] ? <FieldError code={fields[section]} /> : null}
            {rowsOf(section).map((row, index) => (
              <Line key={`${section}-${index}`} section={section} index={index} columns={columns[section]} row={row} fields={fields} />
            ))}
            {Array.from({ length: Math.max(0, Math.min(extra === section ? 2 : 1, MONEY_MAX_LINES - rowsOf(section).length)) }, (_, i) => (
              <Line key={`${section}-new-${i}`} section={section} index={rowsOf(section).length + i} columns={columns[section]} row={{}} fields={{}} blank />
            ))}
            {rowsOf(section).length < MONEY_MAX_LINES ? (
              <button type="submit" name="intent" value={`add:${section}`} className="button button--secondary button--small">
                {t('livelihood.money.addLine')}
              </button>
            ) : null}
          </fieldset>
        ))}
        <fieldset className="money-part" data-section="helpers">
          <legend>{t('livelihood.money.sections.helpers')}</legend>
          <p className="hint">{t('livelihood.money.hints.helpers')}</p>
          {[...typed.helpers, ...Array.from({ length: extra === 'helpers' ? 2 : 1 }, () => ({ kind: '', name: '' }))].slice(0, MONEY_MAX_LINES).map((helper, index) => {
            const id = `helpers-${index}`
            const kindError = fields[`helpers.${index}.kind`]
            const nameError = fields[`helpers.${index}.name`]
            const saved = index < typed.helpers.length
            return (
              <div key={id} className="money-line">
                <div className={kindError ? 'field field--error' : 'field'}>
                  <label htmlFor={`${id}-kind`}>{t('livelihood.money.fields.helperKind')}</label>
                  <select id={`${id}-kind`} name="helpers.kind" defaultValue={helper.kind} aria-invalid={kindError ? true : undefined}>
                    <option value="">–</option>
                    {moneyHelperKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`livelihood.money.helperKinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                  {kindError ? <FieldError code={kindError} /> : null}
                </div>
                <div className={nameError ? 'field field--error' : 'field'}>
                  <label htmlFor={`${id}-name`}>{t('livelihood.money.fields.helperName')}</label>
                  <input id={`${id}-name`} name="helpers.name" defaultValue={helper.name} maxLength={400} aria-invalid={nameError ? true : undefined} />
                  {nameError ? <FieldError code={nameError} /> : null}
                </div>
                {saved ? <RemoveButton section="helpers" index={index} line={helper.name || t(`livelihood.money.helperKinds.${moneyHelperKinds.find((k) => k === helper.kind) ?? 'other'}`)} /> : null}
              </div>
            )
          })}
          {names.length > 0 ? (
            <fieldset className="plan-pick">
              <legend>{t('livelihood.money.fields.fromVip')}</legend>
              {names.map((name) => (
                <label key={name} className="checkbox">
                  <input type="checkbox" name="pick-helper" value={name} /> {name}
                </label>
              ))}
            </fieldset>
          ) : null}
          <button type="submit" name="intent" value="add:helpers" className="button button--secondary button--small">
            {t('livelihood.money.addLine')}
          </button>
        </fieldset>
        <div className={fields['note'] ? 'field field--error' : 'field'}>
          <label htmlFor="money-note">{t('livelihood.money.sections.note')}</label>
          <p className="hint" id="money-note-hint">
            {t('livelihood.money.hints.note')}
          </p>
          <textarea id="money-note" name="note" rows={3} maxLength={4000} defaultValue={typed.note} aria-describedby="money-note-hint" aria-invalid={fields['note'] ? true : undefined} />
          {fields['note'] ? <FieldError code={fields['note']} /> : null}
        </div>
        <p className="muted">{t('livelihood.money.sharedNote')}</p>
        <button type="submit" name="intent" value="save" className="button">
          {t('livelihood.money.save')}
        </button>
      </Form>
    </div>
  )
}

function Line({ section, index, columns, row, fields, blank = false }: { section: MoneySection; index: number; columns: Column[]; row: Record<string, string>; fields: Record<string, string>; blank?: boolean }) {
  const t = useT()
  return (
    <div className="money-line" data-line={blank ? 'new' : index}>
      {columns.map((column) => {
        // The API names an amount's problem by its own field name.
        const error = fields[`${section}.${index}.${column.amount ? 'amountCents' : column.key}`]
        const id = `${section}-${index}-${column.key}`
        return (
          <div key={column.key} className={error ? 'field field--error' : 'field'}>
            <label htmlFor={id}>{column.label}</label>
            <input
              id={id}
              name={`${section}.${column.key}`}
              defaultValue={row[column.key] ?? ''}
              maxLength={column.amount ? 20 : 400}
              inputMode={column.amount ? 'decimal' : undefined}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : column.amount ? `${id}-hint` : undefined}
            />
            {column.amount && !error ? (
              <p className="hint" id={`${id}-hint`}>
                {t('livelihood.money.amountHint')}
              </p>
            ) : null}
            {error ? <FieldError code={error} id={`${id}-error`} /> : null}
          </div>
        )
      })}
      {blank ? null : <RemoveButton section={section} index={index} line={row[columns[0]?.key ?? ''] ?? ''} />}
    </div>
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

const errorCodes = ['required', 'too_long', 'too_many_lines', 'invalid_amount', 'unknown_helper'] as const
function FieldError({ code, id }: { code: string; id?: string }) {
  const t = useT()
  const known = errorCodes.find((c) => c === code)
  return (
    <p className="field-error" id={id} role="alert">
      {known ? t(`livelihood.money.errors.${known}`) : t('livelihood.money.invalid')}
    </p>
  )
}
