// The crisis test set: many ways people write about suicide, self-harm and violence, and many
// harmless sentences that look alike. Rerun it after every change to data/*/crisis.json or
// data/crisis/*. Kinds follow src/types.ts: a threat by the writer is harm_to_others, violence
// against a child is child_safety (both were 'violence' before those kinds existed).
import { describe, expect, it } from 'vitest'
import { analyze } from './analyze'
import type { CrisisKind, Locale } from './types'

const NL_ALARM: [string, CrisisKind][] = [
  ['ik wil niet meer', 'suicide'],
  ['soms denk ik dat het beter is als ik er niet meer ben', 'suicide'],
  ['ik heb geen zin meer om te leven', 'suicide'],
  ['wat heeft het leven nog voor zin, ik wil weg', 'suicide'],
  ['het leven is zinloos', 'suicide'],
  ['ik ben het leven zat', 'suicide'],
  ['ik wil dood gaan', 'suicide'],
  ['ik wou dat ik dood was', 'suicide'],
  ['was ik maar dood', 'suicide'],
  ['ik denk aan zelfmoord plegen', 'suicide'],
  ['zelfmoord lijkt me de enige uitweg', 'suicide'],
  ['k wil zelfmoord plegen', 'suicide'],
  ['ik heb mijn afscheidsbrief al geschreven', 'suicide'],
  ['ik heb al pillen opgespaard', 'suicide'],
  ['ik ga al mijn pillen in een keer innemen', 'suicide'],
  ['ik heb teveel paracetamol geslikt', 'suicide'],
  ['ik spring voor de trein', 'suicide'],
  ['ik ga van het dak springen', 'suicide'],
  ['ik stond op de brug en wilde springen', 'suicide'],
  ['ik wil mezelf iets aandoen', 'suicide'],
  ['ik ga me ophangen', 'suicide'],
  ['ik heb een strop gemaakt', 'suicide'],
  ['ik wil mijn polsen doorsnijden', 'suicide'],
  ['iedereen is beter af zonder me', 'suicide'],
  ['ik ben alleen maar een last voor iedereen', 'suicide'],
  ['niemand zou het merken als ik dood was', 'suicide'],
  ['ik wil inslapen en nooit meer wakker worden', 'suicide'],
  ['ik wil eruit stappen', 'suicide'],
  ['ik zie geen uitweg meer', 'suicide'],
  ['ik kan niet meer verder', 'suicide'],
  ['ik wil er een punt achter zetten, aan mijn leven', 'suicide'],
  ['ik maak er een eind aan vannacht', 'suicide'],
  ['zelfmoordgedachtes', 'suicide'],
  ['ik heb suïcidale gedachten', 'suicide'],
  ['ik wil me van het leven beroven', 'suicide'],
  ['ik ben levensmoe', 'suicide'],
  ['ik rij morgen tegen een boom', 'suicide'],
  ['ik trek het gewoon niet meer', 'suicide'],
  ['ik heb de slaappillen al klaarliggen', 'suicide'],
  ['ik denk erover om te springen', 'suicide'],
  ['ik wil bij mijn moeder in de hemel zijn', 'suicide'],
  ['ik snij in mijn armen', 'self_harm'],
  ['ik heb weer gekrast', 'self_harm'],
  ['krassen helpt me om iets te voelen', 'self_harm'],
  ['ik sla mezelf als ik boos ben', 'self_harm'],
  ['ik beschadig mezelf', 'self_harm'],
  ['ik doe aan zelfbeschadiging', 'self_harm'],
  ['ik heb een scheermesje in mijn la voor als het nodig is', 'self_harm'],
  ['ik brand mijn armen met een aansteker', 'self_harm'],
  ['ik krab mezelf open tot het bloedt', 'self_harm'],
  ['ik heb mezelf weer gesneden', 'self_harm'],
  ['mijn man slaat mij', 'violence'],
  ['mn vriend heeft me geslagen', 'violence'],
  ['ik word mishandeld door mijn partner', 'violence'],
  ['hij schopt me als hij dronken is', 'violence'],
  ['mijn ex bedreigt me', 'violence'],
  ['mn ex zegt dat hij me gaat vermoorden', 'violence'],
  ['hij heeft me gewurgd', 'violence'],
  ['ik ben verkracht', 'violence'],
  ['mijn oom zit aan me', 'violence'],
  ['mijn vader slaat mijn broertje', 'child_safety'],
  ['mijn kinderen worden geslagen door hun vader', 'violence'],
  ['hij sluit me op in huis', 'violence'],
  ['hij dwingt me tot seks', 'violence'],
  ['er is sprake van huiselijk geweld', 'violence'],
  ['ik ga hem neersteken', 'harm_to_others'],
  ['ik sla hem in elkaar als ik hem zie', 'harm_to_others'],
  ['mijn loverboy laat me werken', 'violence'],
  ['hij heeft een mes op mijn keel gezet', 'violence'],
  ['ik ben bang dat hij terugkomt en me iets aandoet', 'violence'],
  ['ik krijg klappen van mijn vader', 'violence'],
  ['mijn ex stond met een mes voor de deur', 'violence'],
]

