// An ICM organisation works with ICM's nine life domains: the assistant offers those, with the one
// label each domain has everywhere, and never suggests a domain the organisation does not use.
import { describe, expect, it } from 'vitest'
import { domainSets } from '@kracht/method'
import { startConversation } from './engine'
import { allProposals, drive } from './test-helpers'

const icm = { domainSet: 'icm' }

describe("an ICM organisation's assistant", () => {
  it('the strengths flow offers ICM\'s nine domains, with their labels', () => {
    const step = startConversation({ flow: 'strengths', locale: 'nl', context: icm }).step
    expect(step.options.map((o) => o.id)).toEqual([...domainSets.icm])
    expect(step.options.find((o) => o.id === 'justice')?.label).toBe('Politie en justitie')
    expect(step.options.find((o) => o.id === 'family')?.label).toBe('Gezin en familie')
  })

  it('the goal flow offers the same nine', () => {
    const step = startConversation({ flow: 'goal', locale: 'nl', context: icm }).step
    expect(step.options.map((o) => o.id)).toEqual([...domainSets.icm])
  })

  it('a picked ICM domain is asked about and its cards carry it', () => {
    const run = drive('strengths', 'nl', [{ choices: ['justice'] }, 'eerlijk'], icm)
    expect(run.stepIds).toEqual(['domains', 'justice.i_am', 'justice.i_can'])
    expect(run.results[0]?.step?.question).toBe('Denk aan politie en justitie. Hoe ben jij? Maak de zin af: Ik ben …')
    expect(allProposals(run.results)).toMatchObject([{ kind: 'statement', domain: 'justice', text: 'Ik ben eerlijk' }])
  })

  it('typed labels and numbers pick from the nine', () => {
    expect(drive('strengths', 'nl', ['Vrienden en omgeving'], icm).stepIds).toEqual(['domains', 'social.i_am'])
    expect(drive('strengths', 'nl', ['9'], icm).stepIds).toEqual(['domains', 'justice.i_am'])
  })

  it('suggested domains of cards are always ICM domains (or none)', () => {
    const run = drive('miracle', 'nl', ['Mijn dochter Lina woont bij mij. Ik heb vrienden.', 'Ik voel me veilig. Ik weet waarvoor ik leef.', 'mijn zus', 'ik ga sporten'], icm)
    const domains = allProposals(run.results).flatMap((p) => (p.kind === 'statement' ? [p.domain] : []))
    expect(domains).toContain('family')
    expect(domains).toContain('social')
    for (const d of domains) expect(d === null || (domainSets.icm as readonly string[]).includes(d)).toBe(true)
  })

  it('domains given at the start land in the set: partner is family, meaning has no ICM domain', () => {
    const run = drive('strengths', 'nl', [], { ...icm, domains: ['partner', 'meaning'] })
    expect(run.stepIds).toEqual(['family.i_am'])
  })

  it("a Krachtwerk organisation still gets Krachtwerk's ten", () => {
    const step = startConversation({ flow: 'strengths', locale: 'nl' }).step
    expect(step.options.map((o) => o.id)).toEqual([...domainSets.krachtwerk])
  })
})
