import { describe, expect, it } from 'vitest'
import { domainsOf, isDomainOf, mapAnalysedDomain } from './domains'

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
})
