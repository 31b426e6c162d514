import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from './data/first-names'
import { ORGANISATIONS, ORGANISATION_HEADS } from './data/organisations'
import { AMBIGUOUS_PLACES, PLACES } from './data/places'
import { SURNAMES_LIST } from './data/surnames'
import { SAFE_CAPITALISED } from './data/safe-words'
import type { PiiKind } from './kinds'
import { specialPatterns } from './special'
import { B, E, ci, ciAlternation, spansOf, type Candidate } from './spans'

/**
 * Detectors for words: names (lists of first names and surnames in any case, titles, relation
 * words, the client's own names), places, organisations, street names, special-category words,
 * and every capitalised word inside a sentence that is not a known safe word (in Dutch a capital
 * inside a sentence almost always starts a name).
 */

const WORD = "[\\p{L}][\\p{L}\\p{M}'’]*(?:-[\\p{L}][\\p{L}\\p{M}'’]*)*"
const CAP_WORD = "\\p{Lu}[\\p{L}\\p{M}'’]*(?:-[\\p{L}][\\p{L}\\p{M}'’]*)*"
const PARTICLE = ci("(?:van|de|der|den|ter|ten|te|el|al|bin|ben|ibn|abu|ould|la|le|da|dos|du|von|vande|'t)")

const firstNames = FIRST_NAMES.filter((n) => !AMBIGUOUS_FIRST_NAMES.has(n))
const FIRST_ANY = ciAlternation(firstNames)
const FIRST_CAP = ciAlternation(AMBIGUOUS_FIRST_NAMES, true)
const SURNAME_ANY = ciAlternation(SURNAMES_LIST)
/** What may follow a first name as a surname: particles then any word, a capitalised word, or a known surname. */
const TAIL = `(?:\\s+(?:${PARTICLE}[\\s-]+)+${WORD}|\\s+(?:${CAP_WORD})|\\s+(?:${SURNAME_ANY})${E}){0,2}`

const FIRST_NAME_RE = new RegExp(`${B}(?:${FIRST_ANY}|${FIRST_CAP})${E}${TAIL}`, 'gu')

const TITLES = ci(
  "dr|drs|mr|mw|mevr|dhr|ir|prof|mrs|ms|mx|sr|jr|dokter|doctor|mevrouw|meneer|mijnheer|de\\s+heer|juf|juffrouw|meester|" +
  'zuster|broeder|mister|miss|madam|sir|imam|pastoor|dominee|wijkagent|agent|rechter|advocaat|advocate|notaris|professor|tante|oom|opa|oma',
)
/** After a title: particles and a name, in any case when it is a known name or follows a particle. */
const AFTER_TITLE = `(?:${PARTICLE}[\\s-]+)*(?:${CAP_WORD}|(?:${SURNAME_ANY}|${FIRST_ANY})${E})`
const TITLE_RE = new RegExp(`${B}(?:${TITLES})\\.?\\s+(${AFTER_TITLE}(?:\\s+(?:${PARTICLE}[\\s-]+)*${CAP_WORD})?)`, 'gud')
const NOT_AFTER_TITLE = /^(?:van\s+de\s+|van\s+het\s+)?(?:gemeente|bank|school|opvang|kliniek|politie|wijkteam|woningbouw|belasting|zorg|de|het|een|die|dat)$/i

const RELATIONS = ci(
  'broer|broertje|zus|zusje|zuster|moeder|mama|mam|vader|papa|pap|oma|opa|tante|oom|neef|nicht|vriend|vriendin|vriendje|' +
  'maat|maatje|buurman|buurvrouw|buurmeisje|buurjongen|zoon|zoontje|dochter|dochtertje|man|vrouw|partner|ex|collega|baas|' +
  'begeleider|begeleidster|casemanager|mentor|coach|trainer|kind|stiefvader|stiefmoeder|schoonmoeder|schoonvader|zwager|' +
  'schoonzus|kleinzoon|kleindochter|hulpverlener|brother|sister|mother|mom|mum|father|dad|grandma|grandpa|aunt|uncle|' +
  'cousin|nephew|niece|friend|girlfriend|boyfriend|mate|buddy|neighbour|neighbor|son|daughter|wife|husband|colleague|' +
  'boss|caseworker|counsellor|counselor|teacher|taalmaatje|bewindvoerder|kinderen|kids|children|broers|zussen',
)
const RELATION_RE = new RegExp(
  `${B}${ci("(?:mijn|m['’]n|mn|onze|ons|jouw|je|zijn|z['’]n|haar|hun|my|our|your|his|her|their)")}\\s+(?:${WORD}\\s+)?(?:${RELATIONS})(?:\\s*,)?\\s+` +
    `((?:${CAP_WORD}|(?:${FIRST_ANY}|${SURNAME_ANY}|${ciAlternation(AMBIGUOUS_FIRST_NAMES)})${E})${TAIL})`,
  'gud',
)
/**
 * A word in small letters right after a relation word ("mn dochter maryam") is taken for a name,
 * unless it is one of the words that usually follow there (verbs, small words).
 */
