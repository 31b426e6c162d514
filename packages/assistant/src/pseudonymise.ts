/**
 * Before any text leaves the server for a model, personal data is replaced by placeholders
 * such as [NAAM_1] or [TELEFOON_1]; the model's answer is restored with the same table.
 *
 * Detection works on spans of the original text (never on half-masked text), so
 * `restore(mask(text)) === text` holds for every input. Text that already looks like a
 * placeholder is itself masked, so it cannot be confused with a real one.
 */

export const piiKinds = ['name', 'phone', 'email', 'address', 'postcode', 'bsn', 'date'] as const
export type PiiKind = (typeof piiKinds)[number]

const LABELS: Record<PiiKind, string> = {
  name: 'NAAM',
  phone: 'TELEFOON',
  email: 'EMAIL',
  address: 'ADRES',
  postcode: 'POSTCODE',
  bsn: 'BSN',
  date: 'DATUM',
}
const LABEL_TO_KIND = new Map<string, PiiKind>(Object.entries(LABELS).map(([k, v]) => [v, k as PiiKind]))

/** A placeholder as a model may write it back: with or without brackets, any case. */
const TOKEN_RE = /\[?\b(NAAM|TELEFOON|EMAIL|ADRES|POSTCODE|BSN|DATUM)_(\d{1,6})\b\]?/gi

// ---------------------------------------------------------------------------------------------
// Detectors

const B = '(?<![\\p{L}\\p{N}])' // no letter or digit before
const E = '(?![\\p{L}\\p{N}])' // no letter or digit after

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu

/** 06-12345678, 06 1234 5678, +31 6 12345678, 0031 (0)6..., 020-1234567, 0201234567. */
const PHONE_RE = new RegExp(`(?<![\\p{L}\\p{N}+])(?:(?:\\+|00)31[\\s.-]{0,2}(?:\\(0\\)[\\s.-]{0,2})?|0)(?:\\d[\\s.\\-]{0,2}){8}\\d${E}`, 'gu')

/** Nine digits, alone or as 1234.56.789 / 123 456 789; only kept when the elfproef passes. */
const BSN_RE = new RegExp(`${B}(?:\\d{9}|\\d{4}[.\\s]\\d{2}[.\\s]\\d{3}|\\d{3}[.\\s]\\d{3}[.\\s]\\d{3})${E}`, 'gu')

/** 1234 AB, 1234AB, 1234ab. */
const POSTCODE_RE = new RegExp(`${B}[1-9]\\d{3}(?:\\s?[A-Z]{2}|[a-z]{2})${E}`, 'gu')

const STREET_SUFFIX =
  'straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|hof|markt|pad|park|plantsoen|allee|boulevard|wal|haven|erf|oord|veld'
/** Kerkstraat 12, Van Goghlaan 3a, Lange Nieuwstraat 5-2, de Dorpsweg 4 bis. */
const ADDRESS_RE = new RegExp(
  `${B}(?:(?:\\p{Lu}[\\p{L}'’.-]*|van|de|der|den|het|ter|ten|'t|st\\.?)\\s+){0,3}` +
    `[\\p{L}'’-]*\\p{L}(?:${STREET_SUFFIX})(?!\\p{L})\\s+\\d{1,5}` +
    `(?:\\s?[a-zA-Z](?![\\p{L}\\p{N}]))?(?:\\s?[-/]\\s?\\d{1,4}[a-zA-Z]?)?(?:\\s+(?:bis|hs|huis|boven|I{1,3}|IV)(?![\\p{L}]))?${E}`,
  'gu',
)

const MONTHS_NL = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december'
const MONTHS_EN = 'january|february|march|april|may|june|july|august|september|october|november|december'
const MONTHS_SHORT = 'jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec'
const MONTH = `(?:${MONTHS_NL}|${MONTHS_EN}|${MONTHS_SHORT})\\.?`
const YEAR = '(?:19|20)\\d{2}'
/** 12-03-1990, 12/3/90, 1990-03-12, 12 maart 1990, 12th of March 1990, March 12, 1990. */
const DATE_RES = [
  new RegExp(`${B}(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:${YEAR}|\\d{2})|${YEAR}-\\d{1,2}-\\d{1,2})${E}`, 'gu'),
  new RegExp(`${B}\\d{1,2}(?:st|nd|rd|th|e|ste|de)?(?:\\s+of)?\\s+${MONTH}\\s+${YEAR}${E}`, 'giu'),
  new RegExp(`${B}${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+${YEAR}${E}`, 'giu'),
]

