import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { requireRole } from '../lib/auth.server'
import type { SubmissionResult } from '../forms/use-form'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { nextPillar, pillarOfSlug, pillarSlug, type BridgePillar } from '../lib/livelihood'
import { addPlacement, loadBridge, removePlacement, updatePlacement } from '../lib/livelihood.server'
import { PillarForms } from '../lib/bridge-forms'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { Notice } from '../components/field'
import { PlacementForm } from '../components/placement-form'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import livelihoodStyles from '../styles/livelihood.css?url'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = pageTitle('titles.mijnBrug')
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

type ActionResult = { ok: true; safety: ScreenData; onward: string } | { ok: false; intent: string; result: SubmissionResult<string[]> }

/**
 * One pillar at a time, plain form posts (works without JavaScript): place (a new version of the
 * bridge, then on to the next pillar), change a placement, or remove one. Bad input saves nothing
 * and keeps what the client typed.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const pillar = pillarFrom(params.pijler)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const submission = parseSubmission(formData, PillarForms)
  if (submission.status !== 'success') return data<ActionResult>({ ok: false, intent, result: reply(submission) }, { status: 400 })
  const refused = async (response: Response) => data<ActionResult>({ ok: false, intent, result: await replyWithProblem(submission, response) }, { status: response.status })
  const form = submission.value
  if (form.intent === 'remove') {
    const response = await removePlacement(request, context, user.id, form.placementId, form.version)
    if (!response.ok) return refused(response)
    throw redirect(`/brug/${pillarSlug(pillar)}?weg=1`)
  }
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
  const result = useActionAnswer<typeof action>()
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
  const base = editing ?? here.current
  const refused = result && !result.ok ? result : null
  const problem = refused ? (refused.result.error?.['']?.[0] ?? null) : null
  const skipTo = next ? `/brug/${pillarSlug(next)}` : '/brug'
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/brug">← {t('livelihood.bridge.pillar.back')}</Link>
      </p>
      <h1>{t(`livelihood.bridge.pillars.${pillar}`)}</h1>
      {params.get('weg') ? <Notice>{t('livelihood.bridge.removed')}</Notice> : null}
      {params.get('aangepast') ? <Notice>{t('livelihood.bridge.changed')}</Notice> : null}
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem === 'version_conflict' ? t('livelihood.bridge.pillar.conflict') : t('livelihood.bridge.pillar.invalid')}
        </p>
      ) : null}
      {editing ? (
        <p className="notice">
          {t('livelihood.bridge.pillar.changing', { date: formatDate(locale, editing.placedAt) })} <Link to={`/brug/${pillarSlug(pillar)}`}>{t('livelihood.bridge.pillar.stopChanging')}</Link>
        </p>
      ) : null}
      <PlacementForm
        key={`${editing?.id ?? 'new'}-${here.current?.id ?? 'none'}`}
        pillar={pillar}
        editing={editing}
        after={here.current?.id ?? null}
        base={base}
        result={refused && refused.intent !== 'remove' ? refused.result : null}
        submitLabel={editing ? t('livelihood.bridge.pillar.saveChange') : next ? t('livelihood.bridge.pillar.save') : t('livelihood.bridge.pillar.saveLast')}
        nextUp={
          editing ? null : (
            <p className="muted" data-testid="next-up">
              {next ? t('livelihood.bridge.pillar.nextUp', { pillar: t(`livelihood.bridge.pillars.${next}`) }) : t('livelihood.bridge.pillar.nextUpLast')} ·{' '}
              <Link to={skipTo}>{t('livelihood.bridge.pillar.skip')}</Link>
            </p>
          )
        }
      />
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