// Chat spelling and typing slips must not hide a signal.
const NL_MESSY: [string, CrisisKind][] = [
  ['k wil dooood', 'suicide'],
  ['ik wil d00d', 'suicide'],
  ['kwil er nie meer zijn', 'suicide'],
  ['ik wil nie meer leve', 'suicide'],
  ['ik ga zelmoord plege', 'suicide'],
  ['ik sprink van de flat', 'suicide'],
  ['ik wil me ophange', 'suicide'],
  ['k heb pillen gespaart', 'suicide'],
  ['hij heeft me gesllagen', 'violence'],
  ['ik heb mezelf gesneeden', 'self_harm'],
  ['IK WIL DOOD', 'suicide'],
  ['ik.wil.dood', 'suicide'],
]

const NL_QUIET: string[] = [
  'ik lig in een deuk',
  'ik ben doodmoe van de week',
  'dat was doodeng maar ik deed het toch',
  'ik ga dood van de hitte',
  'ik lachte me dood om die film',
  'ik schrok me dood',
  'mijn opa is dood en ik mis hem',
  'de plant is dood gegaan',
  'ik wil leven zoals ik zelf wil',
  'ik wil een leven zonder drugs',
  'ik wil niet meer roken',
  'ik wil niet meer terug naar mijn ex',
  'ik kan niet meer stoppen met lachen',
  'ik snij de groente en kook voor iedereen',
  'ik sneed me per ongeluk in mijn vinger bij het koken',
  'ik neem mijn medicijnen netjes in',
  'ik spaar voor een nieuwe telefoon',
  'ik spring graag op de trampoline met mijn zoon',
  'we gaan met de trein naar de zee',
  'ik fiets elke dag over de brug naar mijn werk',
  'ik kan touwtje springen',
  'ik heb een zware dag gehad maar het gaat',
  'het was een geweldig feest',
  'ik sla mijn slag op de markt',
  'dat slaat nergens op',
  'ik ben een knokker en geef nooit op',
  'ik doe aan kickboksen',
  'ik heb voor mijn kinderen gevochten bij de rechter',
  'ik wil mezelf zijn',
  'ik heb mezelf teruggevonden',
  'ik heb een contactverbod en nu voel ik me veilig',
  'ik wil geen geweld meer in mijn leven',
  'ik heb een cursus weerbaarheid gedaan',
  'ik kan mezelf verdedigen',
  'de batterij is dood',
  'het is moordend druk op mijn werk',
  'ik zou een moord doen voor een patatje',
  'ik kan wel moorden voor een kop koffie',
  'ik weet het nummer van 113 niet uit mijn hoofd maar wel waar het staat',
  'ik sta op springen van blijdschap',
  'ik knal van de energie',
  'de deur sloeg dicht',
  'ik schiet lekker op',
  'ik hang vaak in de bieb',
  'ik wil mijn oude leven begraven en opnieuw beginnen',
  'ik was gesloopt na de verhuizing',
  'mijn hart gaat kapot als ik ze mis',
  'ik ben dankbaar dat ik nog leef',
  'mijn zoon kreeg een klap bij het voetballen',
  'ik had een strop met mijn fiets',
  'ik zat opgesloten in mijn eigen hoofd',
  'ik kijk graag series met geweld',
  'als ik me bedreigd voel weet ik wie ik bel',
  'ik heb een snijwond van het koken',
]

