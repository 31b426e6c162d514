import { describe, expect, it } from 'vitest'
import { analyze } from './analyze'
import type { CrisisKind } from './types'

const crisis = (text: string, locale: 'nl' | 'en' = 'nl') => analyze(text, { locale }).crisis

describe('crisis screen', () => {
  it.each<[string, CrisisKind]>([
    ['ik wil dood', 'suicide'],
    ['ik wil niet meer leven', 'suicide'],
    ['k wil nie meer leven', 'suicide'],
    ['ik wil er niet meer zijn', 'suicide'],
    ['iedereen is beter af zonder mij', 'suicide'],
    ['ik ben aan het pillen sparen', 'suicide'],
    ['ik spaar al weken mijn slaappillen op', 'suicide'],
    ['ik denk erover om van de brug te springen', 'suicide'],
    ['ik heb een touw gekocht', 'suicide'],
    ['ik wil slapen en nooit meer wakker worden', 'suicide'],
    ['ik denk aan zelfmoord', 'suicide'],
    ['zelfmoordgedachten', 'suicide'],
    ['ik wil er een eind aan maken', 'suicide'],
    ['ik zie het niet meer zitten', 'suicide'],
    ['niemand zal me missen', 'suicide'],
    ['ik wil mezelf ophangen', 'suicide'],
    ['zelfmoort', 'suicide'],
    ['ik snij mezelf', 'self_harm'],
    ['vannacht weer gekrast', 'self_harm'],
    ['ik doe mezelf pijn', 'self_harm'],
    ['ik brand mezelf met sigaretten', 'self_harm'],
    ['ik bonk mijn hoofd tegen de muur', 'self_harm'],
    ['mijn vriend slaat me', 'violence'],
    ['mn ex dreigt dat hij me vermoordt', 'violence'],
    ['ik word thuis geslagen', 'violence'],
    ['mijn stiefvader zit aan me', 'violence'],
    ['hij heeft mijn dochter misbruikt', 'child_safety'],
    ['als hij terugkomt steek ik hem neer', 'harm_to_others'],
    ['ik ben bang dat hij me iets aandoet', 'violence'],
    ['mevrouw geeft aan dat haar partner haar slaat', 'violence'],
  ])('Dutch %s -> %s', (text, kind) => {
    const c = crisis(text)
    expect(c.detected).toBe(true)
    expect(c.kind).toBe(kind)
  })

  it.each<[string, CrisisKind]>([
    ['I want to kill myself', 'suicide'],
    ['kms', 'suicide'],
    ['i want to unalive myself', 'suicide'],
    ['I want to end it all', 'suicide'],
    ['everyone would be better off without me', 'suicide'],
    ['i dont want to wake up tomorrow', 'suicide'],
    ["I've been saving my pills", 'suicide'],
    ['thinking about jumping off the bridge', 'suicide'],
    ['su1c1de', 'suicide'],
    ['i cut myself again', 'self_harm'],
    ['I burn my arms with a lighter', 'self_harm'],
    ['he hits me when he is drunk', 'violence'],
    ["I'm scared he'll hurt the kids", 'child_safety'],
    ['my uncle touched me', 'violence'],
  ])('English %s -> %s', (text, kind) => {
    const c = crisis(text, 'en')
    expect(c.detected).toBe(true)
    expect(c.kind).toBe(kind)
  })

  it.each([
    'ik lag dood van het lachen',
    'ik ben doodop',
    'ik ben doodmoe na mijn werk',
    'ik verveel me dood',
    'ik ga dood van de honger',
    'ik wil leven in een eigen huis',
    'ik wil niet meer terug naar de straat',
    'ik snij groente voor de soep',
    'de batterij van mijn telefoon is dood',
    'ik neem mijn pillen netjes in',
    'ik spaar voor een fiets',
    'ik ben een vechter',
    'dat slaat nergens op',
    'ik sla me er wel doorheen',
    'het was een geweldige dag',
    'ik doe aan boksen',
    'vroeger sneed ik mezelf, nu ga ik hardlopen als ik spanning voel',
    'ik heb een contactverbod tegen hem',
    'ik kan niet meer wachten op mijn nieuwe huis',
  ])('no alarm for Dutch %s', (text) => expect(crisis(text).detected).toBe(false))

  it.each([
    'I could kill for a coffee',
    "I'm dead tired",
    "I'm dying to see my kids",
    'we killed it at the concert',
    'this heat is killing me',
    'I cut onions at the soup kitchen',
    'I need to cut down on sugar',
    'my son got hit by a ball at football',
    'the deadline is friday',
    'i used to cut myself but ive been free of it for two years',
  ])('no alarm for English %s', (text) => expect(crisis(text, 'en').detected).toBe(false))

  it('does not depend on the negation rules', () => {
    const a = analyze('ik wil niet meer leven')
    expect(a.negative).toBe(true)
    expect(a.crisis.kind).toBe('suicide')
    expect(crisis('hij slaat me niet meer sinds hij in therapie is').kind).toBe('violence')
  })

  it('still alarms when past harm goes on now', () => {
    expect(crisis('vroeger sloeg hij me en nu slaat hij me nog steeds').detected).toBe(true)
  })

  it('says which words set it off', () => {
    const text = 'soms wil ik gewoon dood'
    const c = crisis(text)
    expect(c.evidence && text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence?.text)
    expect(c.evidence?.text).toContain('dood')
  })

  it('gives no suggestion text when it alarms: the caller shows the help card', () => {
    expect(analyze('ik wil niet meer leven').suggestions).toEqual([])
  })
})
