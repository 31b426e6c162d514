import type { PiiKind } from './kinds'
import { B, E, spansOf, type Candidate } from './spans'

/**
 * Detectors for everything that carries a number or a fixed shape: e-mail, handles, IBAN, phone
 * numbers, BSN, bank cards, V-numbers, postcodes, dates, licence plates, passports and case
 * numbers. The rule of thumb that makes them hold: any run of five or more digits, however it is
 * spaced, is masked (as the most fitting kind, else as a case number), and so is any code that
 * mixes letters with two or more digits. A client never needs such a number to reach the model.
 */

const EMAIL_RES = [
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
  // Written out to fool spam filters: "fatima at gmail dot com", "sam (at) live punt nl".
  /[\p{L}\p{N}._%+-]+\s*(?:\(at\)|\[at\]|\s(?:at|apenstaartje)\s)\s*[\p{L}\p{N}-]+\s*(?:\.|\(dot\)|\s(?:dot|punt)\s)\s*[a-z]{2,6}(?![\p{L}\p{N}])/giu,
]

const SOCIAL = 'instagram|insta|ig|snapchat|snap|tiktok|tik tok|discord|telegram|twitter|x|facebook|fb|threads|signal|youtube|twitch|gebruikersnaam|username|account'
const HANDLE_RES = [
  /(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}_.]{2,30}(?<![.])/gu,
  new RegExp(`${B}(?:${SOCIAL})${E}(?:\\s*(?:is|:|=|-|naam|name|handle))*\\s*(@?[\\p{L}\\p{N}_.]{3,30}(?<![.]))`, 'giud'),
  // user_name, name.name.92: underscores, or dots between letters and digits, are never Dutch words.
  new RegExp(`${B}[\\p{L}\\p{N}]+(?:_[\\p{L}\\p{N}]+)+${E}`, 'gu'),
  // sam.devries, fatima.92: small letters and digits joined by dots, no space after the dot.
  /(?<![\p{L}\p{N}.@])[a-z][a-z0-9]+(?:\.[a-z0-9]{2,})+(?![\p{L}\p{N}@])(?!\.[a-z0-9])/gu,
]
const HANDLE_STOP = new Set(['is', 'op', 'on', 'van', 'mijn', 'my', 'naam', 'name', 'de', 'het', 'een', 'and', 'en'])

/** Country code, two check digits, then groups of letters and digits, with or without spaces. */
const IBAN_RE = new RegExp(`${B}[A-Za-z]{2}\\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?${E}`, 'gu')

/**
 * A run of digits with the separators people type: spaces, dots, dashes, slashes, brackets,
 * "(0)" and a leading "+". Classified afterwards by its digits.
 */