/** A name: a capital and then small letters ("Fatima", "Jan-Willem", "Özil"). */
const NAME = "\\p{Lu}\\p{Ll}[\\p{L}'’-]*"
const PARTICLE = '(?:van|de|der|den|ter|ten|el|al|bin|ben|le|la|da|dos|du)'
const FULL_NAME = `${NAME}(?:\\s+(?:${PARTICLE}\\s+)*${NAME}){0,2}`

/** Case-insensitive first letter for words in a case-sensitive pattern. */
function ci(words: string): string {
  return words
    .split('|')
    .map((w) => `[${w.charAt(0).toLowerCase()}${w.charAt(0).toUpperCase()}]${w.slice(1)}`)
    .join('|')
}

const RELATIONS_NL =
  'broer|broertje|zus|zusje|zuster|moeder|mama|mam|ma|vader|papa|pap|pa|oma|opa|tante|oom|neef|nicht|' +
  'vriend|vriendin|vriendje|vriendinnetje|maat|buurman|buurvrouw|buurmeisje|buurjongen|zoon|zoontje|dochter|dochtertje|' +
  'man|vrouw|partner|ex|collega|baas|begeleider|begeleidster|casemanager|mentor|juf|meester|dokter|huisarts|' +
  'stiefvader|stiefmoeder|schoonmoeder|schoonvader|zwager|schoonzus|kleinzoon|kleindochter|hulpverlener|coach|trainer|kind|vriendinnen|vrienden'
const RELATIONS_EN =
  'brother|sister|mother|mom|mum|mommy|mummy|father|dad|daddy|grandma|grandmother|granny|grandpa|grandfather|aunt|auntie|' +
  'uncle|cousin|nephew|niece|friend|girlfriend|boyfriend|mate|buddy|neighbour|neighbor|son|daughter|kid|child|wife|husband|' +
  'partner|ex|colleague|boss|worker|caseworker|case worker|counsellor|counselor|mentor|teacher|doctor|coach|stepfather|' +
  'stepmother|stepdad|stepmom|stepmum'

/** Names after "mijn broer", "m'n beste vriendin", "ik heet", "my friend", "my name is". */
const CONTEXT_NAME_RES = [
  new RegExp(
    `${B}(?:${ci('mijn|onze|ons|jouw|zijn|haar')}|[Mm]['’]n|[Mm]n)\\s+(?:\\p{Ll}+\\s+)?(?:${ci(RELATIONS_NL)})(?:\\s*,)?\\s+(${FULL_NAME})`,
    'gu',
  ),
  new RegExp(`${B}(?:${ci('my|our|your|his|her')})\\s+(?:\\p{Ll}+\\s+)?(?:${ci(RELATIONS_EN)})(?:\\s*,)?\\s+(${FULL_NAME})`, 'gu'),
  new RegExp(
    `${B}(?:${ci('ik heet|heet ik|mijn naam is|noem me|noem mij|ze noemen me|ik ben de|my name is|i am called|call me|named|called|they call me')}|[Ii]['’]?m called)\\s+(${FULL_NAME})`,
    'gu',
  ),
]

function elfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i)
  sum -= Number(digits[8])
  return sum % 11 === 0
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

interface Span {
  start: number
  end: number
  kind: PiiKind
}

function* matches(re: RegExp, text: string, group = 0): Generator<{ start: number; end: number; value: string }> {
  re.lastIndex = 0
  for (const m of text.matchAll(re)) {
    const value = m[group]
    if (value === undefined || m.index === undefined) continue
    const offset = group === 0 ? 0 : m[0].lastIndexOf(value)
    const start = m.index + offset
    yield { start, end: start + value.length, value }
  }
}

function knownNameRegExps(names: readonly string[]): RegExp[] {
  const cleaned = [...new Set(names.map((n) => n.trim().replace(/\s+/g, ' ')).filter((n) => n.length >= 2))]
  cleaned.sort((a, b) => b.length - a.length)
  return cleaned.map((n) => new RegExp(`${B}${escapeRegExp(n).replace(/ /g, '\\s+')}${E}`, 'giu'))
}

