import { describe, expect, it } from 'vitest'
import { analyze } from './analyze'
import { domainsInConversation, peopleIn } from './conversation'

describe('people the client names with their role', () => {
  it.each([
    ['Mijn dochter Lina woont weer bij mij.', [{ name: 'Lina', domain: 'children' }]],
    ['Tim, mijn beste maat.', [{ name: 'Tim', domain: 'relationships' }]],
    ['Ik heb twee dochters, Mila en Roos.', [{ name: 'Mila', domain: 'children' }, { name: 'Roos', domain: 'children' }]],
    ['Lina is mijn dochter.', [{ name: 'Lina', domain: 'children' }]],
    ['mn zoontje ken bij mij slapen', [{ name: null, domain: 'children' }]],
    ['Mijn vriendin Kim en ik wonen samen.', [{ name: 'Kim', domain: 'partner' }]],
    ['Mijn vriendin Fenna ziet het.', [{ name: 'Fenna', domain: 'relationships' }]],
    ['My daughter Lina lives with me.', [{ name: 'Lina', domain: 'children' }]],
  ] as const)('%s', (text, expected) => {
    const locale = /^My /.test(text) ? 'en' : 'nl'
    expect(peopleIn(text, locale).map(({ name, domain }) => ({ name, domain }))).toEqual(expected)
  })

  it('a role without "mijn" or a name is no person of the client\'s ("de man van de winkel")', () => {
    expect(peopleIn('De man van de winkel was aardig.')).toEqual([])
  })
})

describe('a sentence\'s domain, read with the whole conversation', () => {
  it('"Lina slaapt in de kamer naast mij" is about the daughter named earlier, not about sleep', () => {
    const sentence = 'Lina slaapt in de kamer naast mij.'
    expect(analyze(sentence).domains[0]?.id).toBe('health')
    expect(domainsInConversation(sentence, { before: ['Mijn dochter Lina woont weer bij mij.'] })[0]?.id).toBe('children')
    expect(domainsInConversation(sentence, { earlier: ['Ik wil dat mijn dochter Lina bij mij woont'] })[0]?.id).toBe('children')
    // Without the conversation nothing changes.
    expect(domainsInConversation(sentence)[0]?.id).toBe('health')
  })

  it('"ze" and "hij" point to the person mentioned last', () => {
    expect(domainsInConversation('Ze slapen om het weekend bij mij.', { before: ['Ik zie mijn kinderen elke week.'] })[0]?.id).toBe('children')
    expect(domainsInConversation('Zij koopt dan groente voor de hele week.', { before: ['Ik rij met mijn moeder naar de markt.'] })[0]?.id).toBe('relationships')
  })

  it('a sentence that says little continues what the client was talking about', () => {
    expect(domainsInConversation('Ik begin om vijf uur.', { before: ['Ik heb werk bij de bakker.'] })[0]?.id).toBe('work')
    expect(domainsInConversation('Nu niet meer.', { before: ['Vroeger was ik bang voor mijn ex.'] })[0]?.id).toMatch(/partner|safety/)
    expect(domainsInConversation('Nu niet meer.', { chosen: ['housing'] })[0]?.id).toBe('housing')
    expect(domainsInConversation('Nu niet meer.')).toEqual([])
  })

  it('strong words of the sentence itself still win over a name', () => {
    expect(domainsInConversation('Lina heeft schulden bij de bank en een betalingsachterstand.', { before: ['Mijn dochter Lina is 19.'] })[0]?.id).toBe('finances')
  })
})
