import { describe, expect, it } from 'vitest'
import { firstPhase, isTrajectoryModel, nextPhase, phaseOf, phasesOf, plannedDaysOf, plannedEnd, trajectoryModels } from './models'

const DAY = 86_400_000
const start = new Date('2026-01-05T09:00:00Z')
const ids = (model: Parameters<typeof phasesOf>[0]) => phasesOf(model).map((p) => p.id)

describe('Krachtwerk', () => {
  it('has focus, recovery support, evaluation and closing', () => {
    expect(ids('krachtwerk')).toEqual(['focus', 'recovery_support', 'evaluation_closing'])
  })
  it('moves on in order and stops after evaluation and closing', () => {
    expect(firstPhase('krachtwerk').id).toBe('focus')
    expect(nextPhase('krachtwerk', 'focus')?.id).toBe('recovery_support')
    expect(nextPhase('krachtwerk', 'recovery_support')?.id).toBe('evaluation_closing')
    expect(nextPhase('krachtwerk', 'evaluation_closing')).toBeNull()
  })
  it('plans each phase and evaluates at the end', () => {
    expect(plannedEnd('krachtwerk', 'focus', start).getTime() - start.getTime()).toBe(91 * DAY)
    expect(phasesOf('krachtwerk').filter((p) => p.evaluation).map((p) => p.id)).toEqual(['evaluation_closing'])
  })
})

describe('Critical Time Intervention', () => {
  it('has structuring, testing and transfer', () => {
    expect(ids('cti')).toEqual(['structuring', 'testing', 'transfer'])
  })
  it('moves on in order and stops after transfer', () => {
    expect(firstPhase('cti').id).toBe('structuring')
    expect(nextPhase('cti', 'structuring')?.id).toBe('testing')
    expect(nextPhase('cti', 'testing')?.id).toBe('transfer')
    expect(nextPhase('cti', 'transfer')).toBeNull()
  })
  it('lasts about nine months, with contact that decreases each phase', () => {
    const days = plannedDaysOf('cti')
    expect(days).toBeGreaterThanOrEqual(270)
    expect(days).toBeLessThanOrEqual(280)
    expect(phasesOf('cti').map((p) => p.contact)).toEqual(['high', 'medium', 'low'])
    for (const p of phasesOf('cti')) expect(p.plannedDays).toBeGreaterThanOrEqual(60)
  })
  it('ends with a warm hand-over to the people who stay', () => {
    expect(phasesOf('cti').filter((p) => p.warmHandOver).map((p) => p.id)).toEqual(['transfer'])
    expect(plannedEnd('cti', 'testing', start).toISOString()).toBe(new Date(start.getTime() + 91 * DAY).toISOString())
  })
})

describe('Intensive Case Management', () => {
  it('has referral, intake, guidance, first and second evaluation, closing and aftercare', () => {
    expect(ids('icm')).toEqual(['referral', 'intake', 'guidance', 'first_evaluation', 'second_evaluation', 'closing', 'aftercare'])
  })
  it('moves on in order and stops after aftercare', () => {
    const seen = [firstPhase('icm').id]
    for (let next = nextPhase('icm', seen[0]!); next; next = nextPhase('icm', next.id)) seen.push(next.id)
    expect(seen).toEqual(ids('icm'))
    expect(nextPhase('icm', 'aftercare')).toBeNull()
  })
  it('runs six to nine months up to closing, with two evaluations', () => {
    const untilClosed = phasesOf('icm').filter((p) => p.id !== 'aftercare').reduce((sum, p) => sum + p.plannedDays, 0)
    expect(untilClosed).toBeGreaterThanOrEqual(182)
    expect(untilClosed).toBeLessThanOrEqual(274)
    expect(phasesOf('icm').filter((p) => p.evaluation).map((p) => p.id)).toEqual(['first_evaluation', 'second_evaluation'])
  })
})

describe('every model', () => {
  it.each(trajectoryModels)('%s: unique phase ids, positive lengths, one evaluation at least', (model) => {
    const phases = phasesOf(model)
    expect(new Set(phases.map((p) => p.id)).size).toBe(phases.length)
    for (const p of phases) expect(p.plannedDays).toBeGreaterThan(0)
    expect(phases.some((p) => p.evaluation)).toBe(true)
  })
  it('knows its models and refuses others', () => {
    expect(isTrajectoryModel('cti')).toBe(true)
    expect(isTrajectoryModel('fact')).toBe(false)
    expect(phaseOf('cti', 'focus')).toBeNull()
    expect(() => nextPhase('cti', 'focus')).toThrow()
    expect(() => plannedEnd('icm', 'testing', start)).toThrow()
  })
})
