import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import type { SubmissionResult } from '../forms/use-form'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { dutchDateTime } from '../lib/sharing-forms'
import { phaseName } from '../lib/trajectory'
import { WorkerTrajectoryForms } from '../lib/trajectory-forms'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { CapacityAssessment, PrepareMeeting, StartTrajectory } from '../components/trajectory-worker-forms'
import { loadAssessments, loadEvaluations, loadTeamMeetings, loadTrajectory } from '../lib/trajectory.server'
import { FormProblem, Notice } from '../components/field'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import { PhaseMoment, TrajectoryTimeline } from '../components/trajectory-timeline'
import { EvaluationList, MeetingList } from '../components/trajectory-together'

export const meta: MetaFunction = pageTitle('titles.traject')

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

type ActionResult = { intent: string; result: SubmissionResult<string[]> } | { saved: true; safety: ScreenData }

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const submission = parseSubmission(formData, WorkerTrajectoryForms)
  if (submission.status !== 'success') return data<ActionResult>({ intent, result: reply(submission) }, { status: 400 })
  const refused = async (response: Response) => data<ActionResult>({ intent, result: await replyWithProblem(submission, response) }, { status: response.status })
  const client = api(context, request).clients[':clientId']
  const param = { clientId }
  const form = submission.value
  switch (form.intent) {
    case 'start': {
      const response = await client.trajectory.$post({ param, json: { model: form.model } })
      if (!response.ok) return refused(response)
      throw redirect(`/clienten/${clientId}/traject?klaar=start`)
    }
    case 'next': {
      const response = await client.trajectory.next.$post({ param, json: form.from ? { from: form.from } : {} })
      if (!response.ok) return refused(response)
      throw redirect(`/clienten/${clientId}/traject?klaar=next`)
    }
    case 'evaluate': {
      const response = await client.evaluations.$post({ param })
      if (!response.ok) return refused(response)
      throw redirect(`/clienten/${clientId}/traject/terugkijken/${(await response.json()).id}`)
    }
    case 'prepare': {
      // datetime-local sends the worker's wall-clock time; it is read in Dutch time.
      const meetingAt = dutchDateTime(form.meetingAt)
      if (!meetingAt) return data<ActionResult>({ intent, result: reply(submission, { fields: { meetingAt: 'invalid_date' } }) }, { status: 400 })
      const response = await client['team-meetings'].$post({ param, json: { meetingAt } })
      if (!response.ok) return refused(response)
      throw redirect(`/clienten/${clientId}/traject/teambespreking/${(await response.json()).id}`)
    }
    case 'capacity': {
      const { intent: _, ...json } = form
      const response = await client['capacity-assessments'].$post({ param, json })
      if (!response.ok) return refused(response)
      return data<ActionResult>({ saved: true, safety: (await response.json()).safety })
    }
  }
}

export default function WorkerTrajectory() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const done = params.get('klaar')
  const back = (
    <p className="breadcrumb">
      <Link to={`/clienten/${loaded.clientId}`}>← {t('sharing.backToClient')}</Link>
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
  const refused = result && 'result' in result ? result : null
  const resultOf = (intent: string) => (refused?.intent === intent ? refused.result : null)
  // The buttons (next phase, look back together) carry no field: their problem stands above.
  const buttonProblem = refused && (refused.intent === 'next' || refused.intent === 'evaluate') ? (refused.result.error?.['']?.[0] ?? 'validation_failed') : null
  return (
    <div className="page page--narrow">
      {back}
      <h1>{t('trajectory.workerTitle')}</h1>
      <p className="lead">{t('trajectory.workerIntro')}</p>
      {done === 'start' && trajectory.phase ? <Notice>{t('trajectory.started', { phase: phaseName(t, trajectory.phase) })}</Notice> : null}
      <FormProblem code={buttonProblem} />
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
        <StartTrajectory result={resultOf('start')} />
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
          <PrepareMeeting shareUntil={t('trajectory.teamMeeting.worker.shareUntil', { date: formatDate(locale, meetings.shareEndsAt, true) })} result={resultOf('prepare')} />
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
        <CapacityAssessment key={assessments.length} result={resultOf('capacity')} />
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
