import { and, eq, isNull } from 'drizzle-orm'
import { users } from '@kracht/db'
import type { Actor, Deps } from '../../lib/env'
import { writeAccessLog } from '../../lib/access-log'
import { endAllSessions } from '../../auth/sessions'

/**
 * A coordinator ends a client's account when the care has ended: from now on the client cannot
 * sign in and their sessions end. Nothing is erased yet: the organisation's retention period
 * (`retention_days`) starts counting now, and the daily job erases the data when it has passed.
 * (A client who wants their data gone sooner deletes their own account before this.) The client's
 * organisation was checked by the route's gate. Logged in the client's log: it is about them.
 */
export async function endClientAccount(deps: Deps, input: { actor: Actor; clientId: string }): Promise<{ endedAt: Date }> {
  const now = deps.now()
  await deps.db.update(users).set({ deactivatedAt: now }).where(and(eq(users.id, input.clientId), isNull(users.deactivatedAt), isNull(users.erasedAt)))
  const [row] = await deps.db.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, input.clientId))
  await endAllSessions(deps, input.clientId)
  await writeAccessLog(deps, { actor: input.actor, clientId: input.clientId, action: 'update', scope: 'account', resource: 'account_end', outcome: 'allowed', basis: 'coordinator' })
  return { endedAt: row?.deactivatedAt ?? now }
}
