import { describe, expect, it } from 'vitest'
import { charLength, draftText, isDontKnowText, isSkipText, splitSentences } from './wording'

describe('draftText: the client\'s words, at most a sentence starter added', () => {
  it.each([
    ['koken', 'i_can', 'nl', 'Ik kan koken', true],
    ['Koken', 'i_can', 'nl', 'Ik kan koken', true],
    ['eerlijk en geduldig', 'i_am', 'nl', 'Ik ben eerlijk en geduldig', true],
    ['een hond als beste vriend', 'i_have', 'nl', 'Ik heb een hond als beste vriend', true],
    ['mijn kinderen', 'i_have', 'nl', 'Ik heb mijn kinderen', true],
    ['hoe ik hulp regel', 'i_know', 'nl', 'Ik weet hoe ik hulp regel', true],
    ['dat mijn kinderen thuis zijn', 'i_want', 'nl', 'Ik wil dat mijn kinderen thuis zijn', true],
    ['kan goed koken', 'i_can', 'nl', 'Ik kan goed koken', true],
    ['Ik kan koken', 'i_can', 'nl', 'Ik kan koken', false],
    ['Dan word ik wakker in mijn eigen huis', 'i_want', 'nl', 'Dan word ik wakker in mijn eigen huis', false],
    ['Mijn kinderen zijn bij mij', 'i_want', 'nl', 'Mijn kinderen zijn bij mij', false],
    ['AH bezorging', 'i_know', 'nl', 'Ik weet AH bezorging', true],
    ['mijn zus Fatima belt me elke dag', 'i_want', 'nl', 'mijn zus Fatima belt me elke dag', false],
    ['het huis is warm', 'i_want', 'nl', 'het huis is warm', false],
    ['hij helpt met de papieren', 'i_have', 'nl', 'hij helpt met de papieren', false],
    ['een huis met een tuin voor mijn kinderen', 'i_want', 'nl', 'Ik wil een huis met een tuin voor mijn kinderen', true],
    ['rust in mijn hoofd en een vaste plek om te slapen elke nacht', 'i_want', 'nl', 'rust in mijn hoofd en een vaste plek om te slapen elke nacht', false],
    ['my sister calls me', 'i_want', 'en', 'my sister calls me', false],
    ['get up early', 'i_want', 'en', 'I want to get up early', true],
    ['a job', 'i_want', 'en', 'I want a job', true],
    ['not be alone', 'i_want', 'en', 'not be alone', false],
    ['niet alleen zijn', 'i_want', 'nl', 'niet alleen zijn', false],
    ['geen schulden meer', 'i_want', 'nl', 'Ik wil geen schulden meer', true],
    ['cook', 'i_can', 'en', 'I can cook', true],
    ['how to use the bus', 'i_know', 'en', 'I know how to use the bus', true],
    ["I'm patient", 'i_am', 'en', "I'm patient", false],
    ['My kids are home', 'i_want', 'en', 'My kids are home', false],
  ] as const)('%s (%s, %s) → %s', (answer, form, locale, text, starterAdded) => {
    expect(draftText(answer, form, locale)).toEqual({ text, starterAdded })
  })

  it('keeps the case of a known name after a starter', () => {
    expect(draftText('Ahmed als beste vriend', 'i_have', 'nl', ['Ahmed']).text).toBe('Ik heb Ahmed als beste vriend')
  })

  it('a known name with its own verb is a sentence of its own: no starter', () => {
    expect(draftText('Daan speelt dan in de tuin', 'i_want', 'nl', ['Daan'])).toEqual({ text: 'Daan speelt dan in de tuin', starterAdded: false })
    expect(draftText('Lina sleeps next door', 'i_want', 'en', ['Lina'])).toEqual({ text: 'Lina sleeps next door', starterAdded: false })
  })

  it('never changes anything but the start', () => {
    const answer = 'goed met geld omgaan, en rekenen!!'
    const { text } = draftText(answer, 'i_can', 'nl')
    expect(text.endsWith(answer)).toBe(true)
  })
})

describe('skip and "I don\'t know" as typed text', () => {
  it.each(['skip', 'Overslaan', 'sla over', ' volgende. '])('%s is a skip', (t) => expect(isSkipText(t)).toBe(true))
  it.each(['ik weet het niet', 'Weet ik niet.', 'geen idee', "I don't know", 'idk', 'Dunno', '?'])('%s is "I don\'t know"', (t) =>
    expect(isDontKnowText(t)).toBe(true),
  )
  it.each(['ik weet hoe ik kook', 'koken', 'skippen is leuk', ''])('%s is an answer', (t) => {
    expect(isSkipText(t)).toBe(false)
    expect(isDontKnowText(t)).toBe(false)
  })
})

describe('splitSentences', () => {
  it('splits on sentence ends and new lines', () => {
    expect(splitSentences('Ik zie de zon. Mijn kinderen zijn thuis!\nIk ben rustig')).toEqual([
      'Ik zie de zon.',
      'Mijn kinderen zijn thuis!',
      'Ik ben rustig',
    ])
  })
  it('keeps a long list as one piece', () => {
    expect(splitSentences('a. b. c. d. e. f.')).toHaveLength(1)
  })
  it('drops pieces without letters', () => {
    expect(splitSentences('... !!')).toEqual([])
  })
})

it('counts code points', () => {
  expect(charLength('😀a')).toBe(2)
})
