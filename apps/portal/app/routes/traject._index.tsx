import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '../lib/auth.server'
import { useT } from '../lib/i18n'
import { loadTrajectory } from '../lib/trajectory.server'
import { PhaseMoment, TrajectoryTimeline } from '../components/trajectory-timeline'

export const meta: MetaFunction = () => [{ title: 'Mijn traject – Kracht' }]

/** The client's own trajectory: the phase now, its planned end, what lies behind and ahead. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const trajectory = await loadTrajectory(request, context, user.id)
  if (!trajectory) throw new Response('unavailable', { status: 503 })
  return { trajectory, now: new Date().toISOString() }
}

export default function MyTrajectory() {
  const t = useT()
  const { trajectory, now } = useLoaderData<typeof loader>()
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
      <p>
        <Link to="/traject/draagkracht">{t('trajectory.capacity.clientLink')}</Link>
      </p>
    </div>
  )
}
