/**
 * The trajectory (*begeleidingstraject*) of the three methods Kracht serves, as plain data: the
 * phases in order, how long each is planned to last, how intense the contact is, and which phase
 * is a moment to evaluate together. Sources: DOMAIN.md and the seeds (Krachtwerk brochure and
 * training slides, CTI in a nutshell, Futuro's ICM description).
 */

export const trajectoryModels = ['krachtwerk', 'cti', 'icm'] as const
export type TrajectoryModel = (typeof trajectoryModels)[number]

/** How often worker and client meet, relative to the model's start (CTI: it decreases each phase). */
export type ContactIntensity = 'high' | 'medium' | 'low'

export interface PhaseDefinition {
  /** Stable id (API, database, catalogue keys). */
  id: string
  /** Planned length in days; the planned end is the phase's start plus this. */
  plannedDays: number
  contact: ContactIntensity
  /** Client and worker go through the evaluation checklist together in this phase. */
  evaluation: boolean
  /** The phase ends with a warm hand-over to the people who stay (CTI's transfer). */
  warmHandOver: boolean
}

export interface ModelDefinition {
  id: TrajectoryModel
  phases: readonly PhaseDefinition[]
}

const phase = (id: string, plannedDays: number, contact: ContactIntensity, extra: Partial<Pick<PhaseDefinition, 'evaluation' | 'warmHandOver'>> = {}): PhaseDefinition => ({
  id,
  plannedDays,
  contact,
  evaluation: extra.evaluation ?? false,
  warmHandOver: extra.warmHandOver ?? false,
})

/**
 * Krachtwerk: focus (meet and connect, the strengths inventory, the capacity assessment, goals and
 * action plan), recovery support, then evaluation and closing. The method sets no fixed lengths;
 * these are planning defaults a worker reads as "about when we look again".
 */
const krachtwerk: ModelDefinition = {
  id: 'krachtwerk',
  phases: [phase('focus', 91, 'high'), phase('recovery_support', 182, 'medium'), phase('evaluation_closing', 42, 'medium', { evaluation: true })],
}

/**
 * Critical Time Intervention: three phases of about three months (nine in all), each with less
 * contact than the one before; the last hands the support over, warmly, to the people who stay.
 */
const cti: ModelDefinition = {
  id: 'cti',
  phases: [phase('structuring', 91, 'high'), phase('testing', 91, 'medium'), phase('transfer', 91, 'low', { evaluation: true, warmHandOver: true })],
}

/**
 * Intensive Case Management (Futuro): seven phases over six to nine months, weekly contact, then
 * aftercare after closing.
 */
const icm: ModelDefinition = {
  id: 'icm',
  phases: [
    phase('referral', 7, 'high'),
    phase('intake', 21, 'high'),
    phase('guidance', 84, 'high'),
    phase('first_evaluation', 42, 'high', { evaluation: true }),
    phase('second_evaluation', 42, 'medium', { evaluation: true }),
    phase('closing', 28, 'medium'),
    phase('aftercare', 56, 'low'),
  ],
}

export const phaseModels: Readonly<Record<TrajectoryModel, ModelDefinition>> = { krachtwerk, cti, icm }

export function isTrajectoryModel(value: unknown): value is TrajectoryModel {
  return typeof value === 'string' && (trajectoryModels as readonly string[]).includes(value)
}

export const phasesOf = (model: TrajectoryModel): readonly PhaseDefinition[] => phaseModels[model].phases

export const firstPhase = (model: TrajectoryModel): PhaseDefinition => phaseModels[model].phases[0] as PhaseDefinition

/** The phase of a model by id, or null when the model has no such phase. */
export function phaseOf(model: TrajectoryModel, phaseId: string): PhaseDefinition | null {
  return phaseModels[model].phases.find((p) => p.id === phaseId) ?? null
}

/** The phase after this one, or null after the last (the trajectory then stays in its last phase). */
export function nextPhase(model: TrajectoryModel, phaseId: string): PhaseDefinition | null {
  const phases = phaseModels[model].phases
  const index = phases.findIndex((p) => p.id === phaseId)
  if (index < 0) throw new Error(`${model} has no phase ${phaseId}`)
  return phases[index + 1] ?? null
}

const DAY = 86_400_000

/** When a phase that started at `startedAt` is planned to end. */
export function plannedEnd(model: TrajectoryModel, phaseId: string, startedAt: Date): Date {
  const found = phaseOf(model, phaseId)
  if (!found) throw new Error(`${model} has no phase ${phaseId}`)
  return new Date(startedAt.getTime() + found.plannedDays * DAY)
}

/** The whole planned length of a model in days. */
export const plannedDaysOf = (model: TrajectoryModel): number => phaseModels[model].phases.reduce((sum, p) => sum + p.plannedDays, 0)
