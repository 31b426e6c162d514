import { Link } from '@remix-run/react'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { phaseName } from '../lib/trajectory'

interface EvaluationRow {
  id: string
  phase: string
  createdAt: string
  closed: boolean
}

interface MeetingRow {
  id: string
  meetingAt: string
}

/** The evaluations together, newest first: earlier ones stay readable. `base`: the page they open under. */
export function EvaluationList({ evaluations, base }: { evaluations: EvaluationRow[]; base: string }) {
  const t = useT()
  const locale = useLocale()
  if (evaluations.length === 0) return <p className="muted">{t('trajectory.evaluation.listEmpty')}</p>
  return (
    <ul className="together-list" data-testid="evaluations">
      {evaluations.map((evaluation) => (
        <li key={evaluation.id} className="card">
          <p>
            <strong>{phaseName(t, evaluation.phase)}</strong> · {formatDate(locale, evaluation.createdAt)}
          </p>
          <p className="muted">{evaluation.closed ? t('trajectory.evaluation.closedOn') : t('trajectory.evaluation.waiting')}</p>
          <Link to={`${base}/${evaluation.id}`}>{t('trajectory.evaluation.open')}</Link>
        </li>
      ))}
    </ul>
  )
}

/** The team meetings, newest first. */
export function MeetingList({ meetings, base }: { meetings: MeetingRow[]; base: string }) {
  const t = useT()
  const locale = useLocale()
  if (meetings.length === 0) return <p className="muted">{t('trajectory.teamMeeting.listEmpty')}</p>
  return (
    <ul className="together-list" data-testid="team-meetings">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="card">
          <p>{t('trajectory.teamMeeting.on', { date: formatDate(locale, meeting.meetingAt, true) })}</p>
          <Link to={`${base}/${meeting.id}`}>{t('trajectory.teamMeeting.open')}</Link>
        </li>
      ))}
    </ul>
  )
}
