import type { LinksFunction, ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { MAX_LINES, planParts, type PlanPart } from '../lib/safety-plan'
import { addedPart, planDefaults, planLines, SafetyPlanForm } from '../lib/safety-plan-forms'
import { loadSafetyPlan, saveSafetyPlan } from '../lib/safety-plan.server'
import { SaveSafety } from '../components/save-safety'
import { FieldErrorText } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { getFormProps, getInputProps, textsOf, useSchemaForm, type FieldMetadata } from '../forms/use-form'
import safetyStyles from '../styles/safety.css?url'
import assistantStyles from '../styles/assistant.css?url'
import { QuickExit } from '../components/quick-exit'

export const meta: MetaFunction = pageTitle('titles.mijnSignaleringsplan')
// The help card after a save is the assistant's card, with its styles.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: safetyStyles },
  { rel: 'stylesheet', href: assistantStyles },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const plan = await loadSafetyPlan(request, context, user.id)
  if (!plan) throw new Response('unavailable', { status: 503 })
  return { plan }
}

/**
 * Every button posts the whole form, so it works without JavaScript: save, "another line" (save and
 * show one more empty field) and "remove" (save without that line). Bad input saves nothing and
 * keeps what was typed, with the problem beside its line.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const submission = parseSubmission(await request.formData(), SafetyPlanForm)
  if (submission.status !== 'success') return data({ ok: false as const, result: reply(submission) }, { status: 400 })
  const { lines, rename } = planLines(submission.value)
  const response = await saveSafetyPlan(request, context, user.id, submission.value.version, lines)
  if (!response.ok) return data({ ok: false as const, result: await replyWithProblem(submission, response, { rename }) }, { status: response.status })
  const saved = await response.json()
  return data({ ok: true as const, safety: saved.safety, extra: addedPart(submission.value.intent) })
}

/** The catalogue group of this page's own codes (`safety.plan.errors.no_markup` …). */
const own = 'safety.plan.errors'

export default function MySafetyPlan() {
  const t = useT()
  const { plan } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const extra = answer?.ok ? answer.extra : params.get('regel')
  // After a refused save the client's typing stays in the fields (nothing is lost, nothing saved).
  const [form, fields] = useSchemaForm({ id: 'plan', schema: SafetyPlanForm, lastResult: answer?.ok ? null : answer?.result, defaultValue: planDefaults(plan, extra) })
  const typed = new Set(fields.people.getFieldList().map((line) => line.initialValue))
  const names = (plan.networkNames ?? []).filter((name) => !typed.has(name))
  const problem = form.errors?.[0] ?? (Object.keys(form.allErrors).length > 0 ? 'validation_failed' : null)
  return (
    <div className="page page--narrow safety-plan">
      {/* Snel weg: with JavaScript the page is also taken out of the history. */}
      <QuickExit label={t('common.quickExit')} />
      <p>
        <Link to="/hulp">← {t('help.title')}</Link>
      </p>
      <h1>{t('safety.plan.title')}</h1>
      <p className="lead">{t('safety.plan.intro')}</p>
      <p className="call-row">
        <Link to="/hulp/mijn-plan/afdrukken">{t('safety.plan.print')}</Link>
      </p>
      {/* Starts the assistant's safety-plan conversation: a plain form post, works without JavaScript. */}
      <Form method="post" action="/assistent" className="inline-form">
        <button type="submit" name="flow" value="safety_plan" className="button button--secondary">
          {t('safety.plan.withAssistant')}
        </button>
      </Form>
      {answer?.ok ? (
        <p className="notice notice--ok" role="status">
          {t('safety.plan.saved')}
        </p>
      ) : null}
      {problem ? (
        <p className="notice notice--error" role="alert" id={form.errorId}>
          {problem === 'version_conflict' ? t('safety.plan.conflict') : t('safety.plan.invalid')}
        </p>
      ) : null}
      {answer?.ok ? <SaveSafety screen={answer.safety} /> : null}
      <Form method="post" className="stack" key={`${plan.version}-${extra ?? ''}`} data-draft="safety-plan" {...getFormProps(form)}>
        <input type="hidden" name="version" value={plan.version} />
        {planParts.map((part) => (
          <PartFields key={part} part={part} meta={fields[part]} pick={part === 'people' && names.length > 0 ? { name: fields.pickPeople.name, names, ticked: textsOf(fields.pickPeople) } : null} />
        ))}
        <p className="muted">{t('safety.plan.sharedNote')}</p>
        <button type="submit" name="intent" value="save" className="button">
          {t('safety.plan.save')}
        </button>
      </Form>
    </div>
  )
}

interface PartProps {
  part: PlanPart
  meta: FieldMetadata<(string | undefined)[] | undefined>
  /** The VIP card's names to tick (people only). */
  pick: { name: string; names: string[]; ticked: string[] } | null
}

/** One part of the plan: its lines, each with its problem beside it, and an empty one to type in. */
function PartFields({ part, meta, pick }: PartProps) {
  const t = useT()
  const label = t(`safety.plan.parts.${part}`)
  const lines = meta.getFieldList()
  const hintId = `hint-${part}`
  return (
    <fieldset className="plan-part">
      <legend>{label}</legend>
      <p className="hint" id={hintId}>
        {t(`safety.plan.hints.${part}`)}
      </p>
      <FieldErrorText id={meta.errorId} errors={meta.errors} own={own} />
      {lines.map((line, index) => {
        const words = line.initialValue ?? ''
        return (
          <div key={line.key ?? line.name} className={line.errors ? 'field field--error plan-line' : 'field plan-line'}>
            <label htmlFor={line.id} className="visually-hidden">
              {words ? t('safety.plan.lineLabel', { part: label, n: String(index + 1) }) : t('safety.plan.newLineLabel', { part: label })}
            </label>
            <input key={line.key} {...getInputProps(line, { type: 'text', ariaDescribedBy: hintId })} />
            {words ? (
              <button type="submit" name="intent" value={`remove:${part}:${index}`} className="link-button" aria-label={t('safety.plan.removeLineLabel', { line: words })}>
                {t('safety.plan.removeLine')}
              </button>
            ) : null}
            <FieldErrorText id={line.errorId} errors={line.errors} own={own} />
          </div>
        )
      })}
      {pick ? (
        <fieldset className="plan-pick">
          <legend>{t('safety.plan.fromVip')}</legend>
          <p className="hint">{t('safety.plan.fromVipHint')}</p>
          {pick.names.map((name) => (
            <label key={name} className="checkbox">
              <input type="checkbox" name={pick.name} value={name} defaultChecked={pick.ticked.includes(name)} /> {name}
            </label>
          ))}
        </fieldset>
      ) : null}
      {lines.length < MAX_LINES ? (
        <button type="submit" name="intent" value={`add:${part}`} className="button button--secondary button--small">
          {t('safety.plan.addLine')}
        </button>
      ) : null}
    </fieldset>
  )
}
