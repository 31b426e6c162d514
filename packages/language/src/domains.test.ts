import { describe, expect, it } from 'vitest'
import { analyze } from './analyze'
import type { DomainId } from './types'

const top = (text: string, locale: 'nl' | 'en' = 'nl') => analyze(text, { locale }).domains[0]?.id ?? null
const ids = (text: string, locale: 'nl' | 'en' = 'nl') => analyze(text, { locale }).domains.map((d) => d.id)

describe('domains', () => {
  it.each<[string, DomainId]>([
    ['ik voel me veilig met een slot op de deur', 'safety'],
    ['ik heb een contactverbod en een noodknop', 'safety'],
    ['ik wil een eigen woning met een balkon', 'housing'],
    ['ik hou mijn kamer schoon en doe de afwas', 'housing'],
    ['ik kan koken voor de hele groep', 'housing'],
    ['ik heb een huurachterstand', 'finances'],
    ['ik ga naar de schuldhulpverlening', 'finances'],
    ['ik spaar elke week een tientje', 'finances'],
    ['ik breng mijn dochter naar de kinderopvang', 'children'],
    ['ik ben een goede moeder', 'children'],
    ['mijn ex en ik hebben een omgangsregeling', 'children'],
    ['ik wil weer verliefd worden', 'partner'],
    ['mijn man en ik gaan trouwen', 'partner'],
    ['ik heb veel vrienden in de buurt', 'relationships'],
    ['ik bel elke week met mijn zus', 'relationships'],
    ['ik wil een baan in de bouw', 'work'],
    ['ik volg een taalcursus op het roc', 'work'],
    ['ik doe vrijwilligerswerk bij de voedselbank', 'work'],
    ['ik ga naar voetbaltraining op dinsdag', 'leisure'],
    ['ik speel gitaar en teken graag', 'leisure'],
    ['ik slaap beter sinds ik gestopt ben met blowen', 'health'],
    ['ik ga naar de huisarts voor mijn rugpijn', 'health'],
    ['ik bid elke dag en ga naar de moskee', 'meaning'],
    ['ik ben dankbaar voor wat ik heb', 'meaning'],
  ])('%s -> %s', (text, expected) => expect(top(text)).toBe(expected))

  it.each<[string, DomainId]>([
    ['I want my own flat', 'housing'],
    ['I pay my bills on time', 'finances'],
    ['I read to my kids every night', 'children'],
    ['my girlfriend and I are moving in together', 'partner'],
    ['I call my brother every week', 'relationships'],
    ['I am studying to become a nurse', 'work'],
    ['I love playing football with my mates', 'leisure'],
    ['I have been sober for a year', 'health'],
    ['my faith keeps me going', 'meaning'],
    ['I feel safe in the shelter', 'safety'],
  ])('English %s -> %s', (text, expected) => expect(top(text, 'en')).toBe(expected))

  it('finds stems inside Dutch compounds', () => {
    expect(ids('huurschuld')).toContain('finances')
    expect(ids('schuldhulpmaatje')).toContain('finances')
    expect(ids('zwemles')).toContain('leisure')
    expect(top('ziekenhuisopname')).toBe('health')
    expect(top('huisarts')).toBe('health')
  })

  it('reads a Dutch participle as its verb', () => {
    expect(top('ik heb al een maand niet gegokt')).toBe('finances')
    expect(top('ik heb de hele middag getekend')).toBe('leisure')
  })

  it('forgives a typing slip in a long word, but not in short common words', () => {
    expect(top('ik doe de boodschapen')).toBe('housing')
    expect(top('ik heb een uitkerring')).toBe('finances')
    expect(analyze('ik wil komen').domains).toEqual([])
  })

  it('is not fooled by words that only contain a stem', () => {
    expect(ids('ik doe gewoon mijn best')).not.toContain('housing')
    expect(ids('natuurlijk doe ik dat')).not.toContain('leisure')
    expect(ids('honderd keer')).not.toContain('leisure')
    expect(ids('dat geldt voor iedereen')).not.toContain('finances')
    expect(ids('het is geweldig')).not.toContain('safety')
  })

  it('places crisis statements: suicide and self-harm in health, violence in safety', () => {
    expect(top('ik wil er niet meer zijn')).toBe('health')
    expect(top('ik snij mezelf')).toBe('health')
    expect(top('mijn vriend slaat me')).toBe('safety')
    expect(top('hij slaat mijn kinderen')).toBe('children')
  })

  it('returns normalised scores, best first, and nothing when nothing fits', () => {
    const d = analyze('ik wil een huis en een baan en geld').domains
    expect(d.length).toBeGreaterThan(1)
    const sum = d.reduce((s, x) => s + x.score, 0)
    expect(sum).toBeGreaterThan(0.99)
    expect(sum).toBeLessThan(1.01)
    for (let i = 1; i < d.length; i++) expect((d[i - 1]?.score ?? 0) >= (d[i]?.score ?? 0)).toBe(true)
    expect(analyze('de batterij is leeg').domains).toEqual([])
  })
})
