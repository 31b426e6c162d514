// A worker hears that the client asked to be contacted after a hard moment: who and when, no text.
import { notifications, type Database } from '@kracht/db'

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

/** Written inside the caller's transaction, so the safety event and its notifications land together. */
export async function notifySafetyContact(
  tx: Tx,
  input: { recipientIds: readonly string[]; clientId: string; safetyEventId: string; now: Date },
): Promise<void> {
  if (input.recipientIds.length === 0) return
  await tx.insert(notifications).values(
    input.recipientIds.map((recipientId) => ({
      recipientId,
      clientId: input.clientId,
      kind: 'safety_contact' as const,
      data: { safetyEventId: input.safetyEventId },
      createdAt: input.now,
    })),
  )
}
