import { Link, useParams } from '@remix-run/react'
import { useT } from '../../lib/i18n'

/** On a worker's page about a client: the way to the client's action plan (shown if it is shared). */
export function PlanLink() {
  const t = useT()
  const { clientId } = useParams()
  if (!clientId) return null
  return (
    <p>
      <Link to={`/clienten/${clientId}/actieplan`}>{t('plan.title')}</Link>
    </p>
  )
}
