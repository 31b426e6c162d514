// Every composed rule in data/crisis/rules.json has an example here that it must fire on, so a
// rule that stops working (or a new rule without an example) fails. The look-alike structures
// each get sentences that must stay quiet.
import { describe, expect, it } from 'vitest'
import rulesData from '../../data/crisis/rules.json'
import { crisisTokens } from './normalise'
import { scanComposed } from './compose'
import { composedRules } from '.'

const fired = (text: string): string[] => scanComposed(crisisTokens(text), composedRules()).hits.map((h) => h.rule)

// rule id -> a sentence it must fire on (written for this test, not taken from the eval sets).
const EXAMPLES: Record<string, string> = {
  'explicit-suicide': 'ik denk echt aan zelfmoord',
  'wish-to-die': 'soms wil ik gewoon dood',
  'wish-to-go': 'ik wil hier niet meer zijn',
  'soft-death-accepted': 'het is beter als ik morgen niet meer wakker word',
  'death-accepted': 'als ik niet meer wakker word is het ook goed',
  'thinks-of-death': 'ik denk de hele dag aan dood zijn',
  burden: 'ik ben een last voor mijn familie',
  hopeless: 'ik zie echt geen uitweg',
  'hopeless-ending': 'ik zie geen uitweg meer en wil er niet meer zijn',
  goodbye: 'als ik er niet meer ben, lees dan mijn brief',
  farewell: 'ik heb afscheid genomen van iedereen',
  affairs: 'ik heb mijn begrafenis al geregeld',
  'affairs-soft': 'alles is geregeld, jullie hoeven niks meer',
  'after-me': 'de papieren liggen klaar voor na mij',
  'giving-away': 'ik heb mijn gitaar weggegeven, ik heb hem niet meer nodig',
  plan: 'ik weet al hoe ik het ga doen',
  'plan-soft': 'ik heb een datum gekozen',
  'follow-in-death': 'zodra mijn vader er niet meer is ga ik ook',
  'helpline-contact': 'ik heb vannacht 113 gebeld',
  'pills-gathered': 'ik heb slaappillen verzameld',
  'pills-all': 'ik heb al mijn pillen in een bakje gedaan',
  'swallow-all': 'ik neem straks alles wat ik heb in een keer',
  'lethal-lookup': 'ik heb opgezocht hoeveel pillen dodelijk is',
  'height-jump': 'ik wil van het dak springen',
  'height-stand': 'ik stond vannacht op de brug',
  'tracks-stand': 'ik sta op het spoor',
  'looking-down': 'ik keek van het balkon naar beneden',
  train: 'ik ga op het spoor liggen',
  'train-jump': 'bij het spoor was ik bijna gesprongen',
  rope: 'ik heb een touw gekocht voor mij',
  'rope-weak': 'ik heb mijn riem aan het plafond geknoopt',
  car: 'ik rij morgen tegen een boom',
  water: 'ik loop zo de rivier in',
  gas: 'ik draai de gaskraan open',
  'double-dose': 'vanavond neem ik een dubbele dosis',
  'self-harm-word': 'ik doe aan zelfbeschadiging',
  'harm-self': 'ik wil mezelf snijden',
  'harm-self-short': 'kras me weer tot het bloedt',
  'harm-body': 'ik kras in mijn armen',
  'blade-hidden': 'ik heb mesjes verstopt in mijn kamer',
  wounds: 'mijn armen zitten vol krassen',
  starving: 'ik eet niks meer, expres',
  'pain-on-purpose': 'ik hou mijn hand onder heet water, expres',
  'pain-until': 'ik knijp tot het bloedt',
  'not-eating': 'ik eet niks meer',
  'deserve-pain': 'ik verdien pijn',
  'use-alone': 'i always use alone',
  'drug-alone': 'doing heroine alone tonight',
  'use-alone-nl': 'ik ga vanavond alleen gebruiken',
  mixing: 'ik mix pillen met drank',
  'two-drugs': 'ghb en alcohol vanavond',
  'more-drugs': 'na twee pillen wil ik er nog meer',
  'all-at-once': 'vannacht neem ik alles tegelijk',
  'use-all-at-once': 'ik ga spuiten, alles in een keer',
  'last-time': 'boeit me niet als dit mijn laatste shot is',
  'wake-carefree': 'het kan me niet schelen of ik wakker word',
  'using-to-death': 'ik drink tot ik er niet meer ben',
  tolerance: 'net uit de kliniek en ik neem mijn oude dosis',
  'stronger-batch': 'het nieuwe spul is sterker maar ik neem mijn normale dosis',
  'passing-out': 'ik ben drie keer out gegaan en ik ga door',
  'passing-out-alone': 'bijna overleden aan de ghb',
  'passing-out-using': 'ik was blauw geworden na het gebruiken',
  'threat-kill': 'hij zegt dat hij me vermoordt',
  threatened: 'mijn ex blijft mij bedreigen',
  strangled: 'hij kneep mijn keel dicht',
  stalked: 'mijn ex staat elke avond voor de deur',
  'locked-in': 'hij sluit me op in de kamer',
  'papers-taken': 'mijn man heeft mijn paspoort afgepakt',
  'forced-marriage': 'ik moet trouwen met iemand die ik niet ken',
  'forced-marriage-word': 'ze willen mij uithuwelijken',
  honour: 'mijn broers zeggen dat ik de eer heb geschonden en dat ik moet boeten',
  'dead-if-found-out': 'als mijn vader het hoort dan ben ik dood',
  exploited: 'ik moet werken voor hem om mijn schuld af te betalen',
  trafficked: 'hij heeft me verkocht aan een andere man',
  sexual: 'mijn oom zit aan me',
  hit: 'hij heeft me tegen de muur gegooid',
  'afraid-home': 'ik ben bang om naar huis te gaan',
  'fear-harming': 'ik ben bang dat ik mijn baby iets aandoe',
  'harming-child': 'ik heb mijn zoon hard vastgepakt',
  'intent-other': 'ik ga hem afmaken',
  weapon: 'ik heb een mes gekocht voor als hij komt',
  'child-abuse': 'mijn ex slaat onze zoon',
  'child-signs': 'mijn dochter is bang om naar haar vader te gaan',
  'child-secret': 'hij zegt dat hij niks mag vertellen',
  'child-neglect': 'de kinderen zijn al twee dagen alleen thuis',
  'child-witness': 'de kinderen zien hoe hij mij slaat',
  'parent-fail': 'mijn moeder is altijd dronken',
  'no-food': 'wij krijgen thuis geen eten',
  'parent-using': 'als ik high ben let niemand op de kinderen',
  // Round 2: families written as concepts after a fresh probe (eval/crisis-probe-r2.jsonl).
  'farewell-cues': 'vergeef me alsjeblieft, en zorg goed voor mijn kat',
  'farewell-cue': 'sorry voor alles wat ik jullie heb aangedaan',
  'at-peace': 'ik denk vaak na hoe het zou zijn als ik er niet meer ben',
  'pills-lookup': 'weet iemand hoeveel tabletten genoeg zijn',
  'lethal-question': 'wat is de maximale dosis voordat je niet meer wakker wordt',
  'body-in-danger': 'na de coke gaat mijn hart zo tekeer, het stopt niet',
  'body-in-danger-use': 'ik heb te veel geslikt en hij ademt heel langzaam',
  'all-at-once-taken': 'ik heb mijn hele strip in een keer geslikt, alles tegelijk genomen',
  'threat-kill-long': 'hij appte vannacht dat als ik naar de politie ga, ik het niet ga navertellen',
  'stalked-plain': 'er staat al dagen een busje om de hoek van mijn flat',
  bondage: 'ik mag pas weg als de schuld van de reis betaald is',
  'revenge-plan': 'ik weet waar hij nu woont, hij gaat spijt krijgen',
  revenge: 'die vent krijgt wat hij verdient',
  'tolerance-soft': 'drie maanden niks gebruikt in de kliniek, vrijdag ga ik meteen scoren',
  'dead-if-found-out-long': 'als mijn vader ooit te weten komt dat ik een vriendin heb, ben ik niet meer veilig',
  // The check-in net: a risk word about the writer or someone close asks gently.
  'check-in-net': 'soms wil ik gewoon verdwijnen, ver weg van alles',
  'check-in-net-violence': 'mijn stiefvader dreigt steeds als mama er niet is',
  'check-in-net-harm': 'ik loop met een mes rond op straat',
  'check-in-net-overdose': 'mijn vriendin is omgevallen in de wc',
  // Round 6: families written for the types set 5 missed (data/README.md), examples written here.
  'self-harm-code': 'gisteravond weer streepjes gezet',
  'wounds-hidden': 'ik heb echt veel pleisters nodig, niet vragen',
  'tool-broken': 'ik heb mijn puntenslijper uit elkaar gehaald',
  'heat-pressed': 'ik hield mijn hand boven de vlam van de kaars',
  'feel-something': 'ik wilde gewoon iets voelen',
  'head-banging': 'ik sloeg mijn hoofd tegen de muur',
  'wound-care': 'mijn arm blijft bloeden, moet het gehecht worden',
  'too-much-on-purpose': 'ik slik expres te veel pijnstillers',
  'drug-carefree': 'wodka en coke vanavond, boeie',
  'ghb-dose': 'vanavond een extra dopje g',
  'hopeless-strong': 'voor mij is er geen plek op deze wereld',
  'join-the-dead': 'mijn vrouw is overleden en ik wil bij haar zijn',
  'at-water': 'ik sta bij de gracht en twijfel',
  'order-broken': 'hij heeft een contactverbod maar staat toch voor mijn deur',
  intimidation: 'er lag een dode kat op mijn stoep',
  'threat-direct': 'hij appte: ik weet waar je kinderen op school zitten',
  'control-threat': 'als ik toch naar mijn zus ga weet ik wat er gebeurt',
  'excused-injury': 'mijn oog is blauw maar hij had een slechte dag',
  'child-material': 'er worden foto\'s van een klein meisje rondgestuurd in de groepsapp',
  'child-street': 'mijn kinderen en ik moeten vannacht buiten slapen',
  fgm: 'ze willen mijn dochter laten besnijden',
  grooming: 'mijn nichtje van 13 chat elke nacht met een man van 35',
  'child-signs-two': 'mijn dochter moet bij hem op schoot zitten en ze huilt erna',
  'armed-group': 'we gaan met zijn allen naar die jongens, met messen',
  'harm-coming': 'vanavond gaat er iemand gewond raken',
  'poison-other': 'ik doe gif in zijn koffie',
  'poison-held': 'ik heb rattengif gekocht',
  'gave-possessions': 'ik heb mijn playstation aan mijn neef gegeven',
  'letters-written': 'ik heb briefjes geschreven voor mijn ouders',
  'letters-hidden': 'de brieven voor mijn kinderen zijn klaar en liggen in de la',
  'last-time-end': 'ik knuffel mijn hond voor het laatst',
  'sitter-gone': 'de oppas is er vandoor en ik ben nog op mijn werk',
}

