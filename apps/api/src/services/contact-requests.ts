import { and, asc, desc, eq, gt, isNull, or } from 'drizzle-orm'
import { careSessionAttendees, careSessions, notifications, users } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps } from '../lib/env'

/**
 * A client asked, after a help card, that their worker get in touch. The worker's home shows who
 * asked, when, and how to reach them (the next session the two of them have planned), never the
 * client's words; "contact gehad" closes it.
 */
export interface ContactRequest {
  id: string
  clientId: string
  clientName: string
  createdAt: string
  nextSession: { id: string; title: string; startsAt: string } | null
}

export async function openContactRequests(deps: Deps, workerId: string): Promise<ContactRequest[]> {
  const rows = await deps.db
    .select({ id: notifications.id, clientId: notifications.clientId, clientName: users.displayName, createdAt: notifications.createdAt })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.clientId))
    .where(and(eq(notifications.recipientId, workerId), eq(notifications.kind, 'safety_contact'), isNull(notifications.readAt)))
    .orderBy(desc(notifications.createdAt))
    .limit(50)
  const result: ContactRequest[] = []
  for (const row of rows) {
    if (!row.clientId) continue
    const [next] = await deps.db
      .select({ id: careSessions.id, title: careSessions.title, startsAt: careSessions.startsAt })
      .from(careSessions)
      .innerJoin(careSessionAttendees, eq(careSessionAttendees.sessionId, careSessions.id))
      .where(
        and(
          eq(careSessionAttendees.clientId, row.clientId),
          or(eq(careSessions.workerId, workerId), eq(careSessions.peerId, workerId)),
          isNull(careSessions.cancelledAt),
          gt(careSessions.startsAt, deps.now()),
        ),
      )
      .orderBy(asc(careSessions.startsAt))
      .limit(1)
    result.push({
      id: row.id,
      clientId: row.clientId,
      clientName: row.clientName,
      createdAt: row.createdAt.toISOString(),
      nextSession: next ? { id: next.id, title: next.title, startsAt: next.startsAt.toISOString() } : null,
    })
  }
  return result
}

/** "Contact gehad": the request is done. Only its recipient can close it; closing twice is fine. */
export async function markContactHad(deps: Deps, input: { recipientId: string; notificationId: string }) {
  const [row] = await deps.db
    .select({ id: notifications.id, readAt: notifications.readAt, clientId: notifications.clientId })
    .from(notifications)
    .where(and(eq(notifications.id, input.notificationId), eq(notifications.recipientId, input.recipientId)))
  if (!row) throw new AppError('not_found', 'No such notification.')
  const readAt = row.readAt ?? deps.now()
  if (!row.readAt) await deps.db.update(notifications).set({ readAt }).where(eq(notifications.id, row.id))
  return { id: row.id, clientId: row.clientId, readAt: readAt.toISOString() }
}
