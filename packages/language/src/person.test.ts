import { describe, expect, it } from 'vitest'
import { analyze } from './analyze'

const person = (text: string, locale: 'nl' | 'en' = 'nl') => analyze(text, { locale }).person

describe('person', () => {
  it.each([
    'Ik kan goed koken',
    'k ben sterk',
    'mn kinderen zijn mijn alles',
    'Mijn broer helpt mij met de post',
    'hij slaat me',
    'We hebben samen een fijn huis',
    'rust in mijn hoofd',
    'kheb een baan',
  ])('first: %s', (text) => expect(person(text)).toBe('first'))

  it.each([
    'Hij kan goed koken',
    'De cliënt is zorgmijdend',
    'Mevrouw heeft schulden',
    'jij bent sterk',
    'jullie zijn een sterk gezin',
    'Zijn moeder belt elke dag',
    'ze werkt bij de bakker',
    'de jongen heeft talent voor muziek',
    'Mevrouw zegt dat ik het goed doe',
  ])('other: %s', (text) => expect(person(text)).toBe('other'))

  it.each(['Goed in koken', 'geen schulden meer!!', 'koken en naaien', 'vannacht weer gekrast', 'Kinderen zijn belangrijk', 'Haar knippen en verven'])(
    'none: %s',
    (text) => expect(person(text)).toBe('none'),
  )

  it('reads English', () => {
    expect(person("I'm good at maths", 'en')).toBe('first')
    expect(person('im good at maths', 'en')).toBe('first')
    expect(person('The client avoids care', 'en')).toBe('other')
    expect(person('she knows how to budget', 'en')).toBe('other')
    expect(person('nowhere to sleep tonight', 'en')).toBe('none')
    expect(person('my sister calls me every day', 'en')).toBe('first')
  })

  it('takes an unknown capitalised word before a verb as a name, not a known word', () => {
    expect(person('Fatima werkt in de zorg')).toBe('other')
    expect(person('Sarah can cook', 'en')).toBe('other')
    expect(person('Exercise is good for everyone', 'en')).toBe('none')
    expect(person('Wandelen is gezond')).toBe('none')
  })

  it('is not fooled by "zijn" as a verb or "haar" as hair', () => {
    expect(person('Vrienden zijn belangrijk')).toBe('none')
    expect(person('Lang haar is mooi')).toBe('none')
    expect(person('Zijn er mensen die helpen?')).toBe('none')
  })
})
