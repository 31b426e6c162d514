import { desc, eq } from 'drizzle-orm'
import { capacityAssessments, users, type CapacityBalance } from '@kracht/db'
import type { Locale } from '@kracht/language'
import type { Deps } from '../../lib/env'
import { screenTexts } from '../safety-screen'

/**
 * The worker's capacity assessment (*taxatie van draagkracht*): what the client can carry, what
 * weighs on them, risk factors and, for women, their own and their children's safety. Kept apart
 * from the client's words (its own table, never in the inventory, the plan or a share) and shown to
 * the client when they ask for it (GDPR art. 15). A new assessment is a new row: none is edited.
 */

export interface AssessmentInput {
  capacity: string
  load: string
  risks: string
  safety: string
  balance: CapacityBalance
}

export async function listAssessments(deps: Deps, clientId: string) {
  const rows = await deps.db
    .select({ assessment: capacityAssessments, authorName: users.displayName })
    .from(capacityAssessments)
    .leftJoin(users, eq(users.id, capacityAssessments.authorId))
    .where(eq(capacityAssessments.clientId, clientId))
    .orderBy(desc(capacityAssessments.createdAt))
  return rows.map(({ assessment, authorName }) => ({
    id: assessment.id,
    capacity: assessment.capacity,
    load: assessment.load,
    risks: assessment.risks,
    safety: assessment.safety,
    balance: assessment.balance,
    authorName: authorName ?? null,
    createdAt: assessment.createdAt.toISOString(),
  }))
}

/** Saves a new assessment; what the worker wrote passes the crisis screen like every saved text. */
export async function addAssessment(deps: Deps, input: { clientId: string; authorId: string; locale: Locale; assessment: AssessmentInput }) {
  const [row] = await deps.db
    .insert(capacityAssessments)
    .values({ clientId: input.clientId, authorId: input.authorId, ...input.assessment, createdAt: deps.now() })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  const { capacity, load, risks, safety } = input.assessment
  const [saved] = (await listAssessments(deps, input.clientId)).filter((a) => a.id === row.id)
  return { assessment: saved, safety: screenTexts([capacity, load, risks, safety], input.locale) }
}