/** All personal-data spans in a text, without overlaps (earlier detectors win). */
export function detectPii(text: string, knownNames: readonly string[] = []): Array<Span & { value: string }> {
  const taken: Array<Span & { value: string }> = []
  const free = (s: number, e: number): boolean => taken.every((t) => e <= t.start || s >= t.end)
  const add = (kind: PiiKind, found: Iterable<{ start: number; end: number; value: string }>, ok?: (v: string) => boolean): void => {
    for (const m of found) {
      if (m.end <= m.start || !free(m.start, m.end)) continue
      if (ok && !ok(m.value)) continue
      taken.push({ ...m, kind })
    }
  }
  // Text that already looks like a placeholder is masked too (see the file comment).
  for (const m of matches(TOKEN_RE, text)) {
    const label = /[A-Za-z]+/.exec(m.value)?.[0]?.toUpperCase() ?? 'NAAM'
    add(LABEL_TO_KIND.get(label) ?? 'name', [m])
  }
  add('email', matches(EMAIL_RE, text))
  add('address', matches(ADDRESS_RE, text))
  add('phone', matches(PHONE_RE, text))
  add('bsn', matches(BSN_RE, text), (v) => elfproef(v.replace(/\D/g, '')))
  add('postcode', matches(POSTCODE_RE, text))
  for (const re of DATE_RES) add('date', matches(re, text))
  for (const re of knownNameRegExps(knownNames)) add('name', matches(re, text))
  for (const re of CONTEXT_NAME_RES) add('name', matches(re, text, 1))
  return taken.sort((a, b) => a.start - b.start)
}

export interface Pseudonymiser {
  /** Replaces personal data by placeholders. The same value always gets the same placeholder. */
  mask(text: string): string
  /** Puts the original values back into a text (a model's answer, or a masked text). */
  restore(text: string): string
  /** Placeholders in a text that this pseudonymiser never handed out (a model made them up). */
  unknownPlaceholders(text: string): string[]
  /** Kinds and placeholders handed out so far (no values). */
  replacements(): Array<{ placeholder: string; kind: PiiKind }>
}

export function createPseudonymiser(knownNames: readonly string[] = []): Pseudonymiser {
  const byValue = new Map<string, string>() // kind + value → placeholder
  const byPlaceholder = new Map<string, { value: string; kind: PiiKind }>() // "NAAM_1" → value
  const counters = new Map<PiiKind, number>()
  const names = [...knownNames]

  const placeholderFor = (kind: PiiKind, value: string): string => {
    const key = `${kind}\u0000${value}`
    const existing = byValue.get(key)
    if (existing) return existing
    const n = (counters.get(kind) ?? 0) + 1
    counters.set(kind, n)
    const token = `${LABELS[kind]}_${n}`
    byValue.set(key, token)
    byPlaceholder.set(token, { value, kind })
    return token
  }

  return {
    mask(text) {
      let out = ''
      let at = 0
      for (const span of detectPii(text, names)) {
        out += text.slice(at, span.start) + `[${placeholderFor(span.kind, span.value)}]`
        at = span.end
      }
      return out + text.slice(at)
    },
    restore(text) {
      return text.replace(TOKEN_RE, (match, label: string, num: string) => {
        const entry = byPlaceholder.get(`${label.toUpperCase()}_${Number(num)}`)
        return entry ? entry.value : match
      })
    },
    unknownPlaceholders(text) {
      return [...text.matchAll(TOKEN_RE)]
        .map((m) => `${(m[1] ?? '').toUpperCase()}_${Number(m[2])}`)
        .filter((token) => !byPlaceholder.has(token))
    },
    replacements() {
      return [...byPlaceholder.entries()].map(([token, { kind }]) => ({ placeholder: `[${token}]`, kind }))
    },
  }
}

/** One text: `{ text, restore }`. Use `createPseudonymiser` to mask several texts with one table. */
export function pseudonymise(
  text: string,
  knownNames: readonly string[] = [],
): { text: string; restore: (modelText: string) => string; replacements: Array<{ placeholder: string; kind: PiiKind }> } {
  const p = createPseudonymiser(knownNames)
  const masked = p.mask(text)
  return { text: masked, restore: (modelText) => p.restore(modelText), replacements: p.replacements() }
}
