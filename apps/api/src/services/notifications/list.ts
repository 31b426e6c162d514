// A user's notifications: only who and when, never a client's words.
import { desc, eq } from 'drizzle-orm'
import { notifications, users } from '@kracht/db'
import type { Deps } from '../../lib/env'

const iso = (date: Date | null) => (date ? date.toISOString() : null)

export interface NotificationView {
  id: string
  kind: 'safety_contact'
  clientId: string | null
  clientName: string | null
  createdAt: string
  readAt: string | null
}

/** A user's own notifications, newest first. No client text: only who and when. */
export async function listNotifications(deps: Deps, recipientId: string): Promise<NotificationView[]> {
  const rows = await deps.db
    .select({ n: notifications, clientName: users.displayName })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.clientId))
    .where(eq(notifications.recipientId, recipientId))
    .orderBy(desc(notifications.createdAt))
    .limit(200)
  return rows.map(({ n, clientName }) => ({
    id: n.id,
    kind: n.kind,
    clientId: n.clientId,
    clientName,
    createdAt: n.createdAt.toISOString(),
    readAt: iso(n.readAt),
  }))
}
