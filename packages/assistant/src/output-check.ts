import { analyze } from '@kracht/language'
import type { Locale } from '@kracht/language'
import { hasPlaceholderLike } from './pii/kinds'
import type { Pseudonymiser } from './pseudonymise'
import { screen } from './safety'

/**
 * What a model wrote is checked before the client sees any of it. The checks run on the model's
 * text as it came back (with the placeholders), so the client's own words, restored afterwards,
 * never trip them; the crisis screen and the deficit words run on the restored text too. One
 * failing field discards the whole reply: the caller then uses the offline wording.
 */
export const outputRejections = [
  'empty_or_long',
  'placeholder',
  'asks_personal_data',
  'link_or_phone',
  'advice',
  'self_harm',
  'meaning',
  'screened',
] as const
export type OutputRejection = (typeof outputRejections)[number]

/** Asking for personal data: the model must never ask a client for a BSN, a bank number … */
const PERSONAL_DATA_RE = new RegExp(
  [
    'bsn',
    'burgerservice',
    'sofi-?nummer',
    'iban',
    'rekening(?:nummer)?',
    'bank(?:rekening|nummer|pas|gegevens|account|details)',
    'pin-?code',
    '\\bpin\\b',
    'wachtwoord',
    'password',
    'inlog',
    'digid',
    'paspoort',
    'passport',
    'v-?nummer',
    'id-?kaart',
    'identiteits',
    'geboorte(?:datum|dag)',
    'date of birth',
    'birthday',
    'telefoon(?:nummer)?',
    '(?:phone|mobile) ?number',
    '06-?nummer',
    'e-?mail',
    'adres',
    'address',
    'postcode',
    'zip ?code',
    'achternaam',
    'surname',
    'last name',
    'full name',
    'volledige naam',
    'hoe heet (?:je|jij)',
    '(?:wat|hoe) is (?:je|jouw) naam',
    "what(?:'s| is) your name",
    'creditcard',
    'credit card',
    'card number',
    'kenteken',
    'licen[cs]e plate',
    'dossiernummer',
    'case number',
    'instagram',
    'snapchat',
    'tiktok',
  ].join('|'),
  'iu',
)

/** A link, a web or mail address, or a phone number (help lines are the app's, never the model's). */
const LINK_OR_PHONE_RES = [
  /https?:\/\//iu,
  /\bwww\./iu,
  /(?<![\p{L}\p{N}@])[\p{L}\p{N}-]+\.(?:nl|com|org|net|be|eu|info|io|app|me|co|uk)(?![\p{L}\p{N}])/iu,
  /\S@\S/u,
  /\btel:/iu,
  /(?:\d[\s.()/-]{0,2}){6,}/u,
  /(?<![\p{L}\p{N}])(?:112|113|0800|0900|088)(?![\p{L}\p{N}])/u,
]

/** Medical, medication or legal advice: the model phrases questions, it never advises. */
const ADVICE_RE = new RegExp(
  [
    'medic(?:ijn|atie|ation|ine)',
    'pil(?:len)?\\b',
    'pills?\\b',
    'tablet',
    'dosis',
    'doser',
    'dose\\b',
    'dosage',
    '\\d+\\s?mg\\b',
    'milligram',
    'paracetamol',
    'ibuprofen',
    'aspirin',
    'oxazepam',
    'diazepam',
    'slaapmiddel',
    'sleeping pill',
    'antidepress',
    'voorschrijv',
    'prescri',
    'recept\\b',
    'apothe',
    'pharmac',
    'diagnos',
    'behandeling',
    'treatment',
    'therapie',
    'therapy',
    'dokter',
    'huisarts',
    'doctor',
    'advocaat',
    'lawyer',
    'rechter',
    'rechtszaak',
    'court',
    'juridisch',
    'legal',
    'de wet\\b',
    'the law\\b',
    'artikel \\d',
    'bezwaar maken',
    'aangifte',
    'sue\\b',
    'procederen',
    'je moet',
    'you must',
    'you should',
    'ik raad je aan',
    'i recommend',
    'i advise',
    'mijn advies',
    'my advice',
  ].join('|'),
  'iu',
)

/** Means and methods of self-harm, in any sentence the model writes. */
const SELF_HARM_RE = new RegExp(
  [
    'overdos',
    'touw',
    'rope',
    'ophang',
    'hang (?:yourself|jezelf)',
    'snijd',
    'snijden',
    '\\bcut(?:ting)?\\b',
    'scheermes',
    'razor',
    'mes\\b',
    'knife',
    'spring(?:en)? (?:van|voor|off|from)',
    'jump (?:off|from|in front)',
    'brug',
    'bridge',
    'spoor',
    'trein',
    'train',
    'vergif',
    'poison',
    'verdrink',
    'drown',
    'zelfmoord',
    'suicid',
    'zelfbeschadig',
    'self-?harm',
    'wapen',
    'weapon',
  ].join('|'),
  'iu',
)

