import { hasKey, type MessageKey, type Vars } from '@kracht/i18n'

/** The fields of an access-log entry the page needs to say what happened. */
export interface LogEntryFacts {
  actorId: string | null
  actorName: string | null
  action: string
  scope: string
  resource: string
  outcome: string
  basis: string
}

/**
 * What one entry of "Wie heeft mijn gegevens bekeken" says, in plain words: the kinds of entry
 * beyond reading a part of the inventory (the AI help, a message, a list, a new sign-in code …).
 * Null: the general "… bekeek …" / "… probeerde … te bekijken" line fits.
 */
export function describeLogEntry(entry: LogEntryFacts, clientId: string, someone: string): { key: MessageKey; vars: Vars } | null {
  const name = entry.actorName ?? someone
  // The client's own rights (the whole file, deleting the account): theirs alone, so others only try.
  if (entry.scope === 'account') {
    if (entry.outcome !== 'allowed') return { key: 'accessLog.accountTried', vars: { name } }
    if (entry.resource === 'export') return { key: 'accessLog.exported', vars: {} }
    if (entry.resource === 'account_end') return { key: 'accessLog.accountEnded', vars: { name } }
  }
  if (entry.outcome !== 'allowed') return null
  if (entry.resource === 'ai_model') {
    return entry.actorId && entry.actorId !== clientId ? { key: 'accessLog.aiModelWith', vars: { name } } : { key: 'accessLog.aiModel', vars: {} }
  }
  if (entry.resource.startsWith('access_reset:')) {
    if (entry.basis === 'first_sign_in_after_reset') return { key: 'accessLog.resetUsed', vars: {} }
    if (entry.basis === 'access_reset_approved') return { key: 'accessLog.resetApproved', vars: { name } }
    return { key: 'accessLog.resetCreated', vars: { name } }
  }
  if (entry.resource.startsWith('worker_link:')) {
    return { key: entry.action === 'delete' ? 'accessLog.workerUnlinked' : 'accessLog.workerLinked', vars: { name } }
  }
  if (entry.scope === 'notifications') return { key: 'accessLog.notifications', vars: { name } }
  if (entry.scope === 'organisation' && entry.resource === 'people') return { key: 'accessLog.peopleList', vars: { name } }
  if (entry.resource === 'client_workers') return { key: 'accessLog.clientWorkers', vars: { name } }
  if (entry.scope === 'access_log' && entry.actorId === clientId) return { key: 'accessLog.logRead', vars: {} }
  return null
}

/**
 * The name of the part someone looked at, for "… bekeek …": a part the client shares by name (Mijn
 * krachten), else the other parts in plain words (Mijn traject), never a code such as team_meeting.
 */
export function logPartKey(scope: string): MessageKey {
  const shared = `sharing.scopes.${scope}`
  if (hasKey(shared)) return shared
  const other = `accessLog.scopes.${scope}`
  return hasKey(other) ? other : 'accessLog.scopes.other'
}
