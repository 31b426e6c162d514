import { and, asc, desc, eq } from 'drizzle-orm'
import { bridgePillars, bridgePlacements, type BridgePlacement } from '@kracht/db'
import type { BridgePillar } from '@kracht/method'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'

export interface PlacementView {
  id: string
  pillar: BridgePillar
  step: number
  nextStep: number | null
  note: string | null
  version: number
  placedAt: string
  updatedAt: string
}

export interface PillarView {
  pillar: BridgePillar
  /** Where the client stands now: the newest placement; null before the first. */
  current: PlacementView | null
  /** Every placement on this pillar, oldest first (the current one last). */
  history: PlacementView[]
}

export interface BridgeView {
  clientId: string
  pillars: PillarView[]
}

export const placementView = (row: BridgePlacement): PlacementView => ({
  id: row.id,
  pillar: row.pillar,
  step: row.step,
  nextStep: row.nextStep,
  note: row.note,
  version: row.version,
  placedAt: row.placedAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
})

/** The client's bridge: the five pillars in their fixed order, each with its placements over time. */
export async function getBridge(deps: Deps, clientId: string): Promise<BridgeView> {
  const rows = await deps.db
    .select()
    .from(bridgePlacements)
    .where(eq(bridgePlacements.clientId, clientId))
    .orderBy(asc(bridgePlacements.placedAt), asc(bridgePlacements.id))
  return {
    clientId,
    pillars: bridgePillars.map((pillar) => {
      const history = rows.filter((row) => row.pillar === pillar).map(placementView)
      return { pillar, current: history.at(-1) ?? null, history }
    }),
  }
}

export interface NewPlacement {
  pillar: BridgePillar
  step: number
  nextStep: number | null
  note: string | null
  /** The placement the client saw as current on this pillar (null: none yet). Another one means a stale page. */
  after: string | null
}

/**
 * A new placement on one pillar: a new version of the bridge, the earlier ones stay. When the page
 * the client placed from is stale (a placement was added or removed since), nothing is saved and
 * the answer is version_conflict, so two tabs never silently overwrite where the client stands.
 */
export async function addPlacement(deps: Deps, clientId: string, input: NewPlacement): Promise<PlacementView> {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ id: bridgePlacements.id })
      .from(bridgePlacements)
      .where(and(eq(bridgePlacements.clientId, clientId), eq(bridgePlacements.pillar, input.pillar)))
      .orderBy(desc(bridgePlacements.placedAt), desc(bridgePlacements.id))
      .limit(1)
      .for('update')
    if ((latest?.id ?? null) !== input.after) {
      throw new AppError('version_conflict', 'Your bridge was changed somewhere else. Nothing was saved; load it again.')
    }
    const [row] = await tx
      .insert(bridgePlacements)
      .values({ clientId, pillar: input.pillar, step: input.step, nextStep: input.nextStep, note: input.note, placedAt: now, updatedAt: now })
      .returning()
    if (!row) throw new Error('insert returned nothing')
    return placementView(row)
  })
}

/** The client changes one placement (a slip of the finger, a better word) on the version they saw. */
export async function updatePlacement(
  deps: Deps,
  clientId: string,
  placementId: string,
  input: { version: number; step?: number | undefined; nextStep?: number | null | undefined; note?: string | null | undefined },
): Promise<PlacementView> {
  const { version, ...patch } = input
  const [row] = await deps.db
    .update(bridgePlacements)
    .set({ ...patch, version: version + 1, updatedAt: deps.now() })
    .where(and(eq(bridgePlacements.id, placementId), eq(bridgePlacements.clientId, clientId), eq(bridgePlacements.version, version)))
    .returning()
  if (row) return placementView(row)
  await assertExists(deps, clientId, placementId)
  throw new AppError('version_conflict', 'This placement was changed somewhere else. Nothing was overwritten; load it again.')
}

/** The client removes one placement for good (it is theirs): the bridge then shows the one before it. */
export async function removePlacement(deps: Deps, clientId: string, placementId: string, version: number): Promise<void> {
  const removed = await deps.db
    .delete(bridgePlacements)
    .where(and(eq(bridgePlacements.id, placementId), eq(bridgePlacements.clientId, clientId), eq(bridgePlacements.version, version)))
    .returning({ id: bridgePlacements.id })
  if (removed.length > 0) return
  await assertExists(deps, clientId, placementId)
  throw new AppError('version_conflict', 'This placement was changed somewhere else. Nothing was removed; load it again.')
}

async function assertExists(deps: Deps, clientId: string, placementId: string) {
  const [found] = await deps.db
    .select({ id: bridgePlacements.id })
    .from(bridgePlacements)
    .where(and(eq(bridgePlacements.id, placementId), eq(bridgePlacements.clientId, clientId)))
  if (!found) throw new AppError('not_found', 'No such placement.')
}
