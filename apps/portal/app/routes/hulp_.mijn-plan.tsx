import type { LinksFunction, ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useT } from '../lib/i18n'
import { isPlanPart, linesFromForm, MAX_LINE, MAX_LINES, planParts, type PlanLines, type PlanPart } from '../lib/safety-plan'
import { loadSafetyPlan, PlanFormMeta, saveSafetyPlan } from '../lib/safety-plan.server'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import safetyStyles from '../styles/safety.css?url'
import assistantStyles from '../styles/assistant.css?url'
import { QuickExit } from '../components/quick-exit'

export const meta: MetaFunction = () => [{ title: 'Mijn signaleringsplan – Kracht' }]
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

type ActionResult =
  | { ok: true; safety: ScreenData; extra: PlanPart | null }
  | { ok: false; problem: 'validation_failed' | 'version_conflict' | 'generic'; fields: Record<string, string>; lines: PlanLines | null }

/**
 * Every button posts the whole form, so it works without JavaScript: save, "another line" (save and
 * show one more empty field) and "remove" (save without that line). Bad input saves nothing.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const meta = PlanFormMeta.safeParse({ version: formData.get('version'), intent: formData.get('intent') ?? 'save' })
  if (!meta.success) return data<ActionResult>({ ok: false, problem: 'validation_failed', fields: {}, lines: null }, { status: 400 })
  const lines = linesFromForm(formData, meta.data.intent)
  const response = await saveSafetyPlan(request, context, user.id, meta.data.version, lines)
  if (!response.ok) {
    const problem = await readProblem(response)
    const code = problem.code === 'validation_failed' || problem.code === 'version_conflict' ? problem.code : 'generic'
    return data<ActionResult>({ ok: false, problem: code, fields: problem.fields ?? {}, lines }, { status: response.status })
  }
  const saved = await response.json()
  const [verb, part] = meta.data.intent.split(':')
  return data<ActionResult>({ ok: true, safety: saved.safety, extra: verb === 'add' && part && isPlanPart(part) ? part : null })
}

export default function MySafetyPlan() {
  const t = useT()
  const { plan } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  // After a refused save the client's typing stays in the fields (nothing is lost, nothing saved).
  const lines: PlanLines = result && !result.ok && result.lines ? result.lines : plan
  const extra = result?.ok ? result.extra : params.get('regel')
  const fields = result && !result.ok ? result.fields : {}
  const names = (plan.networkNames ?? []).filter((name) => !lines.people.includes(name))
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
      {result?.ok ? (
        <p className="notice notice--ok" role="status">
          {t('safety.plan.saved')}
        </p>
      ) : null}
      {result && !result.ok ? (
        <p className="notice notice--error" role="alert">
          {result.problem === 'version_conflict' ? t('safety.plan.conflict') : t('safety.plan.invalid')}
        </p>
      ) : null}
      {result?.ok ? <SaveSafety screen={result.safety} /> : null}
      <Form method="post" className="stack" key={`${plan.version}-${extra ?? ''}`} data-draft="safety-plan">
        <input type="hidden" name="version" value={plan.version} />
        {planParts.map((part) => (
          <PartFields key={part} part={part} lines={lines[part]} extraLine={extra === part} fields={fields} names={part === 'people' ? names : []} />
        ))}
        <p className="muted">{t('safety.plan.sharedNote')}</p>
        <button type="submit" name="intent" value="save" className="button">
          {t('safety.plan.save')}
        </button>
      </Form>
    </div>
  )
}

function lineError(fields: Record<string, string>, part: PlanPart, index: number): string | undefined {
  return fields[`${part}.${index}`]
}

function PartFields({ part, lines, extraLine, fields, names }: { part: PlanPart; lines: string[]; extraLine: boolean; fields: Record<string, string>; names: string[] }) {
  const t = useT()
  const label = t(`safety.plan.parts.${part}`)
  const partError = fields[part]
  // One empty field to type a new line in, two after "another line"; never more than the limit.
  const blanks = Math.max(0, Math.min(extraLine ? 2 : 1, MAX_LINES - lines.length))
  return (
    <fieldset className="plan-part">
      <legend>{label}</legend>
      <p className="hint" id={`hint-${part}`}>
        {t(`safety.plan.hints.${part}`)}
      </p>
      {partError ? (
        <p className="field-error" role="alert">
          {errorText(t, partError)}
        </p>
      ) : null}
      {lines.map((line, index) => {
        const error = lineError(fields, part, index)
        const id = `${part}-${index}`
        return (
          <div key={id} className={error ? 'field field--error plan-line' : 'field plan-line'}>
            <label htmlFor={id} className="visually-hidden">
              {t('safety.plan.lineLabel', { part: label, n: String(index + 1) })}
            </label>
            <input id={id} name={part} defaultValue={line} maxLength={MAX_LINE * 2} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : `hint-${part}`} />
            <button type="submit" name="intent" value={`remove:${part}:${index}`} className="link-button" aria-label={t('safety.plan.removeLineLabel', { line })}>
              {t('safety.plan.removeLine')}
            </button>
            {error ? (
              <p className="field-error" id={`${id}-error`} role="alert">
                {errorText(t, error)}
              </p>
            ) : null}
          </div>
        )
      })}
      {Array.from({ length: blanks }, (_, i) => {
        const id = `${part}-new-${i}`
        return (
          <div key={id} className="field plan-line">
            <label htmlFor={id} className="visually-hidden">
              {t('safety.plan.newLineLabel', { part: label })}
            </label>
            <input id={id} name={part} defaultValue="" maxLength={MAX_LINE * 2} aria-describedby={`hint-${part}`} />
          </div>
        )
      })}
      {names.length > 0 ? (
        <fieldset className="plan-pick">
          <legend>{t('safety.plan.fromVip')}</legend>
          <p className="hint">{t('safety.plan.fromVipHint')}</p>
          {names.map((name) => (
            <label key={name} className="checkbox">
              <input type="checkbox" name="pick-people" value={name} /> {name}
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

const errorCodes = ['required', 'too_long', 'too_many_lines', 'no_markup', 'invalid_characters'] as const
function errorText(t: ReturnType<typeof useT>, code: string): string {
  const known = errorCodes.find((c) => c === code)
  return known ? t(`safety.plan.errors.${known}`) : t('safety.plan.invalid')
}
