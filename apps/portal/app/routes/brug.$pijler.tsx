import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { problemText } from '../lib/problem-text'
import { ladder, nextPillar, pillarOfSlug, pillarSlug, stepName, type BridgePillar } from '../lib/livelihood'
import { addPlacement, loadBridge, PlacementForm, removePlacement, updatePlacement } from '../lib/livelihood.server'
import { Notice } from '../components/field'
import { IdempotencyKey } from '../components/idempotency-key'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import livelihoodStyles from '../styles/livelihood.css?url'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = () => [{ title: 'Mijn brug – Kracht' }]
// The help card after a save is the assistant's card, with its styles.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: livelihoodStyles },
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

const pillarFrom = (slug: string | undefined): BridgePillar => {
  const pillar = pillarOfSlug(slug)
  if (!pillar) throw new Response('not found', { status: 404 })
  return pillar
}

/** Where the flow goes after this pillar: the next pillar, or the whole bridge after the last. */
const onward = (pillar: BridgePillar) => {
  const next = nextPillar(pillar)
  return next ? `/brug/${pillarSlug(next)}` : '/brug?klaar=1'
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const pillar = pillarFrom(params.pijler)
  const bridge = await loadBridge(request, context, user.id)
  if (!bridge) throw new Response('unavailable', { status: 503 })
  const here = bridge.pillars.find((p) => p.pillar === pillar) ?? { pillar, current: null, history: [] }
  const editId = new URL(request.url).searchParams.get('aanpassen')
  const editing = here.history.find((placement) => placement.id === editId) ?? null
  return { pillar, here, editing, next: nextPillar(pillar) }
}

type ActionResult =
  | { ok: true; safety: ScreenData; onward: string }
  | { ok: false; problem: 'validation_failed' | 'version_conflict' | 'generic'; fields: Record<string, string>; note: string }

