import { describe, expect, it } from 'vitest'
import { keptCardHref } from './kept-card-link'

describe('keptCardHref', () => {
  it('links a kept VIP card to the person it became, and other kept cards to their page', () => {
    expect(keptCardHref({ kind: 'network_person', savedId: 'p1', status: 'accepted' })).toBe('/netwerk/persoon/p1')
    expect(keptCardHref({ kind: 'network_person', savedId: 'p1', status: 'edited' })).toBe('/netwerk/persoon/p1')
    expect(keptCardHref({ kind: 'statement', savedId: 's1', status: 'accepted' })).toBe('/inventaris/zin/s1')
    expect(keptCardHref({ kind: 'safety_plan_line', savedId: 'c1', status: 'accepted' })).toBe('/hulp/mijn-plan')
    expect(keptCardHref({ kind: 'goal', savedId: 'g1', status: 'accepted' })).toBe('/plan/doel/g1')
    expect(keptCardHref({ kind: 'action', savedId: 'a1', status: 'edited' })).toBe('/plan#actie-a1')
  })

  it('links nothing that was not kept', () => {
    expect(keptCardHref({ kind: 'network_person', savedId: null, status: 'dropped' })).toBeNull()
    expect(keptCardHref({ kind: 'network_person', savedId: null, status: 'pending_client' })).toBeNull()
  })
})
