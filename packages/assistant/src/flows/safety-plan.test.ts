import { describe, expect, it } from 'vitest'
import { allProposals, drive } from '../test-helpers'
import type { Proposal } from '../types'
import { planLines } from './safety-plan'

type Line = Extract<Proposal, { kind: 'safety_plan_line' }>
const lines = (proposals: Proposal[]): Line[] => proposals.filter((p): p is Line => p.kind === 'safety_plan_line')

describe('safety plan flow', () => {
  it('nl: one question per part, answers become plan lines in the client\'s own words', () => {
    const run = drive('safety_plan', 'nl', [
      'Ik slaap slecht. Ik blijf binnen',
      'wandelen met de hond, muziek aan',
      'mijn zus',
      { skip: true },
      'Mijn dochter Lin',
      'Noor, mijn begeleider',
    ])
    expect(run.stepIds).toEqual(['warningSigns', 'selfHelp', 'people', 'places', 'reasons', 'professionals'])
    expect(run.step).toBeNull()
    const found = lines(allProposals(run.results))
    expect(found.map((l) => [l.part, l.text])).toEqual([
      ['warningSigns', 'Ik slaap slecht'],
      ['warningSigns', 'Ik blijf binnen'],
      ['selfHelp', 'wandelen met de hond'],
      ['selfHelp', 'muziek aan'],
      ['people', 'mijn zus'],
      ['reasons', 'Mijn dochter Lin'],
      ['professionals', 'Noor'],
      ['professionals', 'mijn begeleider'],
    ])
    const summary = run.results.at(-1)?.summary
    expect(summary?.counts.planLines).toBe(8)
    expect(summary?.lines.join(' ')).toContain('8 regels voor je plan')
  })

  it('offers the names on the VIP card for "people I can call", never the client\'s own name', () => {
    const run = drive('safety_plan', 'en', [{ skip: true }, { skip: true }, { choices: ['person_2'], text: 'my neighbour' }], {
      clientName: 'Sam',
      knownNames: ['Fatima', 'Oma Jet'],
    })
    const people = run.results[1]?.step
    expect(people?.input).toBe('multi_choice')
    expect(people?.options.map((o) => o.label)).toEqual(['Fatima', 'Oma Jet'])
    expect(lines(allProposals(run.results)).map((l) => l.text)).toEqual(['Oma Jet', 'my neighbour'])
  })

  it('a crisis in an answer shows help at once and the plan goes on', () => {
    const run = drive('safety_plan', 'nl', ['als ik denk dat iedereen beter af is zonder mij'])
    const result = run.results[0]
    expect(result?.outcome).toBe('crisis')
    expect(result?.safety?.helpLines.map((l) => l.id)).toContain('suicide_prevention')
  })

  it('after a signal, "you misunderstood" keeps the help, and the next risky message is screened again', () => {
    const run = drive('safety_plan', 'nl', ['iedereen is beter af zonder mij', 'nee je begrijpt me verkeerd', 'ik ga van de brug springen'])
    expect(run.results.map((r) => r.outcome)).toEqual(['crisis', 'clarified', 'crisis'])
    expect(run.results[1]?.safety).toMatchObject({ current: false })
    expect(run.results[1]?.safety?.helpLines.length).toBeGreaterThan(0)
    expect(run.results[2]?.safety).toMatchObject({ current: true })
    expect(allProposals(run.results)).toEqual([])
  })

  it('an answer with only punctuation is asked again, changing nothing', () => {
    const run = drive('safety_plan', 'nl', ['...'])
    expect(run.stepIds).toEqual(['warningSigns', 'warningSigns'])
    expect(allProposals(run.results)).toEqual([])
  })
})

describe('planLines', () => {
  it('splits lines, sentences and lists; keeps a long answer whole', () => {
    expect(planLines('een\ntwee; drie, vier.')).toEqual(['een', 'twee', 'drie', 'vier'])
    expect(planLines('a, b, c, d, e, f, g')).toEqual(['a, b, c, d, e, f, g'])
    expect(planLines(' , . ')).toEqual([])
  })
})