/**
 * One pillar at a time, plain form posts (works without JavaScript): place (a new version of the
 * bridge, then on to the next pillar), change a placement, or remove one. Bad input saves nothing
 * and keeps what the client typed.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const pillar = pillarFrom(params.pijler)
  const formData = await request.formData()
  const parsed = PlacementForm.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return data<ActionResult>({ ok: false, problem: 'generic', fields: {}, note: '' }, { status: 400 })
  const form = parsed.data
  const note = form.note ?? ''
  const refused = async (response: Response) => {
    const problem = await readProblem(response)
    const code = problem.code === 'validation_failed' || problem.code === 'version_conflict' ? problem.code : 'generic'
    return data<ActionResult>({ ok: false, problem: code, fields: problem.fields ?? {}, note }, { status: response.status })
  }
  if (form.intent === 'remove' || form.intent === 'change') {
    if (!form.placementId || !form.version) return data<ActionResult>({ ok: false, problem: 'generic', fields: {}, note }, { status: 400 })
    if (form.intent === 'remove') {
      const response = await removePlacement(request, context, user.id, form.placementId, form.version)
      if (!response.ok) return refused(response)
      throw redirect(`/brug/${pillarSlug(pillar)}?weg=1`)
    }
  }
  if (!form.step) return data<ActionResult>({ ok: false, problem: 'validation_failed', fields: { step: 'choose_step' }, note }, { status: 400 })
  const json = { step: form.step, nextStep: form.nextStep, note: form.note }
  const response =
    form.intent === 'change' && form.placementId && form.version
      ? await updatePlacement(request, context, user.id, form.placementId, { ...json, version: form.version })
      : await addPlacement(request, context, formData, user.id, { ...json, pillar, after: form.after })
  if (!response.ok) return refused(response)
  const saved = await response.json()
  const to = form.intent === 'change' ? `/brug/${pillarSlug(pillar)}?aangepast=1` : onward(pillar)
  // The words were saved as written; after a crisis signal the help card comes first, then onward.
  if (saved.safety.detected) return data<ActionResult>({ ok: true, safety: saved.safety, onward: to })
  throw redirect(to)
}

export default function PillarPage() {
  const t = useT()
  const locale = useLocale()
  const { pillar, here, editing, next } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  if (result?.ok) {
    return (
      <div className="page page--narrow">
        <SaveSafety screen={result.safety} />
        <p>
          <Link to={result.onward} className="button">
            {next ? t('livelihood.bridge.pillar.nextUp', { pillar: t(`livelihood.bridge.pillars.${next}`) }) : t('livelihood.bridge.pillar.nextUpLast')}
          </Link>
        </p>
      </div>
    )
  }
  const fields = result && !result.ok ? result.fields : {}
  const base = editing ?? here.current
  const stepText = (n: number) => t(`livelihood.bridge.steps.${pillar}.${stepName(n)}`)
  const skipTo = next ? `/brug/${pillarSlug(next)}` : '/brug'
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/brug">← {t('livelihood.bridge.pillar.back')}</Link>
      </p>
      <h1>{t(`livelihood.bridge.pillars.${pillar}`)}</h1>
      {params.get('weg') ? <Notice>{t('livelihood.bridge.removed')}</Notice> : null}
      {params.get('aangepast') ? <Notice>{t('livelihood.bridge.changed')}</Notice> : null}
      {result && !result.ok && result.problem !== 'validation_failed' ? (
        <p className="notice notice--error" role="alert">
          {result.problem === 'version_conflict' ? t('livelihood.bridge.pillar.conflict') : t('livelihood.bridge.pillar.invalid')}
        </p>
      ) : null}
      {editing ? (
        <p className="notice">
          {t('livelihood.bridge.pillar.changing', { date: formatDate(locale, editing.placedAt) })} <Link to={`/brug/${pillarSlug(pillar)}`}>{t('livelihood.bridge.pillar.stopChanging')}</Link>
        </p>
      ) : null}
      <Form method="post" className="stack" key={`${editing?.id ?? 'new'}-${here.current?.id ?? 'none'}`}>
        <IdempotencyKey />
        <input type="hidden" name="intent" value={editing ? 'change' : 'place'} />
        {editing ? (
          <>
            <input type="hidden" name="placementId" value={editing.id} />
            <input type="hidden" name="version" value={editing.version} />
          </>
        ) : here.current ? (
          <input type="hidden" name="after" value={here.current.id} />
        ) : null}
        <fieldset className="ladder" aria-describedby={fields['step'] ? 'step-hint step-error' : 'step-hint'}>
          <legend>
            <strong>{t('livelihood.bridge.pillar.whereNow')}</strong>
          </legend>
          <p className="hint" id="step-hint">
            {t('livelihood.bridge.pillar.whereNowHint')}
          </p>
          {fields['step'] ? (
            <p className="field-error" id="step-error" role="alert">
              {fields['step'] === 'choose_step' ? t('livelihood.bridge.pillar.chooseStep') : problemText(t, 'fields', fields['step'])}
            </p>
          ) : null}
          {ladder.map((n) => (
            <label key={n} className="choice">
              <input type="radio" name="step" value={n} defaultChecked={base?.step === n} />
              <span>
                <strong>{t('livelihood.bridge.stepLabel', { n })}</strong> {stepText(n)}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="ladder">
          <legend>
            <strong>{t('livelihood.bridge.pillar.whereNext')}</strong>
          </legend>
          <p className="hint">{t('livelihood.bridge.pillar.whereNextHint')}</p>
          <label className="choice">
            <input type="radio" name="nextStep" value="" defaultChecked={!base || base.nextStep === null} />
            <span>{t('livelihood.bridge.pillar.noNext')}</span>
          </label>
          {ladder.map((n) => (
            <label key={n} className="choice">
              <input type="radio" name="nextStep" value={n} defaultChecked={base?.nextStep === n} />
              <span>
                <strong>{t('livelihood.bridge.stepLabel', { n })}</strong> <span className="muted">{stepText(n)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className={fields['note'] ? 'field field--error' : 'field'}>
          <label htmlFor="placement-note">{t('livelihood.bridge.pillar.note')}</label>
          <p className="hint" id="placement-note-hint">
            {t('livelihood.bridge.pillar.noteHint')}
          </p>
          <textarea
            id="placement-note"
            name="note"
            rows={2}
            maxLength={1000}
            defaultValue={result && !result.ok ? result.note : (editing?.note ?? '')}
            aria-invalid={fields['note'] ? true : undefined}
            aria-describedby={fields['note'] ? 'placement-note-hint placement-note-error' : 'placement-note-hint'}
          />
          {fields['note'] ? (
            <p className="field-error" id="placement-note-error" role="alert">
              {problemText(t, 'fields', fields['note'])}
            </p>
          ) : null}
        </div>
        <div className="pillar-next">
          <button type="submit" className="button">
            {editing ? t('livelihood.bridge.pillar.saveChange') : next ? t('livelihood.bridge.pillar.save') : t('livelihood.bridge.pillar.saveLast')}
          </button>
          {editing ? null : (
            <p className="muted" data-testid="next-up">
              {next ? t('livelihood.bridge.pillar.nextUp', { pillar: t(`livelihood.bridge.pillars.${next}`) }) : t('livelihood.bridge.pillar.nextUpLast')} ·{' '}
              <Link to={skipTo}>{t('livelihood.bridge.pillar.skip')}</Link>
            </p>
          )}
        </div>
      </Form>
      <section className="card" aria-labelledby="make-goal">
        <h2 id="make-goal">
          <Link to={`/plan/nieuw?pijler=${pillarSlug(pillar)}`}>{t('livelihood.bridge.pillar.makeGoal')}</Link>
        </h2>
        <p className="hint">{t('livelihood.bridge.pillar.makeGoalHint')}</p>
      </section>
      {here.history.length > 0 ? (
        <section aria-labelledby="pillar-history">
          <h2 id="pillar-history">{t('livelihood.bridge.pillar.history')}</h2>
          <ul className="plain-list pillar-history">
            {[...here.history].reverse().map((placement) => {
              const date = formatDate(locale, placement.placedAt)
              return (
                <li key={placement.id} data-placement={placement.id}>
                  <span>
                    {date}: {t('livelihood.bridge.stepLabel', { n: placement.step })}
                    {placement.note ? <span className="pillar-note">{placement.note}</span> : null}
                  </span>
                  <Link to={`/brug/${pillarSlug(pillar)}?aanpassen=${placement.id}`}>{t('livelihood.bridge.pillar.change')}</Link>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="placementId" value={placement.id} />
                    <input type="hidden" name="version" value={placement.version} />
                    <button type="submit" className="link-button" aria-label={t('livelihood.bridge.pillar.removeLabel', { date })}>
                      {t('livelihood.bridge.pillar.remove')}
                    </button>
                  </Form>
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
