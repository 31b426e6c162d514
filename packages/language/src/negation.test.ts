import { describe, expect, it } from 'vitest'
import { analyze } from './analyze'

const neg = (text: string, locale: 'nl' | 'en' = 'nl') => analyze(text, { locale })

describe('negation', () => {
  it.each([
    ['ik ben niet lui', 'niet'],
    ['ik heb geen schulden', 'geen'],
    ['ik geef nooit op', 'nooit'],
    ['ik heb niks nodig', 'niks'],
    ['er is niets mis', 'niets'],
    ['niemand helpt mij', 'niemand'],
    ['ik kan nergens slapen', 'nergens'],
    ['ik leef zonder drugs', 'zonder'],
    ['noch mijn vader noch mijn moeder', 'noch'],
    ['ik kan het nie', 'nie'],
    ['ik kannie koken', 'kannie'],
    ['ik ben NIET dom', 'NIET'],
    ['ik ben niiiiet lui', 'niiiiet'],
  ])('finds %s', (text, word) => {
    const a = neg(text)
    expect(a.negative).toBe(true)
    const n = a.negations[0]
    expect(n?.word).toBe(word)
    expect(n && text.slice(n.start, n.end)).toBe(word)
  })

  it.each([
    'ik geniet van de zon',
    'ik ben nieuwsgierig',
    'mijn nicht komt langs',
    'ik ben geneigd te veel te geven',
    'ik heb een nieuwe baan',
    'ik gebruik een nietje',
    'ik kan nee zeggen',
    'genieten van mijn kinderen',
  ])('is not fooled by %s', (text) => {
    expect(neg(text).negative).toBe(false)
  })

  it('counts "niet alleen … maar ook" as a negation, as the labelling rules say', () => {
    expect(neg('ik ben niet alleen moeder maar ook kok').negative).toBe(true)
  })

  it.each([
    ["I can't cook", "can't"],
    ['I dont smoke', 'dont'],
    ['i cant sleep', 'cant'],
    ['I will never give up', 'never'],
    ['nobody helps me', 'nobody'],
    ['I have no debts', 'no'],
    ['I live without alcohol', 'without'],
    ['I cannot wait', 'cannot'],
    ["I won't go back", "won't"],
    ['I did not drink', 'not'],
  ])('finds English %s', (text, word) => {
    const a = neg(text, 'en')
    expect(a.negative).toBe(true)
    expect(a.negations.map((n) => n.word)).toContain(word)
  })

  it('takes any n\'t word as a negation', () => {
    expect(neg("you mightn't believe it", 'en').negations[0]?.word).toBe("mightn't")
  })

  it('reports one negation for one contraction', () => {
    expect(neg("I can't", 'en').negations).toHaveLength(1)
  })

  it.each(['I am generous', 'my knowledge of cars', 'I notice details', 'I know my rights', 'nothingness'])(
    'is not fooled by English %s',
    (text) => expect(neg(text, 'en').negative).toBe(false),
  )

  it('finds several negations with their own spans', () => {
    const text = 'ik heb geen geld en niemand helpt'
    const a = neg(text)
    expect(a.negations.map((n) => text.slice(n.start, n.end))).toEqual(['geen', 'niemand'])
  })
})