const AFTER_RELATION_RE = new RegExp(
  `${B}${ci("(?:mijn|m['’]n|mn|me|onze|ons|jouw|zijn|z['’]n|haar|hun|my|our|your|his|her|their)")}\\s+(?:${WORD}\\s+)?(?:${RELATIONS})(?:\\s*,)?\\s+(\\p{Ll}[\\p{Ll}'’-]{2,})(?![\\p{L}\\p{N}])`,
  'gud',
)
const NOT_A_NAME = new Set(
  (
    'is was zit zat woont woonde heeft had helpt hielp komt kwam gaat ging kan kon wil wou wilde zegt zei belt belde werkt werkte doet deed ' +
    'geeft gaf maakt maakte weet wist vindt vond staat stond ligt lag leeft speelt houdt hield kookt brengt bracht haalt haalde past ziet zag ' +
    'neemt nam moet moest mag mocht zal zou hebben zijn zijnde die dat dit wie wat waar ook nog niet wel maar want dus toen nu hier daar ' +
    'heel erg altijd vaak soms nooit even weer echt gewoon samen alleen van uit bij met voor naar over als aan tegen zonder tot sinds ' +
    'heet noemt noem lacht luistert steunt snapt begrijpt kent vertelt schrijft stuurt appt mailt rijdt fietst loopt slaapt eet drinkt ' +
    'werd wordt blijft bleef kreeg krijgt leert leerde zoekt zocht denkt dacht voelt merkt hoort praat spreekt zingt danst bidt ' +
    'and who was has had lives lived helps helped calls called says said works worked does did can could will would is are the ' +
    'gets got takes took makes made knows knew thinks loves likes cooks visits always often never also still just too very ' +
    'mijn jouw zijn haar onze een het de ik jij hij zij wij jullie ze je me mij hem ons hun er zo heb ben en of'
  ).split(' '),
)
/** A capitalised first word of a sentence is a name when what follows says so ("Rocco helpt mij"). */
const NAME_FIRST_RE = new RegExp(
  `(?:^|(?<=[.!?;:\\n]\\s*))(${CAP_WORD})(?=\\s+(?:is\\s+(?:mijn|m['’]n|my|onze|our)|was\\s+(?:mijn|my)|en\\s+ik|and\\s+I|helpt|hielp|belt|belde|zegt|zei|woont|komt|kookt|steunt|luistert|snapt|appt|bezoekt|heeft\\s+me|helps|calls|says|lives|visits|cooks|supports)\\b)`,
  'gud',
)
const NOT_FIRST_NAME = new Set('ik het de een dit dat die deze er hij zij ze wij we jij je mijn onze iedereen niemand alles niets god this that it he she they we my our everyone nobody everything nothing'.split(' '))

const CALLED_RE = new RegExp(
  `${B}${ci("(?:ik\\s+heet|heet\\s+ik|heet|heten|mijn\\s+naam\\s+is|noem\\s+me|noem\\s+mij|genaamd|my\\s+name\\s+is|i\\s+am\\s+called|i['’]?m\\s+called|call\\s+me|named|called)")}\\s+` +
    `((?:${PARTICLE}[\\s-]+)*${WORD}${TAIL})`,
  'gud',
)
const CALLED_STOP = /^(?:het|de|een|niet|ook|nog|dat|die|zo|it|the|a|not|me|mij|jij|je|you|ik|i)$/i

const PLACE_ANY = ciAlternation(PLACES.filter((p) => !AMBIGUOUS_PLACES.has(p)))
const PLACE_CAP = ciAlternation(AMBIGUOUS_PLACES, true)
const PLACE_SUFFIX = ci('(?:[\\s-](?:noord|zuid|oost|west|centrum|stad|buiten|haven))?')
const PLACE_RE = new RegExp(`${B}(?:${PLACE_ANY}|${PLACE_CAP})${PLACE_SUFFIX}${E}`, 'gu')

