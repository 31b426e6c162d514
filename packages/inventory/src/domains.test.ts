import { describe, expect, it } from 'vitest'
import { domainInSet, domainsOf, isDomainOf, lifeDomains, mapAnalysedDomain } from './domains'

describe('domain sets', () => {
  it("has Krachtwerk's ten and ICM's nine", () => {
    expect(domainsOf('krachtwerk')).toHaveLength(10)
    expect(domainsOf('icm')).toHaveLength(9)
    expect(isDomainOf('krachtwerk', 'partner')).toBe(true)
    expect(isDomainOf('icm', 'partner')).toBe(false)
    expect(isDomainOf('icm', 'justice')).toBe(true)
  })

  it("maps the analysis' domains into the organisation's set", () => {
    expect(mapAnalysedDomain('krachtwerk', 'children')).toBe('children')
    expect(mapAnalysedDomain('icm', 'children')).toBe('family')
    expect(mapAnalysedDomain('icm', 'relationships')).toBe('social')
    expect(mapAnalysedDomain('icm', 'meaning')).toBeNull()
  })

  it('any domain of any set lands in a set as itself, as its counterpart, or nowhere', () => {
    expect(domainInSet('icm', 'justice')).toBe('justice')
    expect(domainInSet('icm', 'partner')).toBe('family')
    expect(domainInSet('krachtwerk', 'social')).toBe('relationships')
    expect(domainInSet('krachtwerk', 'education')).toBe('work')
    expect(domainInSet('krachtwerk', 'justice')).toBeNull()
    for (const set of ['krachtwerk', 'icm'] as const) {
      for (const id of lifeDomains) {
        const landed = domainInSet(set, id)
        expect(landed === null || isDomainOf(set, landed)).toBe(true)
      }
    }
    expect(new Set(lifeDomains).size).toBe(lifeDomains.length)
    expect([...domainsOf('krachtwerk'), ...domainsOf('icm')].every((id) => (lifeDomains as readonly string[]).includes(id))).toBe(true)
  })
})
