import { describe, expect, it } from 'vitest'
import { analyze } from './analyze'

const form = (text: string, locale: 'nl' | 'en' = 'nl') => analyze(text, { locale }).form

describe('form of strength', () => {
  it.each([
    ['Ik ben eerlijk en zorgzaam', 'i_am'],
    ['ik was vroeger een goede voetballer', 'i_am'],
    ['Ik kan goed luisteren', 'i_can'],
    ['Vroeger kon ik heel goed tekenen', 'i_can'],
    ['ik ken goed zingen', 'i_can'],
    ['ik ben goed in rekenen', 'i_can'],
    ['het lukt me om op tijd op te staan', 'i_can'],
    ['Ik heb een oudere broer', 'i_have'],
    ['Sinds kort heb ik een eigen kamer', 'i_have'],
    ['kheb een hond', 'i_have'],
    ['mijn broer helpt mij met de post', 'i_have'],
    ['Ik wil artiest worden', 'i_want'],
    ['Later wil ik kok worden', 'i_want'],
    ['Ik zou graag weer naar mijn geboorteland gaan', 'i_want'],
    ['ik hoop dat ik mijn rijbewijs haal', 'i_want'],
    ['ik ben van plan om te gaan sporten', 'i_want'],
    ['mijn droom is een eigen zaak', 'i_want'],
    ['Ik weet hoe ik het openbaar vervoer gebruik', 'i_know'],
    ['van mijn oma weet ik hoe je soep maakt', 'i_know'],
    ['ik ken de weg in de stad', 'i_know'],
    ['Ik denk dat ik goed kan koken', 'i_can'],
    ['ik herken mijn valkuilen en weet wat ik dan doe', 'i_know'],
  ])('%s -> %s', (text, expected) => expect(form(text)).toBe(expected))

  it.each([
    'ik heb alle rekeningen betaald',
    'ik voel me veilig',
    'ik teken graag',
    'ik ga elke dag wandelen',
    'ik durf hulp te vragen',
    'Koken',
    'kan goed koken',
  ])('no form: %s', (text) => expect(form(text)).toBeNull())

  it('only "goed in" gives a form to a fragment without a person', () => {
    expect(form('Goed in koken')).toBe('i_can')
    expect(form('good at maths', 'en')).toBe('i_can')
  })

  it('reads the form of someone else in a statement about them', () => {
    expect(form('Mevrouw heeft schulden')).toBe('i_have')
    expect(form('De cliënt is zorgmijdend')).toBe('i_am')
    expect(form('hij kan goed met geld omgaan')).toBe('i_can')
  })

  it('does not give the writer the verb of someone else', () => {
    expect(form('mijn ex weet niet waar ik woon')).toBeNull()
    expect(form('hij slaat me niet meer sinds hij in therapie is')).toBeNull()
  })

  it('keeps the form of a negated verb', () => {
    expect(form('ik kan niet koken')).toBe('i_can')
    expect(form('ik wil niet meer terug naar de straat')).toBe('i_want')
  })

  it.each([
    ["I'm a hard worker", 'i_am'],
    ['i can fix bikes', 'i_can'],
    ["I'm good at fixing bikes", 'i_can'],
    ['I have a dog', 'i_have'],
    ["I've got a support worker", 'i_have'],
    ['I really want a job', 'i_want'],
    ["I'd like to study", 'i_want'],
    ["I'm dying to see my kids", 'i_want'],
    ['I know how to cook on a budget', 'i_know'],
    ['i dont have any debts anymore', 'i_have'],
    ['my sister calls me every day', 'i_have'],
    ['I used to be a chef', 'i_am'],
  ])('English %s -> %s', (text, expected) => expect(form(text, 'en')).toBe(expected))

  it.each(['I have never missed a rent payment', "I've been saving", 'I will stab him', 'I never thought I would get keys', 'i go to the gym'])(
    'English no form: %s',
    (text) => expect(form(text, 'en')).toBeNull(),
  )
})