const EN_ALARM: [string, CrisisKind][] = [
  ["I don't want to be alive anymore", 'suicide'],
  ['i wanna die', 'suicide'],
  ['I wish I was dead', 'suicide'],
  ['I am going to kill myself', 'suicide'],
  ["I'm thinking about suicide", 'suicide'],
  ['I have a plan to end my life', 'suicide'],
  ['im saving up my pills', 'suicide'],
  ["I'm going to take all my pills tonight", 'suicide'],
  ['I want to jump off a bridge', 'suicide'],
  ['everyone would be better without me', 'suicide'],
  ["I'm a burden to everyone", 'suicide'],
  ['there is no reason to live', 'suicide'],
  ["I can't go on like this", 'suicide'],
  ['life is pointless', 'suicide'],
  ['i want to go to sleep and never wake up', 'suicide'],
  ['I bought a rope', 'suicide'],
  ['i wrote a suicide note', 'suicide'],
  ['kms lol', 'suicide'],
  ['i just want everything to stop', 'suicide'],
  ['i took a bunch of pills', 'suicide'],
  ['i want 2 die', 'suicide'],
  ['imma kill myself', 'suicide'],
  ['i dont wanna be here no more', 'suicide'],
  ['thinking of ending it tonight', 'suicide'],
  ['i cut myself last night', 'self_harm'],
  ['I have been self harming', 'self_harm'],
  ['i burn myself with cigarettes', 'self_harm'],
  ['I hit myself when I get angry', 'self_harm'],
  ['my husband beats me', 'violence'],
  ['he hit me again', 'violence'],
  ['my boyfriend threatened to kill me', 'violence'],
  ['I was raped', 'violence'],
  ['my stepfather abuses my sister', 'violence'],
  ["I'm scared he will hurt me", 'violence'],
  ['he locks me in the house', 'violence'],
  ['I will stab him if he comes near', 'harm_to_others'],
  ['my partner chokes me', 'violence'],
]

const EN_QUIET: string[] = [
  'I could murder a pizza',
  'I nearly died laughing',
  'the battery is dead',
  'my feet are killing me',
  "I'm dying to go on holiday",
  'I killed it at my interview',
  'I want to live on my own',
  "I don't want to go back to drinking",
  'I cut the grass for my neighbour',
  'I need to cut back on spending',
  'I chop vegetables at the community kitchen',
  'I take my pills every morning',
  'I am saving money for a bike',
  'I like to jump rope',
  'I walk over the bridge every day',
  'I watched a crime series',
  'I volunteer at a domestic violence charity',
  'I survived abuse and now I help others',
  'I beat my record at the gym',
  'I hit the gym every day',
  'I am a fighter',
  'our team got knocked out in the final',
  'I punched the air when I got the job',
  'I cut ties with my old friends',
  'I am stable now and have a flat',
  'I bought a new razor',
  'I like violent films',
  'I will take a stab at cooking',
]

