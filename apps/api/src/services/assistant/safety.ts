// Safety: the client sees that the screen fired; the worker hears only on the client's "yes".
import { desc, eq } from 'drizzle-orm'
import { clientWorkers, safetyEvents, type SafetyChoice } from '@kracht/db'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'
import { notifySafetyContact } from '../notifications/safety-contact'
import { findConversation, latestSafetyEvent } from './conversations'
import { facilitatorOf, safetyEventOf, type Caller, type SafetyEventView } from './views'

export interface SafetyChoiceResult {
  event: SafetyEventView
  /** How many workers were told now (0 on "no", or when no worker is linked). */
  workersNotified: number
  /** False when the client asked, but has no worker linked in Kracht. */
  hasWorker: boolean
}

export async function recordSafetyChoice(
  deps: Deps,
  input: { caller: Caller; conversationId: string; notifyWorker: boolean },
): Promise<SafetyChoiceResult> {
  const { clientId } = input.caller
  const conversation = await findConversation(deps, clientId, input.conversationId, facilitatorOf(input.caller))
  const event = await latestSafetyEvent(deps, conversation.id)
  if (!event) throw new AppError('not_found', 'No help card was shown in this conversation.')
  const now = deps.now()
  const workers = await deps.db.select({ id: clientWorkers.workerId }).from(clientWorkers).where(eq(clientWorkers.clientId, clientId))
  return deps.db.transaction(async (tx) => {
    const choice: SafetyChoice = input.notifyWorker ? 'notify_worker' : 'no_notification'
    // A worker is told once per event, however often the client taps "yes".
    const notify = input.notifyWorker && !event.workerNotifiedAt && workers.length > 0
    if (notify) {
      await notifySafetyContact(tx, { recipientIds: workers.map((w) => w.id), clientId, safetyEventId: event.id, now })
    }
    const [updated] = await tx
      .update(safetyEvents)
      .set({ clientChoice: choice, choiceAt: now, ...(notify ? { workerNotifiedAt: now } : {}) })
      .where(eq(safetyEvents.id, event.id))
      .returning()
    if (!updated) throw new Error('update returned nothing')
    return { event: safetyEventOf(updated), workersNotified: notify ? workers.length : 0, hasWorker: workers.length > 0 }
  })
}

export async function listSafetyEvents(deps: Deps, clientId: string): Promise<SafetyEventView[]> {
  const rows = await deps.db.select().from(safetyEvents).where(eq(safetyEvents.clientId, clientId)).orderBy(desc(safetyEvents.createdAt)).limit(200)
  return rows.map(safetyEventOf)
}