/** Asking the client to do something the offline question did not (a new request). */
const NEW_REQUEST_RE = /\b(?:stuur|verstuur|upload|klik|click|download|installeer|install|log ?in|sign ?in|meld je aan|register|registreer|bel\b|call\b|mail\b|app\b|send|deel je|share your|vul .* in|fill in|betaal|pay\b)/iu

const STOP = new Set(
  'wat wie waar wanneer hoe welke welk waarom jij jou jouw je de het een en of dat die dit deze van voor met aan op in bij om te naar uit als zijn is was zou nog ook maar dan nu er al wel niet geen meer veel iets iemand zin maak af ik mij mijn me we wij ons onze zo denk eens even what who where when how which why you your the a an and or that this of for with to in on at is are was have has can could would will do does i my me we our think'.split(
    ' ',
  ),
)

function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}]{3,}/gu) ?? []
  // A crude stem (the first four letters), so "gebeurd" and "gebeurt", "merk" and "merken" meet.
  return new Set(words.filter((w) => !STOP.has(w)).map((w) => w.slice(0, 4)))
}

/**
 * Does the rephrased question keep the offline question's meaning? The same kind of sentence (a
 * question stays a question, at most one question more), not much longer, no new request
 * ("stuur", "klik", "bel" …), and at least one content word (or sentence-starter verb: heb, kan,
 * wil …) of the offline question. A loose test on purpose: a warm rewording passes, a question
 * about something else does not; the other checks catch what is dangerous.
 */
export function keepsMeaning(offline: string, phrased: string): boolean {
  const q = (t: string) => (t.match(/\?/g) ?? []).length
  if (q(offline) > 0 && q(phrased) === 0) return false
  if (q(phrased) > q(offline) + 1) return false
  if (phrased.length > offline.length * 2 + 80) return false
  if (NEW_REQUEST_RE.test(phrased) && !NEW_REQUEST_RE.test(offline)) return false
  const want = contentWords(offline)
  if (want.size === 0) return true
  const got = contentWords(phrased)
  for (const w of want) if (got.has(w)) return true
  return false
}

export type CheckResult = { ok: true; text: string } | { ok: false; reason: OutputRejection }

/**
 * True when the pattern finds something in `text` that is not already in `source` (what the model
 * was given: the client's masked words, or the offline question). So a reformulation may keep the
 * client's own "met de trein", but a model that adds "de trein" on its own is refused.
 */
function novelHit(re: RegExp, text: string, source: string): boolean {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)
  for (const m of text.matchAll(global)) if (!source.includes(m[0].toLowerCase())) return true
  return false
}

export interface CheckOptions {
  p: Pseudonymiser
  locale: Locale
  maxLength: number
  /** What the model was given for this field (masked): its words are not held against it. */
  source: string
  /** For a rephrased question: the offline question, whose meaning must stay. */
  offline?: string
}

/** Checks one model text. Returns the text with the client's values put back, or why it is refused. */
export function checkModelText(raw: string, options: CheckOptions): CheckResult {
  const text = raw.trim()
  if (!text || text.length > options.maxLength) return { ok: false, reason: 'empty_or_long' }
  // Placeholders: only the exact ones handed out; anything else placeholder-like refuses the reply.
  if (options.p.unknownPlaceholders(text).length > 0) return { ok: false, reason: 'placeholder' }
  const bare = options.p.withoutKnownPlaceholders(text)
  if (hasPlaceholderLike(bare)) return { ok: false, reason: 'placeholder' }
  const restored = options.p.restore(text)
  // The crisis screen on what the client would read, and on the model's own text.
  if (screen(restored, options.locale) !== null || screen(text, options.locale) !== null) return { ok: false, reason: 'screened' }
  const source = options.p.withoutKnownPlaceholders(options.source).toLowerCase()
  if (novelHit(PERSONAL_DATA_RE, bare, source)) return { ok: false, reason: 'asks_personal_data' }
  if (LINK_OR_PHONE_RES.some((re) => novelHit(re, bare, source))) return { ok: false, reason: 'link_or_phone' }
  if (novelHit(ADVICE_RE, bare, source)) return { ok: false, reason: 'advice' }
  if (novelHit(SELF_HARM_RE, bare, source)) return { ok: false, reason: 'self_harm' }
  if (options.offline !== undefined && !keepsMeaning(options.offline, bare)) return { ok: false, reason: 'meaning' }
  // Never a word that makes the client small.
  if (analyze(restored, { locale: options.locale }).deficitTerms.length > 0) return { ok: false, reason: 'screened' }
  return { ok: true, text: restored }
}
