import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { capacityBalances, trajectoryModels } from '@kracht/trajectory'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { problemText } from '../lib/problem-text'
import { dutchDateTime } from '../lib/sharing-forms'
import { modelName, phaseName } from '../lib/trajectory'
import { loadAssessments, loadEvaluations, loadTeamMeetings, loadTrajectory } from '../lib/trajectory.server'
import { FormProblem, Notice } from '../components/field'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import { PhaseMoment, TrajectoryTimeline } from '../components/trajectory-timeline'
import { EvaluationList, MeetingList } from '../components/trajectory-together'

export const meta: MetaFunction = () => [{ title: 'Traject – Kracht' }]

const Params = z.object({ clientId: z.string().uuid() })

/** The linked worker's view: the timeline, start and "next phase", and the capacity assessment. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const [trajectory, assessments, evaluations, meetings] = await Promise.all([
    loadTrajectory(request, context, clientId),
    loadAssessments(request, context, clientId),
    loadEvaluations(request, context, clientId),
    loadTeamMeetings(request, context, clientId),
  ])
  const now = new Date().toISOString()
  if (!trajectory || !evaluations || !meetings) {
    return data({ clientId, linked: false as const, trajectory: null, assessments: [], evaluations: null, meetings: null, now }, { status: 403 })
  }
  return { clientId, linked: true as const, trajectory, assessments: assessments ?? [], evaluations, meetings, now }
}

const AssessmentForm = z.object({
  capacity: z.string().trim().max(2000),
  load: z.string().trim().max(2000),
  risks: z.string().trim().max(2000).default(''),
  safety: z.string().trim().max(2000).default(''),
  balance: z.enum(capacityBalances),
})

type ActionResult = { problem: string; fields?: Record<string, string> } | { saved: true; safety: ScreenData }

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker')
  const { clientId } = Params.parse(params)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const client = api(context, request).clients[':clientId']
  if (intent === 'start') {
    const model = z.enum(trajectoryModels).safeParse(form.get('model'))
    if (!model.success) return data<ActionResult>({ problem: 'unknown_trajectory_model' }, { status: 400 })
    const response = await client.trajectory.$post({ param: { clientId }, json: { model: model.data } })
    if (!response.ok) return data<ActionResult>({ problem: (await readProblem(response)).code }, { status: response.status })
    throw redirect(`/clienten/${clientId}/traject?klaar=start`)
  }
  if (intent === 'next') {
    const from = String(form.get('from') ?? '').slice(0, 40)
    const response = await client.trajectory.next.$post({ param: { clientId }, json: from ? { from } : {} })
    if (!response.ok) return data<ActionResult>({ problem: (await readProblem(response)).code }, { status: response.status })
    throw redirect(`/clienten/${clientId}/traject?klaar=next`)
  }
  if (intent === 'evaluate') {
    const response = await client.evaluations.$post({ param: { clientId } })
    if (!response.ok) return data<ActionResult>({ problem: (await readProblem(response)).code }, { status: response.status })
    throw redirect(`/clienten/${clientId}/traject/terugkijken/${(await response.json()).id}`)
  }
  if (intent === 'prepare') {
    // datetime-local sends the worker's wall-clock time; the server reads it in Dutch time.
    const meetingAt = dutchDateTime(String(form.get('meetingAt') ?? ''))
    if (!meetingAt) return data<ActionResult>({ problem: 'validation_failed', fields: { meetingAt: 'invalid_date' } }, { status: 400 })
    const response = await client['team-meetings'].$post({ param: { clientId }, json: { meetingAt } })
    if (!response.ok) return data<ActionResult>({ problem: (await readProblem(response)).code }, { status: response.status })
    throw redirect(`/clienten/${clientId}/traject/teambespreking/${(await response.json()).id}`)
  }
  if (intent === 'capacity') {
    const parsed = AssessmentForm.safeParse(Object.fromEntries(['capacity', 'load', 'risks', 'safety', 'balance'].map((k) => [k, form.get(k) ?? ''])))
    if (!parsed.success) return data<ActionResult>({ problem: 'validation_failed' }, { status: 400 })
    const response = await client['capacity-assessments'].$post({ param: { clientId }, json: parsed.data })
    if (!response.ok) {
      const problem = await readProblem(response)
      return data<ActionResult>({ problem: problem.code, ...(problem.fields ? { fields: problem.fields } : {}) }, { status: response.status })
    }
    return data<ActionResult>({ saved: true, safety: (await response.json()).safety })
  }
  return data<ActionResult>({ problem: 'validation_failed' }, { status: 400 })
}

export default function WorkerTrajectory() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const done = params.get('klaar')
  const back = (
    <p className="breadcrumb">
      <Link to={`/clienten/${loaded.clientId}`}>← {t('sharing.caseloadTitle')}</Link>
    </p>
  )
  if (!loaded.linked) {
    return (
      <div className="page page--narrow" data-testid="not-linked">
        {back}
        <h1>{t('common.forbiddenTitle')}</h1>
        <p>{t('common.forbiddenText')}</p>
      </div>
    )
  }
  const { trajectory, assessments, evaluations, meetings, now } = loaded
  const problem = result && 'problem' in result ? result : null
  const fields = problem?.fields ?? {}
  return (
    <div className="page page--narrow">
      {back}
      <h1>{t('trajectory.workerTitle')}</h1>
      <p className="lead">{t('trajectory.workerIntro')}</p>
      {done === 'start' && trajectory.phase ? <Notice>{t('trajectory.started', { phase: phaseName(t, trajectory.phase) })}</Notice> : null}
      <FormProblem code={problem && !problem.fields ? problem.problem : null} />
      {trajectory.model ? (
        <>
          <PhaseMoment trajectory={trajectory} audience="worker" now={now} />
          <TrajectoryTimeline trajectory={trajectory} audience="worker" />
          {trajectory.nextPhase ? (
            <Form method="post">
              <input type="hidden" name="intent" value="next" />
              <input type="hidden" name="from" value={trajectory.phase ?? ''} />
              <button type="submit" className="button">
                {t('trajectory.next', { phase: phaseName(t, trajectory.nextPhase) })}
              </button>
            </Form>
          ) : (
            <p className="muted">{t('trajectory.lastPhase')}</p>
          )}
        </>
      ) : (
        <Form method="post" className="stack">
          <p>{t('trajectory.workerNotStarted')}</p>
          <input type="hidden" name="intent" value="start" />
          <fieldset>
            <legend>{t('trajectory.modelLabel')}</legend>
            {trajectoryModels.map((model, index) => (
              <label key={model} className="choice">
                <input type="radio" name="model" value={model} defaultChecked={index === 0} /> {modelName(t, model)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button">
            {t('trajectory.start')}
          </button>
        </Form>
      )}

      <section aria-labelledby="evaluations-title">
        <h2 id="evaluations-title">{t('trajectory.evaluation.listTitle')}</h2>
        {evaluations.canStart ? (
          <Form method="post">
            <p>{t('trajectory.evaluation.startHint')}</p>
            <input type="hidden" name="intent" value="evaluate" />
            <button type="submit" className="button">
              {t('trajectory.evaluation.start')}
            </button>
          </Form>
        ) : null}
        <EvaluationList evaluations={evaluations.evaluations} base={`/clienten/${loaded.clientId}/traject/terugkijken`} />
      </section>

      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t('trajectory.teamMeeting.worker.listTitle')}</h2>
        {meetings.canPrepare && meetings.shareEndsAt ? (
          <Form method="post" className="stack">
            <p>{t('trajectory.teamMeeting.worker.shareUntil', { date: formatDate(locale, meetings.shareEndsAt, true) })}</p>
            <input type="hidden" name="intent" value="prepare" />
            <div className={fields.meetingAt ? 'field field--error' : 'field'}>
              <label htmlFor="meeting-at">{t('trajectory.teamMeeting.worker.meetingAt')}</label>
              <input id="meeting-at" name="meetingAt" type="datetime-local" required aria-invalid={fields.meetingAt ? true : undefined} />
              {fields.meetingAt ? (
                <p className="field-error" role="alert">
                  {problemText(t, 'fields', fields.meetingAt)}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button">
              {t('trajectory.teamMeeting.worker.prepare')}
            </button>
          </Form>
        ) : (
          <p className="muted" data-testid="no-team-share">{t('trajectory.teamMeeting.worker.noShare')}</p>
        )}
        <MeetingList meetings={meetings.meetings} base={`/clienten/${loaded.clientId}/traject/teambespreking`} />
      </section>

      <section aria-labelledby="capacity-title">
        <h2 id="capacity-title">{t('trajectory.capacity.workerTitle')}</h2>
        <p className="muted">{t('trajectory.capacity.workerHint')}</p>
        {result && 'saved' in result ? (
          <>
            <Notice>{t('trajectory.capacity.saved')}</Notice>
            <SaveSafety screen={result.safety} />
          </>
        ) : null}
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="capacity" />
          {(['capacity', 'load', 'risks', 'safety'] as const).map((part) => (
            <div key={part} className={fields[part] ? 'field field--error' : 'field'}>
              <label htmlFor={`assessment-${part}`}>{t(`trajectory.capacity.worker${part.charAt(0).toUpperCase()}${part.slice(1)}` as 'trajectory.capacity.workerCapacity')}</label>
              <textarea id={`assessment-${part}`} name={part} rows={3} maxLength={2000} required={part === 'capacity' || part === 'load'} aria-invalid={fields[part] ? true : undefined} />
              {fields[part] ? (
                <p className="field-error" role="alert">
                  {t('errors.validation_failed')}
                </p>
              ) : null}
            </div>
          ))}
          <fieldset>
            <legend>{t('trajectory.capacity.workerBalance')}</legend>
            {capacityBalances.map((balance, index) => (
              <label key={balance} className="choice">
                <input type="radio" name="balance" value={balance} defaultChecked={index === 1} /> {t(`trajectory.capacity.balance.${balance}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button--secondary">
            {t('trajectory.capacity.save')}
          </button>
        </Form>
        {assessments.length > 0 ? (
          <details>
            <summary>{t('trajectory.capacity.earlier')}</summary>
            {assessments.map((a) => (
              <article key={a.id} className="card">
                <p className="muted">{t('trajectory.capacity.by', { name: a.authorName ?? '', date: formatDate(locale, a.createdAt) })}</p>
                <p>
                  <strong>{t(`trajectory.capacity.balance.${a.balance}`)}</strong>
                </p>
                <p>{a.capacity}</p>
                <p>{a.load}</p>
                {a.risks ? <p>{a.risks}</p> : null}
                {a.safety ? <p>{a.safety}</p> : null}
              </article>
            ))}
          </details>
        ) : null}
      </section>
    </div>
  )
}