const DIGIT_RUN_RE = /(?<![\p{L}\p{N}])(?:\+\s?)?\(?\d(?:\d|\(0\)|[ .\-/]{1,3}(?=[\d(])|\)\s?(?=\d)|\((?=\d))*/gu

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october|jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec'
const YEAR = "(?:(?:19|20)\\d{2}|['’]\\d{2})"
const DATE_RES = [
  new RegExp(`${B}(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:(?:19|20)\\d{2}|['’]?\\d{2})|(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2})${E}`, 'gu'),
  new RegExp(`${B}\\d{1,2}(?:st|nd|rd|th|e|ste|de)?(?:\\s+of)?\\s+(?:${MONTHS})\\.?\\s+${YEAR}${E}`, 'giu'),
  new RegExp(`${B}(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+${YEAR}${E}`, 'giu'),
  // A day and a month without a year ("jarig op 12 maart"): a birthday is enough to find someone.
  new RegExp(`${B}\\d{1,2}(?:st|nd|rd|th|e|ste|de)?(?:\\s+of)?\\s+(?:${MONTHS})${E}\\.?`, 'giu'),
  new RegExp(`${B}(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?${E}`, 'giu'),
  // "mijn verjaardag is 12/05": a day and month without a year, after birthday words.
  new RegExp(`(?<=${B}(?:jarig|verjaardag|birthday|geboren|born|geb\\.)[^\\d\\n]{0,20})\\d{1,2}[-/.]\\d{1,2}${E}`, 'giu'),
  // "geboren in 1990", "born in '88", "bouwjaar": a year right after birth words.
  new RegExp(`(?<=${B}(?:geboren|geb\\.|born|geboortejaar|jaar\\s+van\\s+geboorte|year\\s+of\\s+birth|ik\\s+ben\\s+van|i\\s+was\\s+born|bouwjaar)(?:\\s+(?:in|op|on|:))?\\s+)${YEAR}${E}`, 'giu'),
]

/** 1234 AB, 1234AB, 1234ab, 1234 ab; but not "1990 en" (two letters that are a word). */
const POSTCODE_RE = new RegExp(`${B}[1-9]\\d{3}\\s?[A-Za-z]{2}${E}`, 'gu')
const TWO_LETTER_WORDS = new Set(
  'en in op is om te of al nu ik je we ze zo de na er an at to on or so as by up me my he it if no do go us am be hi ok ja nee'.split(' '),
)

/** Codes that mix letters and digits: plates (12-ABC-3), passports, case numbers (Z-2024-1234). */
const CODE_RE = new RegExp(`${B}[\\p{L}\\p{N}]+(?:[-/.][\\p{L}\\p{N}]+)*${E}`, 'gu')
const PLATE_RE = /^(?:[a-z\d]{1,3}-[a-z\d]{2,3}-[a-z\d]{1,3}|[a-z\d]{6})$/i

/** The last digits of a card: "mijn pas eindigt op 4821". */
const CARD_END_RE = new RegExp(`(?<=${B}(?:eindigt\\s+op|eindigend\\s+op|eindigt\\s+met|ending\\s+in|ends\\s+in|ends\\s+with|laatste\\s+(?:4|vier)\\s+cijfers(?:\\s+zijn)?|last\\s+(?:4|four)\\s+digits(?:\\s+are)?)\\s*:?\\s*)\\d{3,4}${E}`, 'giu')

/** A number after a word that says what it is: "dossiernummer 2023-04567", "kenteken 12-ABC-3". */
const CONTEXT_RE = new RegExp(
  `${B}(dossier(?:nummer|nr)?|zaak(?:nummer|nr)?|cli[eë]nt(?:nummer|nr)|klant(?:nummer|nr)|kenmerk|referentie|ref|parket(?:nummer|nr)|` +
    `registratie(?:nummer|nr)?|beschikking|case(?:\\s+number)?|reference|kenteken|license plate|licence plate|plate|` +
    `v-?nummer|v-?number|paspoort(?:nummer)?|passport(?:\\s+number)?|id-?kaart(?:\\s+nummer)?|document(?:nummer)?|` +
    `bankpas|pinpas|pasnummer|creditcard|card number|nummer|nr|number|no)\\.?` +
    `(?:\\s*(?:is|:|=|#|van|heeft|nummer))*\\s*([\\p{L}\\p{N}]*\\d[\\p{L}\\p{N}/.-]*[\\p{L}\\p{N}]|\\d)`,
  'giud',
)

export function elfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i)
  sum -= Number(digits[8])
  return sum % 11 === 0
}

export function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return digits.length >= 12 && sum % 10 === 0
}

function ibanValid(raw: string): boolean {
  const s = raw.replace(/\s+/g, '').toUpperCase()
  const moved = s.slice(4) + s.slice(0, 4)
  let rest = 0
  for (const ch of moved) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55)
    for (const d of v) rest = (rest * 10 + Number(d)) % 97
  }
  return rest === 1
}

