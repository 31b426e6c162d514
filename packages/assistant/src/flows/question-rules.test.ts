// Not every question in every domain: the rules are data (question-rules.ts), tested here as a
// table and through the strengths flow itself.
import { describe, expect, it } from 'vitest'
import { drive } from '../test-helpers'
import { questionKinds, questionRules, questionsFor } from './question-rules'

const skipAll = (n: number) => Array.from({ length: n }, () => ({ skip: true }))

describe('which questions a domain gets', () => {
  it.each([
    ['womens_shelter', 'partner', false, []],
    ['womens_shelter', 'partner', true, questionKinds],
    ['womens_shelter', 'housing', false, questionKinds],
    ['general', 'partner', false, questionKinds],
    ['shelter', 'partner', false, questionKinds],
  ] as const)('%s, %s, chosen by the client: %s', (setting, domain, chosen, expected) => {
    expect(questionsFor(domain, setting, chosen)).toEqual([...expected])
  })

  it('every rule leaves out at least one question and names a real one', () => {
    for (const rule of questionRules) {
      expect(rule.leaveOut.length).toBeGreaterThan(0)
      for (const kind of rule.leaveOut) expect(questionKinds).toContain(kind)
    }
  })
})

describe('the strengths flow in a women\'s shelter', () => {
  it('a worker who starts it on partner and housing: no "Hoe ben jij?" about the ex-partner', () => {
    const run = drive('strengths', 'nl', skipAll(6), { domains: ['partner', 'housing'], setting: 'womens_shelter' })
    expect(run.stepIds.every((id) => !id.startsWith('partner.'))).toBe(true)
    expect(run.stepIds).toEqual(questionKinds.map((k) => `housing.${k}`))
    expect(run.step).toBeNull()
  })

  it('only partner, set by someone else: the client picks her own domains', () => {
    const run = drive('strengths', 'nl', [], { domains: ['partner'], setting: 'womens_shelter' })
    expect(run.stepIds).toEqual(['domains'])
  })

  it('she chooses the partner domain herself: then she is asked', () => {
    const run = drive('strengths', 'nl', [{ choices: ['partner'] }], { setting: 'womens_shelter' })
    expect(run.stepIds).toEqual(['domains', 'partner.i_am'])
    expect(run.results[0]?.step?.question).toBe('Denk aan je partner of ex-partner. Hoe ben jij? Maak de zin af: Ik ben …')
    const fromStart = drive('strengths', 'nl', [], { domains: ['partner'], setting: 'womens_shelter', domainsChosenByClient: true })
    expect(fromStart.stepIds).toEqual(['partner.i_am'])
  })

  it('elsewhere nothing changes: partner is asked like any domain', () => {
    const run = drive('strengths', 'nl', [], { domains: ['partner'] })
    expect(run.stepIds).toEqual(['partner.i_am'])
  })
})