describe('crisis test set', () => {
  const run = (text: string, locale: Locale) => analyze(text, { locale }).crisis

  it.each(NL_MESSY)('nl messy: %s', (text, kind) => {
    const c = run(text, 'nl')
    expect(c.detected, text).toBe(true)
    expect(c.kind).toBe(kind)
  })

  it.each(NL_ALARM)('nl alarm: %s', (text, kind) => {
    const c = run(text, 'nl')
    expect(c.detected, text).toBe(true)
    expect(c.kind).toBe(kind)
  })
  it.each(EN_ALARM)('en alarm: %s', (text, kind) => {
    const c = run(text, 'en')
    expect(c.detected, text).toBe(true)
    expect(c.kind).toBe(kind)
  })
  it.each(NL_QUIET)('nl quiet: %s', (text) => expect(run(text, 'nl').detected).toBe(false))
  it.each(EN_QUIET)('en quiet: %s', (text) => expect(run(text, 'en').detected).toBe(false))
})

// Every combination of who, what and whom: a new subject or object must not slip through.
describe('crisis test set, combinations', () => {
  const missed = (list: [string, Locale][]) => list.filter(([t, l]) => !analyze(t, { locale: l }).crisis.detected).map(([t]) => t)

  it('Dutch violence by anyone against the writer or a child', () => {
    const list: [string, Locale][] = []
    for (const s of ['mijn vader', 'mijn moeder', 'mijn man', 'mn vriend', 'mijn ex', 'mijn broer', 'mn oom', 'mijn stiefvader', 'de buurman', 'hij', 'ze'])
      for (const v of ['slaat', 'schopt', 'mishandelt', 'bedreigt', 'misbruikt', 'verkracht', 'wurgt', 'trapt', 'sloeg'])
        for (const o of ['me', 'mij', 'ons', 'mijn moeder', 'mijn zusje', 'de kinderen', 'mijn dochter']) list.push([`${s} ${v} ${o}`, 'nl'])
    for (const s of ['mijn vader', 'hij', 'mijn ex'])
      for (const v of ['geslagen', 'mishandeld', 'bedreigd', 'verkracht', 'misbruikt'])
        for (const o of ['me', 'mijn zusje', 'de kinderen']) list.push([`${s} heeft ${o} ${v}`, 'nl'])
    expect(missed(list)).toEqual([])
  })

  it('Dutch wishes and plans to die or to self-harm', () => {
    const list: [string, Locale][] = []
    for (const a of ['ik wil', 'ik ga', 'k wil', 'ik zou willen', 'soms wil ik'])
      for (const b of ['dood', 'zelfmoord plegen', 'mezelf ophangen', 'van een brug springen', 'voor de trein springen', 'al mijn pillen slikken', 'er een eind aan maken', 'niet meer leven', 'er niet meer zijn', 'voor altijd slapen', 'mezelf van kant maken', 'mezelf iets aandoen', 'mezelf snijden', 'mezelf pijn doen', 'mezelf krassen'])
        list.push([`${a} ${b}`, 'nl'])
    expect(missed(list)).toEqual([])
  })

  it('English violence by anyone against the writer or a child', () => {
    const list: [string, Locale][] = []
    for (const s of ['my dad', 'my mum', 'my husband', 'my boyfriend', 'my ex', 'my brother', 'my uncle', 'my stepdad', 'he', 'she'])
      for (const v of ['hits', 'beats', 'kicks', 'abuses', 'threatens', 'rapes', 'chokes', 'punches', 'slaps', 'hurts', 'has hit', 'has abused', 'hit', 'beat', 'threatened'])
        for (const o of ['me', 'us', 'my mum', 'my sister', 'the kids', 'my daughter']) list.push([`${s} ${v} ${o}`, 'en'])
    expect(missed(list)).toEqual([])
  })

  it('English wishes and plans to die or to self-harm', () => {
    const list: [string, Locale][] = []
    for (const a of ['i want to', 'i wanna', 'im going to', 'i feel like i want to', 'sometimes i want to'])
      for (const b of ['die', 'kill myself', 'end my life', 'hang myself', 'jump off a bridge', 'take all my pills', 'end it all', 'disappear forever', 'not be here anymore', 'cut myself', 'hurt myself', 'burn myself'])
        list.push([`${a} ${b}`, 'en'])
    expect(missed(list)).toEqual([])
  })
})