const ORG_SHORT = new Set(['plus', 'action', 'dirk', 'het leger', 'ing', 'lister', 'antes', 'fier', 'timon', 'bouman', 'mondriaan', 'ns', 'ret', 'ups', 'asn', 'sns', 'kfc', 'coa', 'azc', 'fc', 'ggz'])
const ORG_ANY = ciAlternation(ORGANISATIONS.filter((o) => !ORG_SHORT.has(o)))
const ORG_CAP = ciAlternation(ORG_SHORT, true)
const ORG_RE = new RegExp(`${B}(?:${ORG_ANY}|${ORG_CAP})${E}`, 'gu')
const ORG_LINK = "(?:de|het|van|der|den|des|'t|the|of)"
const ORG_HEAD_RE = new RegExp(`${B}(?:${ci(ORGANISATION_HEADS)})\\s+(?:${ci(ORG_LINK)}\\s+)*${CAP_WORD}(?:\\s+(?:${ci(ORG_LINK)}\\s+)*${CAP_WORD})*`, 'gu')

const STREET_SUFFIX = 'straatweg|straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|hof|markt|pad|park|plantsoen|allee|boulevard|wal|haven|erf|oord|veld|hoek|dam|burg|zijde|baan'
const STREET_PREFIX = "(?:(?:\\p{Lu}[\\p{L}'’.-]*|dr\\.?|mr\\.?|st\\.?|van|de|der|den|het|ter|ten|'t)\\s+){0,3}"
const HOUSE_NUMBER = "\\s+\\d{1,5}(?:\\s?[a-zA-Z](?![\\p{L}\\p{N}]))?(?:\\s?[-/]\\s?(?:\\d{1,4}[a-zA-Z]?|bis|hs|[a-zA-Z]))?(?:\\s+(?:bis|hs|huis|boven|\\d{1,2}\\s?(?:hg|hoog|h)|I{1,3}|IV)(?![\\p{L}]))?"
/** With a house number: any word that ends in a street word, in any case. */
const STREET_NUMBER_RE = new RegExp(`${B}${STREET_PREFIX}[\\p{L}'’-]*\\p{L}(?:${STREET_SUFFIX})${HOUSE_NUMBER}${E}`, 'gu')
/** Without a number: a capitalised street name, or a lower-case one on a strong street word. */
const STREET_CAP_RE = new RegExp(`${B}${STREET_PREFIX}\\p{Lu}[\\p{L}'’-]*\\p{L}(?:${STREET_SUFFIX.replace('|dam|burg', '')})${E}`, 'gu')
const STREET_LOWER_RE = /(?<![\p{L}\p{N}])[\p{Ll}'’-]{2,}(?:straatweg|straat|laan|gracht|singel|dreef|steeg|plantsoen|kade)(?![\p{L}\p{N}])/gu
const NOT_STREETS = new Set(['winkelstraat', 'zijstraat', 'woonstraat', 'dreef', 'bouwkade', 'steeg', 'uitlaan'])
/** "Laan van Meerdervoort 55", "plein van de Mensenrechten": the street word first. */
const STREET_FIRST_RE = new RegExp(`${B}${ci('(?:laan|plein|weg|straat|kade|singel|dreef)')}\\s+${ci('(?:van|der|de|den|op|in|aan)')}(?:\\s+${ci('(?:de|het|der|den)')})?\\s+${WORD}(?:${HOUSE_NUMBER})?${E}`, 'gu')
const EN_STREET_RE = new RegExp(`${B}\\d{1,5}[a-z]?\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,3}(?:Street|Road|Avenue|Lane|Drive|Way|Close|Square|Place|Court|Crescent|Terrace|Gardens|Hill|St|Rd|Ave)\\.?${E}`, 'gu')

/** After "ik woon op", "adres:", "I live at": the street, whatever its name ("Rokin 120"). */
const ADDRESS_CONTEXT_RE = new RegExp(
  `${B}${ci('(?:woon|woont|wonen|woonde|woonden|adres|address|live|lives|lived)')}(?:\\s+${ci('(?:is|op|aan|at|on)')})?\\s*:?\\s*(?:${ci('(?:de|het|the)')}\\s+)?` +
    `((?:${CAP_WORD}|${WORD})(?:\\s+(?:${CAP_WORD}|${PARTICLE})){0,3}\\s+\\d{1,5}(?:\\s?[a-zA-Z](?![\\p{L}\\p{N}]))?(?:\\s?[-/]\\s?\\w{1,4})?)${E}`,
  'gud',
)

const SPECIAL = specialPatterns()

/** Words with a capital inside a sentence: runs of them, with particles between ("Leger des Heils"). */
const CAP_RUN_RE = new RegExp(`${B}${CAP_WORD}(?:\\s+(?:(?:de|des|der|den|van|het|el|al|of|the|and|&)\\s+)*${CAP_WORD})*`, 'gu')

function atSentenceStart(text: string, start: number): boolean {
  const before = text.slice(0, start).replace(/[\s"'“‘(«*-]+$/u, '')
  return before === '' || /[.!?:;\n•]$/.test(before)
}

function knownPattern(values: readonly string[]): RegExp | null {
  const parts = new Set<string>()
  for (const value of values) {
    const clean = value.trim().replace(/\s+/g, ' ')
    if (clean.length < 2) continue
    parts.add(clean)
    // Each part of a full name on its own ("Sam", "de Vries"), but never a bare particle.
    const words = clean.split(' ')
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? ''
      if (new RegExp(`^${PARTICLE}$`, 'u').test(word)) {
        const rest = words.slice(i).join(' ')
        if (i > 0 && rest.length > word.length) parts.add(rest)
        continue
      }
      if (word.replace(/[^\p{L}]/gu, '').length >= 3) parts.add(word)
    }
  }
  if (parts.size === 0) return null
  return new RegExp(`${B}(?:${ciAlternation(parts)})${E}`, 'gu')
}

function withoutPrefix(names: readonly string[]): string[] {
  return names.flatMap((n) => {
    const bare = n.replace(/^(?:stichting|vereniging|foundation)\s+/i, '')
    return bare !== n ? [n, bare] : [n]
  })
}

export interface KnownValues {
  names: readonly string[]
  organisations: readonly string[]
}

export function wordCandidates(text: string, known: KnownValues): Candidate[] {
  const out: Candidate[] = []
  const push = (kind: PiiKind, rank: number, found: Iterable<{ start: number; end: number; value: string }>, ok?: (v: string, start: number) => boolean) => {
    for (const m of found) if (!ok || ok(m.value, m.start)) out.push({ start: m.start, end: m.end, kind, rank })
  }
  // The client's own data first: a known name wins over any pattern it overlaps.
  const names = knownPattern(known.names)
  if (names) push('name', 0, spansOf(names, text))
  const orgs = knownPattern(withoutPrefix(known.organisations))
  if (orgs) push('organisation', 1, spansOf(orgs, text))
  push('street', 20, spansOf(STREET_NUMBER_RE, text))
  push('street', 21, spansOf(EN_STREET_RE, text))
  push('street', 24, spansOf(STREET_FIRST_RE, text))
  push('street', 25, spansOf(ADDRESS_CONTEXT_RE, text, 1))
  push('street', 37, spansOf(STREET_CAP_RE, text))
  push('street', 38, spansOf(STREET_LOWER_RE, text), (v) => !NOT_STREETS.has(v.toLowerCase()))
  push('name', 30, spansOf(TITLE_RE, text, 1), (v) => !NOT_AFTER_TITLE.test(v.trim()))
  push('name', 31, spansOf(RELATION_RE, text, 1))
  push('name', 32, spansOf(CALLED_RE, text, 1), (v) => !CALLED_STOP.test(v.split(/\s+/)[0] ?? ''))
  push('name', 32, spansOf(AFTER_RELATION_RE, text, 1), (v) => !NOT_A_NAME.has(v.toLowerCase()) && !/(?:en|je|tje|ig|lijk|isch)$/.test(v))
  push('name', 32, spansOf(NAME_FIRST_RE, text, 1), (v) => !NOT_FIRST_NAME.has(v.toLowerCase()) && !SAFE_CAPITALISED.has(v.toLowerCase()))
  push('name', 33, spansOf(FIRST_NAME_RE, text))
  push('organisation', 34, spansOf(ORG_RE, text))
  push('organisation', 35, spansOf(ORG_HEAD_RE, text))
  push('place', 36, spansOf(PLACE_RE, text))
  for (const { kind, re } of SPECIAL) push(kind, 40, spansOf(re, text))
  for (const m of spansOf(CAP_RUN_RE, text)) {
    if (atSentenceStart(text, m.start)) {
      // The first word of a sentence is capitalised anyway: only the rest of the run counts.
      const rest = /^\S+\s+/u.exec(m.value)
      if (!rest) continue
      const start = m.start + rest[0].length
      const tail = text.slice(start, m.end)
      if (!/^\p{Lu}/u.test(tail) || SAFE_CAPITALISED.has(tail.toLowerCase())) continue
      out.push({ start, end: m.end, kind: 'name', rank: 50 })
      continue
    }
    const words = m.value.split(/\s+/)
    if (words.every((w) => SAFE_CAPITALISED.has(w.toLowerCase()) || !/^\p{Lu}/u.test(w))) continue
    if (SAFE_CAPITALISED.has(m.value.toLowerCase())) continue
    out.push({ start: m.start, end: m.end, kind: 'name', rank: 50 })
  }
  return out
}
