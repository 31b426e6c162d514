import { and, asc, eq, isNull } from 'drizzle-orm'
import { trajectories, trajectoryPhases, type Trajectory } from '@kracht/db'
import { firstPhase, nextPhase, phaseOf, plannedEnd, type TrajectoryModel } from '@kracht/trajectory'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'

/**
 * A client's trajectory: which model, which phase now, and the phases behind it. Phases are the
 * care arrangement (not the client's words), so the linked worker moves them on; the gate logs it.
 */

export interface PhaseView {
  id: string
  startedAt: string
  endedAt: string | null
  /** When the phase was planned to end (its start plus the model's planned length). */
  plannedEndAt: string
  evaluation: boolean
  contact: 'high' | 'medium' | 'low'
  warmHandOver: boolean
}

export interface TrajectoryView {
  model: TrajectoryModel | null
  phase: string | null
  phases: PhaseView[]
  startedAt: string | null
  /** The phase after the current one, or null after the last (or before a start). */
  nextPhase: string | null
}

const none: TrajectoryView = { model: null, phase: null, phases: [], startedAt: null, nextPhase: null }

async function find(deps: Deps, clientId: string): Promise<Trajectory | null> {
  const [row] = await deps.db.select().from(trajectories).where(eq(trajectories.clientId, clientId))
  return row ?? null
}

export async function getTrajectory(deps: Deps, clientId: string): Promise<TrajectoryView> {
  const trajectory = await find(deps, clientId)
  if (!trajectory) return none
  const rows = await deps.db.select().from(trajectoryPhases).where(eq(trajectoryPhases.trajectoryId, trajectory.id)).orderBy(asc(trajectoryPhases.startedAt))
  const model = trajectory.model
  const phases = rows.map((row): PhaseView => {
    const definition = phaseOf(model, row.phase)
    return {
      id: row.phase,
      startedAt: row.startedAt.toISOString(),
      endedAt: row.endedAt ? row.endedAt.toISOString() : null,
      plannedEndAt: plannedEnd(model, row.phase, row.startedAt).toISOString(),
      evaluation: definition?.evaluation ?? false,
      contact: definition?.contact ?? 'medium',
      warmHandOver: definition?.warmHandOver ?? false,
    }
  })
  const current = rows.find((row) => row.endedAt === null) ?? rows[rows.length - 1]
  return {
    model,
    phase: current?.phase ?? null,
    phases,
    startedAt: trajectory.startedAt.toISOString(),
    nextPhase: current ? (nextPhase(model, current.phase)?.id ?? null) : null,
  }
}

/** Starts the trajectory in the model's first phase. One per client: a second start changes nothing. */
export async function startTrajectory(deps: Deps, input: { clientId: string; model: TrajectoryModel; workerId: string }): Promise<TrajectoryView> {
  const now = deps.now()
  await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(trajectories)
      .values({ clientId: input.clientId, model: input.model, startedById: input.workerId, startedAt: now })
      .onConflictDoNothing()
      .returning()
    if (!created) throw new AppError('trajectory_exists', 'This client already has a trajectory.')
    await tx.insert(trajectoryPhases).values({ trajectoryId: created.id, phase: firstPhase(input.model).id, startedById: input.workerId, startedAt: now })
  })
  return getTrajectory(deps, input.clientId)
}

/**
 * Ends the current phase and opens the next one, in one transaction. `from` is the phase the
 * worker saw: a second tap (or a colleague who moved on first) then changes nothing.
 */
export async function moveToNextPhase(deps: Deps, input: { clientId: string; workerId: string; from?: string | undefined }): Promise<TrajectoryView> {
  const trajectory = await find(deps, input.clientId)
  if (!trajectory) throw new AppError('trajectory_not_started', 'This client has no trajectory yet.')
  const now = deps.now()
  await deps.db.transaction(async (tx) => {
    const [open] = await tx
      .select()
      .from(trajectoryPhases)
      .where(and(eq(trajectoryPhases.trajectoryId, trajectory.id), isNull(trajectoryPhases.endedAt)))
      .for('update')
    if (!open) throw new AppError('trajectory_last_phase', 'The trajectory is in its last phase.')
    if (input.from && input.from !== open.phase) throw new AppError('phase_changed', 'The phase changed since you looked. Look again.')
    const next = nextPhase(trajectory.model, open.phase)
    if (!next) throw new AppError('trajectory_last_phase', 'The trajectory is in its last phase; there is no next phase.')
    const [ended] = await tx
      .update(trajectoryPhases)
      .set({ endedAt: now })
      .where(and(eq(trajectoryPhases.id, open.id), isNull(trajectoryPhases.endedAt)))
      .returning()
    if (!ended) throw new AppError('phase_changed', 'The phase changed since you looked. Look again.')
    await tx.insert(trajectoryPhases).values({ trajectoryId: trajectory.id, phase: next.id, startedById: input.workerId, startedAt: now })
  })
  return getTrajectory(deps, input.clientId)
}

/** The client's trajectory and its current phase, for evaluations (null before a start). */
export async function currentPhase(deps: Deps, clientId: string): Promise<{ trajectory: Trajectory; phase: string } | null> {
  const trajectory = await find(deps, clientId)
  if (!trajectory) return null
  const [open] = await deps.db
    .select()
    .from(trajectoryPhases)
    .where(and(eq(trajectoryPhases.trajectoryId, trajectory.id), isNull(trajectoryPhases.endedAt)))
  return open ? { trajectory, phase: open.phase } : null
}
