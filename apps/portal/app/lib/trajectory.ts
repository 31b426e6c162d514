import { hasKey, type Translator } from '@kracht/i18n'
import { phasesOf, isTrajectoryModel } from '@kracht/trajectory'

// Shared by the trajectory pages (browser and server): labels and the timeline's rows.

export function phaseName(t: Translator, id: string): string {
  const key = `trajectory.phases.${id}`
  return hasKey(key) ? t(key) : id
}

export function phaseAbout(t: Translator, id: string): string {
  const key = `trajectory.about.${id}`
  return hasKey(key) ? t(key) : ''
}

export function modelName(t: Translator, id: string): string {
  const key = `trajectory.models.${id}`
  return hasKey(key) ? t(key) : id
}

export interface PhaseSeen {
  id: string
  startedAt: string
  endedAt: string | null
  plannedEndAt: string
  contact: 'high' | 'medium' | 'low'
  warmHandOver: boolean
}

export interface TrajectorySeen {
  model: string | null
  phase: string | null
  phases: PhaseSeen[]
  nextPhase: string | null
}

export type TimelineRow =
  | { state: 'done' | 'now'; id: string; phase: PhaseSeen }
  | { state: 'ahead'; id: string; phase: null }

/** What lies behind, the phase now, and what is still to come, in the model's order. */
export function timelineRows(trajectory: TrajectorySeen): TimelineRow[] {
  if (!trajectory.model || !isTrajectoryModel(trajectory.model)) return []
  const seen: TimelineRow[] = trajectory.phases.map((phase) => ({ state: phase.endedAt ? 'done' : 'now', id: phase.id, phase }))
  const reached = new Set(trajectory.phases.map((p) => p.id))
  const ahead: TimelineRow[] = phasesOf(trajectory.model)
    .filter((p) => !reached.has(p.id))
    .map((p) => ({ state: 'ahead', id: p.id, phase: null }))
  return [...seen, ...ahead]
}

/** A phase change is a moment worth marking for this long after it happened. */
const MOMENT_DAYS = 14

/** The current phase, when it began recently and is not the first: the page marks it warmly. */
export function recentPhaseChange(trajectory: TrajectorySeen, now: Date): PhaseSeen | null {
  const current = trajectory.phases.at(-1)
  if (!current || trajectory.phases.length < 2 || current.endedAt) return null
  return now.getTime() - new Date(current.startedAt).getTime() <= MOMENT_DAYS * 86_400_000 ? current : null
}
