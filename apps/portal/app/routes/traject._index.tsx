import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { loadEvaluations, loadTeamMeetings, loadTrajectory } from '../lib/trajectory.server'
import { PhaseMoment, TrajectoryTimeline } from '../components/trajectory-timeline'
import { EvaluationList, MeetingList } from '../components/trajectory-together'

export const meta: MetaFunction = pageTitle('titles.mijnTraject')

/** The client's own trajectory: the phase now, its planned end, what lies behind and ahead. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const [trajectory, evaluations, meetings] = await Promise.all([
    loadTrajectory(request, context, user.id),
    loadEvaluations(request, context, user.id),
    loadTeamMeetings(request, context, user.id),
  ])
  if (!trajectory || !evaluations || !meetings) throw new Response('unavailable', { status: 503 })
  return { trajectory, evaluations: evaluations.evaluations, meetings: meetings.meetings, now: new Date().toISOString() }
}

export default function MyTrajectory() {
  const t = useT()
  const { trajectory, evaluations, meetings, now } = useLoaderData<typeof loader>()
  return (
    <div className="page page--narrow">
      <h1>{t('trajectory.title')}</h1>
      <p className="lead">{t('trajectory.intro')}</p>
      {trajectory.model ? (
        <>
          <PhaseMoment trajectory={trajectory} audience="client" now={now} />
          <TrajectoryTimeline trajectory={trajectory} audience="client" />
        </>
      ) : (
        <p data-testid="no-trajectory">{t('trajectory.notStarted')}</p>
      )}
      <section aria-labelledby="evaluations-title">
        <h2 id="evaluations-title">{t('trajectory.evaluation.listTitle')}</h2>
        <EvaluationList evaluations={evaluations} base="/traject/terugkijken" />
      </section>
      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t('trajectory.teamMeeting.listTitle')}</h2>
        <p className="muted">{t('trajectory.teamMeeting.intro')}</p>
        <MeetingList meetings={meetings} base="/traject/teambespreking" />
      </section>
      <p>
        <Link to="/traject/draagkracht">{t('trajectory.capacity.clientLink')}</Link>
      </p>
    </div>
  )
}
