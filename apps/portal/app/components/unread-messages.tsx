import { Link } from '@remix-run/react'
import { usePlural, useT } from '../lib/i18n'

interface Props {
  role: 'client' | 'worker' | 'peer' | 'admin'
  unread: { total: number; threads: { clientId: string; displayName: string; unread: number }[] }
}

/** The home page's line about new messages: to the client's own thread, or per client for staff. */
export function UnreadMessagesNotice({ role, unread }: Props) {
  const t = useT()
  const plural = usePlural()
  if (unread.total === 0) return null
  if (role === 'client') {
    return (
      <p className="notice" data-testid="unread-messages">
        <Link to="/berichten">{plural('messages.unread', unread.total)}</Link>
      </p>
    )
  }
  return (
    <div className="notice" data-testid="unread-messages">
      <p>{plural('messages.unread', unread.total)}</p>
      <ul className="plain-list">
        {unread.threads.map((thread) => (
          <li key={thread.clientId}>
            <Link to={`/clienten/${thread.clientId}/berichten`}>{t('messages.unreadFrom', { name: thread.displayName, count: thread.unread })}</Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