function digitKind(run: string, context: string): PiiKind | null {
  const digits = run.replace(/\D/g, '')
  const n = digits.length
  const trimmed = run.trim()
  const international = trimmed.startsWith('+') || (digits.startsWith('00') && n >= 11)
  if (international && n >= 9 && n <= 15) return 'phone'
  if (/^\(?0/.test(trimmed) && n === 10 && !/^0{2}/.test(digits)) return 'phone'
  if (n === 9 && elfproef(digits)) return 'bsn'
  if (n >= 13 && n <= 19 && luhn(digits)) return 'bank_card'
  if (n === 10 && /v-?num/i.test(context)) return 'v_number'
  if (n >= 5) return 'case_number'
  return null
}

export function numberCandidates(text: string): Candidate[] {
  const out: Candidate[] = []
  const push = (kind: PiiKind, rank: number, found: Iterable<{ start: number; end: number; value: string }>, ok?: (v: string, start: number) => boolean) => {
    for (const m of found) if (!ok || ok(m.value, m.start)) out.push({ start: m.start, end: m.end, kind, rank })
  }
  for (const re of EMAIL_RES) push('email', 10, spansOf(re, text))
  for (const [i, re] of HANDLE_RES.entries()) push('handle', 11, spansOf(re, text, i === 1 ? 1 : 0), (v) => !HANDLE_STOP.has(v.toLowerCase()) && /[\p{L}\p{N}]{2}/u.test(v))
  push('iban', 12, spansOf(IBAN_RE, text), (v) => ibanValid(v) || v.replace(/\D/g, '').length >= 8)
  for (const re of DATE_RES) push('date', 13, spansOf(re, text))
  push('postcode', 14, spansOf(POSTCODE_RE, text), (v) => !TWO_LETTER_WORDS.has(v.slice(-2)) || !/\s/.test(v))
  for (const m of spansOf(DIGIT_RUN_RE, text)) {
    let { start, end } = m
    let value = m.value
    // A closing bracket or separator at the end belongs to the sentence.
    while (/[\s.\-/(]$/.test(value)) {
      value = value.slice(0, -1)
      end--
    }
    const kind = digitKind(value, text.slice(Math.max(0, start - 25), start))
    // A phone number or BSN names the span; a bare long number is only a case number.
    if (kind) out.push({ start, end, kind, rank: kind === 'case_number' ? 18 : 12 })
    start = end
  }
  for (const m of spansOf(CODE_RE, text)) {
    const digits = m.value.replace(/\D/g, '').length
    const letters = m.value.replace(/[^\p{L}]/gu, '').length
    if (letters === 0 || digits < 2 || m.value.length < 5) continue
    const before = text.slice(Math.max(0, m.start - 30), m.start).toLowerCase()
    const kind: PiiKind = /pas(?:poort|port)|id-?kaart|document/.test(before)
      ? 'passport'
      : /v-?num/.test(before) || /^v\d{8,10}$/i.test(m.value)
        ? 'v_number'
        : PLATE_RE.test(m.value) && /[a-z]/i.test(m.value) && /kenteken|plate|auto|car|scooter|busje/.test(before)
          ? 'licence_plate'
          : PLATE_RE.test(m.value) && m.value.includes('-')
            ? 'licence_plate'
            : 'case_number'
    out.push({ start: m.start, end: m.end, kind, rank: 16 })
  }
  push('bank_card', 17, spansOf(CARD_END_RE, text))
  for (const m of spansOf(CONTEXT_RE, text, 2)) {
    const before = text.slice(Math.max(0, m.start - 40), m.start).toLowerCase()
    const kind: PiiKind = /kenteken|plate/.test(before)
      ? 'licence_plate'
      : /v-?num/.test(before)
        ? 'v_number'
        : /pas(?:poort|port)|id-?kaart|document/.test(before)
          ? 'passport'
          : /bankpas|pinpas|pasnummer|card/.test(before)
            ? 'bank_card'
            : 'case_number'
    out.push({ start: m.start, end: m.end, kind, rank: 17 })
  }
  return out
}
