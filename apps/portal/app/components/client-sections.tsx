import { Link } from '@remix-run/react'
import { useT } from '../lib/i18n'

type Scope = 'safety_plan' | 'action_plan' | 'network' | 'messages' | 'livelihood'

/**
 * The other parts of a client a worker or peer expert may open: only those the client shares with
 * them (a link that would end in "not shared" is not shown), and the trajectory for the worker,
 * which is the care arrangement rather than the client's words.
 */
/** Every scope a client shares with the viewer (an entry of `/me/shared-with-me`), and messages when the viewer may read them. */
export function sharedScopesOf(entry: { shares: { scopes: readonly string[] }[]; canReadMessages: boolean }): string[] {
  return [...new Set([...entry.shares.flatMap((share) => share.scopes), ...(entry.canReadMessages ? ['messages'] : [])])]
}

/** The pages about one client beside the strengths, each opened by a scope (the trajectory: a worker's own). */
export function sectionLinks(t: ReturnType<typeof useT>): { scope: Scope | 'trajectory'; to: string; label: string }[] {
  return [
    { scope: 'safety_plan', to: 'signaleringsplan', label: t('safety.plan.workerLink') },
    { scope: 'action_plan', to: 'actieplan', label: t('plan.worker.titleNoName') },
    { scope: 'network', to: 'netwerk', label: t('network.worker.link') },
    { scope: 'messages', to: 'berichten', label: t('messages.title') },
    { scope: 'livelihood', to: 'brug', label: t('livelihood.worker.link') },
    { scope: 'trajectory', to: 'traject', label: t('trajectory.linkWorker') },
  ]
}

export function ClientSections({ clientId, scopes, role }: { clientId: string; scopes: readonly string[]; role: string }) {
  const t = useT()
  const shown = sectionLinks(t).filter((link) => (link.scope === 'trajectory' ? role === 'worker' : scopes.includes(link.scope)))
  if (shown.length === 0) return null
  return (
    <nav aria-label={t('sharing.moreOfClient')} className="client-sections">
      <ul className="plain-list">
        {shown.map((link) => (
          <li key={link.to}>
            <Link to={`/clienten/${clientId}/${link.to}`}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
