import { formatDate, useLocale, useT } from '../lib/i18n'
import { modelName, phaseAbout, phaseName, recentPhaseChange, timelineRows, type TrajectorySeen } from '../lib/trajectory'

/** Each row's state by its own key: a key made from the group's name and the state would give the page every trajectory text. */
const stateKeys = { done: 'trajectory.done', now: 'trajectory.now', ahead: 'trajectory.ahead' } as const

/**
 * The trajectory as a simple list from top to bottom: what lies behind (with its dates), the phase
 * now (with its planned end and how often client and worker meet), what is still to come. Plain
 * HTML, so it reads the same without JavaScript and at 360 px.
 */
export function TrajectoryTimeline({ trajectory, audience }: { trajectory: TrajectorySeen; audience: 'client' | 'worker' }) {
  const t = useT()
  const locale = useLocale()
  const rows = timelineRows(trajectory)
  return (
    <section aria-labelledby="timeline-title" data-testid="trajectory">
      <h2 id="timeline-title">{audience === 'client' ? t('trajectory.timelineTitle') : t('trajectory.workerTimelineTitle')}</h2>
      {trajectory.model ? <p className="muted">{modelName(t, trajectory.model)}</p> : null}
      <ol className="timeline">
        {rows.map((row) => (
          <li key={row.id} className={`timeline-step timeline-step--${row.state}`} data-phase={row.id} data-state={row.state} aria-current={row.state === 'now' ? 'step' : undefined}>
            <p className="timeline-state">{t(stateKeys[row.state])}</p>
            <h3>{phaseName(t, row.id)}</h3>
            {row.state === 'now' ? (
              <>
                <p>{phaseAbout(t, row.id)}</p>
                <p className="muted">
                  {t('trajectory.startedOn', { date: formatDate(locale, row.phase.startedAt) })}
                  <br />
                  <strong data-testid="planned-end">{t('trajectory.plannedUntil', { date: formatDate(locale, row.phase.plannedEndAt) })}</strong>
                </p>
                <p className="muted">{t(`trajectory.contact.${row.phase.contact}`)}</p>
              </>
            ) : null}
            {row.state === 'done' && row.phase.endedAt ? <p className="muted">{t('trajectory.endedOn', { date: formatDate(locale, row.phase.endedAt) })}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

/** A phase change is marked with a sentence, not only a picture: it says what lies behind. */
export function PhaseMoment({ trajectory, audience, now }: { trajectory: TrajectorySeen; audience: 'client' | 'worker'; now: string }) {
  const t = useT()
  const locale = useLocale()
  const changed = recentPhaseChange(trajectory, new Date(now))
  if (!changed) return null
  const vars = { phase: phaseName(t, changed.id), date: formatDate(locale, changed.startedAt) }
  return (
    <section className="card phase-moment" aria-labelledby="moment-title" data-testid="phase-moment">
      <p aria-hidden="true" className="phase-moment-mark">
        ✦
      </p>
      <h2 id="moment-title">{t('trajectory.moment.title')}</h2>
      <p>{audience === 'client' ? t('trajectory.moment.client', vars) : t('trajectory.moment.worker', vars)}</p>
    </section>
  )
}