describe('composed crisis rules', () => {
  it('has an example for every rule', () => {
    const ids = (rulesData as { rules: { id: string }[] }).rules.map((r) => r.id)
    expect(ids.filter((id) => !(id in EXAMPLES))).toEqual([])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(Object.entries(EXAMPLES))('%s fires on its example', (id, text) => {
    expect(fired(text)).toContain(id)
  })
})

describe('look-alike structures', () => {
  it.each([
    ['idiom', 'ik ga dood van het lachen om die video'],
    ['idiom', 'mijn telefoon is dood, ik laad hem op'],
    ['idiom', 'ik wil even verdwijnen onder mijn dekbed'],
    ['media', 'in de film springt de held van een brug'],
    ['media', 'ik las in de krant over een vrouw die gestalkt werd'],
    ['name', 'ik slaap nu in De Brug aan de Spoorstraat'],
    ['name', 'ik ga elke dinsdag naar inloophuis Het Touw'],
    ['past, worked through', 'vroeger wilde ik dood, nu heb ik een huis en een hond'],
    ['someone else', 'mijn buurman is overleden aan een overdosis'],
    ['harmless purpose', 'ik heb een touw gekocht voor de verhuizing'],
    ['harmless purpose', 'ik heb messen gekocht voor mijn nieuwe keuken'],
    ['safe use', 'ik gebruik nooit alleen, ik ga naar de gebruiksruimte'],
    ['never', 'mijn vader slaat nooit, hij is streng maar lief'],
    ['quitting', 'ik wil niet meer drinken'],
    ['fasting', 'ik vast in de ramadan en eet pas na zonsondergang'],
    ['coping plan', 'als ik me slecht voel bel ik 113'],
    ['thanks with a plan', 'bedankt voor alles, volgende week begin ik aan mijn nieuwe baan'],
    ['photo from a height', 'ik sta op het dak om de zonsondergang te fotograferen'],
    ['someone near for a good reason', 'mijn moeder wacht om de hoek met de auto om me op te halen'],
    ['medication as prescribed', 'ik neem mijn pillen elke ochtend zoals de dokter zegt'],
    ['grief', 'mijn opa is overleden en ik mis hem'],
    ['a joke with an emoji', 'ik ben zo dood als mijn moeder dit ziet 😂'],
    ['debt with a plan', 'ik werk om de schuld af te betalen, de regeling loopt goed'],
    // Round 6 structures.
    ['a lesson about it', 'op school kregen we voorlichting over zelfbeschadiging'],
    ['an exam idiom', 'dat proefwerk was gewoon zelfmoord'],
    ['the last cigarette', 'dit is mijn laatste sigaret, ik stop ermee'],
    ['a commute', 'ik sta op het station en mijn trein heeft vertraging'],
    ['a kitchen accident', 'ik brandde per ongeluk mijn vingers aan de pan'],
    ['a teenager home alone', 'mijn zoon van 16 is vanavond alleen thuis, hij is zelfstandig'],
    ['a surprise', 'mijn dochter heeft een geheimpje met oma, een verrassing voor mijn verjaardag'],
    ['fun by the water', 'ik sta aan de kade en ga zo zwemmen met mijn vrienden'],
    ['poison for pests', 'ik heb rattengif gekocht tegen de ratten in de schuur'],
    ['an old thing given', 'ik heb mijn oude fiets aan mijn neefje gegeven'],
  ])('%s: %s', (_, text) => {
    expect(fired(text)).toEqual([])
  })

  it('still fires when the harm goes on now, past or not', () => {
    expect(fired('vroeger sloeg hij me en nu slaat hij me nog steeds').length).toBeGreaterThan(0)
  })

  it('reads a capitalised means at the start of a sentence or in capitals as a means, not a name', () => {
    expect(fired('IK SPRING VAN DE BRUG')).toContain('height-jump')
  })
})
