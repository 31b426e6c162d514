import type { Locale, StrengthForm } from '@kracht/language'

/** Lower case, no punctuation at the ends, single spaces: for matching short answers. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const SKIP_WORDS = new Set([
  'skip',
  'overslaan',
  'sla over',
  'sla maar over',
  'volgende',
  'volgende vraag',
  'next',
  'next question',
  'pass',
])

const DONT_KNOW_WORDS = new Set([
  'ik weet het niet',
  'ik weet niet',
  'weet ik niet',
  'weet niet',
  'weet ik nie',
  'weet nie',
  'ik weet het nog niet',
  'weet ik nog niet',
  'geen idee',
  'idk',
  'wn',
  'wnie',
  "i don't know",
  'i dont know',
  'i do not know',
  "don't know",
  'dont know',
  'dunno',
  'no idea',
  'not sure',
  'i am not sure',
  "i'm not sure",
  'im not sure',
])

export function isSkipText(text: string): boolean {
  return SKIP_WORDS.has(normalise(text))
}

export function isDontKnowText(text: string): boolean {
  const n = normalise(text)
  if (n === '' && /^\s*\?+\s*$/.test(text)) return true
  return DONT_KNOW_WORDS.has(n)
}

/** Code points, so an emoji counts as one character. */
export function charLength(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/**
 * Splits an answer into sentences (on . ! ? ; and new lines) so each becomes its own draft.
 * Never more than five: a longer answer stays one draft, in one piece.
 */
export function splitSentences(text: string): string[] {
  const parts = text
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((p) => p.trim())
    .filter((p) => /[\p{L}\p{N}]/u.test(p))
  if (parts.length === 0) return []
  if (parts.length > 5) return [text.trim().replace(/\s*\n+\s*/g, ' ')]
  return parts
}

const STARTERS: Record<Locale, Record<StrengthForm, string>> = {
  nl: { i_am: 'Ik ben', i_can: 'Ik kan', i_have: 'Ik heb', i_want: 'Ik wil', i_know: 'Ik weet' },
  en: { i_am: 'I am', i_can: 'I can', i_have: 'I have', i_want: 'I want', i_know: 'I know' },
}

export function starterOf(form: StrengthForm, locale: Locale): string {
  return STARTERS[locale][form]
}

/** "ik" / "I" as a word: the client already wrote a sentence about themselves. */
const SUBJECT: Record<Locale, RegExp> = {
  nl: /(^|[^\p{L}'])(ik|ikke|'k|k)(?=$|[^\p{L}'])/iu,
  en: /(^|[^\p{L}'])(i|i'm|im|i've|ive|i'd|i'll)(?=$|[^\p{L}'])/iu,
}

/** Answers that start like this are the rest of a sentence: "hoe ik hulp regel" → "Ik weet hoe ik hulp regel". */
const CONTINUATION: Record<Locale, RegExp> = {
  nl: /^(hoe|wat|dat|waar|wanneer|welke|wie|waarom|om|of|als)(?=$|[^\p{L}])/iu,
  en: /^(how|what|that|where|when|which|who|why|to|if)(?=$|[^\p{L}])/iu,
}

/** Common finite verbs: an answer with one of these is a sentence of its own, not a fragment. */
const FINITE: Record<Locale, RegExp> = {
  nl: /(^|[^\p{L}])(is|was|waren|wordt|werd|heeft|had|hadden|zijn|gaat|gaan|staat|komt|komen|kunnen|mogen|moet|moeten|zal|zullen|zou|zouden|doet|ziet|zien|weten|lacht|wonen|woont|helpt|helpen)(?=$|[^\p{L}])/iu,
  en: /(^|[^\p{L}])(is|are|was|were|has|had|does|did|will|would|can|could|should|goes|sees|helps|lives|laughs)(?=$|[^\p{L}])/iu,
}

/** A sentence that starts with another subject ("hij helpt", "het gaat goed"). */
const OTHER_SUBJECT: Record<Locale, RegExp> = {
  nl: /^(hij|zij|ze|wij|we|jij|je|u|het|er|men|iedereen|iemand|niemand|alles|dit|die)(?=$|[^\p{L}])/iu,
  en: /^(he|she|they|we|you|it|there|everyone|everybody|someone|somebody|nobody|everything|this)(?=$|[^\p{L}'])/iu,
}

/** A verb with an object pronoun ("belt me", "helps us"): a sentence of its own. */
const VERB_OBJECT: Record<Locale, RegExp> = {
  nl: /\p{L}{2,}t\s+(me|mij|ons|jou|je|hem|haar|hen)(?=$|[^\p{L}])/iu,
  en: /\p{L}{2,}s\s+(me|us|you|him|her|them)(?=$|[^\p{L}])/iu,
}

/** English "I want" needs "to" before a verb: "get up early" → "I want to get up early". */
const EN_WANT_VERB =
  /^(be|become|have|get|go|make|find|live|work|see|feel|learn|do|stop|start|keep|buy|visit|cook|take|move|earn|save|pay|meet|spend|play|read|write|sleep|walk|drive|travel|study|finish|help|call|eat|wake|sing|dance|draw|paint|build|fix|care|look|open|rent|sell|show|speak|talk|teach|use|win|give|bring|come|leave|return|stay|run|swim|cycle|laugh|smile|rest|enjoy|know|understand|grow|pass|join)(?=$|[^\p{L}])/iu

/** Longer answers without "ik" are most likely sentences: they stay exactly as written. */
const MAX_FRAGMENT_WORDS = 8

/** The verb of each starter, so "kan goed koken" becomes "Ik kan goed koken". */
const STARTER_VERBS: Record<Locale, Record<StrengthForm, RegExp>> = {
  nl: {
    i_am: /^ben(?=$|[^\p{L}])/iu,
    i_can: /^kan(?=$|[^\p{L}])/iu,
    i_have: /^heb(?=$|[^\p{L}])/iu,
    i_want: /^wil(?=$|[^\p{L}])/iu,
    i_know: /^weet(?=$|[^\p{L}])/iu,
  },
  en: {
    i_am: /^am(?=$|[^\p{L}])/iu,
    i_can: /^can(?=$|[^\p{L}])/iu,
    i_have: /^have(?=$|[^\p{L}])/iu,
    i_want: /^want(?=$|[^\p{L}])/iu,
    i_know: /^know(?=$|[^\p{L}])/iu,
  },
}

export interface Drafted {
  text: string
  /** True when a sentence starter was put in front of the client's words. */
  starterAdded: boolean
}

/**
 * The client's words as a draft. Only a sentence starter may be added ("koken" → "Ik kan
 * koken"), and only when the answer lacks "ik" and reads as a short fragment (no subject or verb
 * of its own), or is the rest of a sentence ("hoe ik hulp regel" → "Ik weet hoe ik hulp regel").
 * When in doubt the answer stays exactly as written. Nothing else is changed; no content is invented.
 */
/** A finite verb right after a name: "Lina slaapt", "Daan is", "Sara sleeps". */
const NAME_VERB: Record<Locale, RegExp> = {
  nl: /^(is|was|heeft|had|kan|kon|wil|wou|mag|moet|zal|gaat|komt|ziet|doet|zegt|weet|\p{L}{2,}t)$/u,
  en: /^(is|was|has|had|can|could|will|would|\p{L}{2,}s)$/u,
}

export function draftText(
  answer: string,
  form: StrengthForm,
  locale: Locale,
  keepCaseOf: readonly string[] = [],
): Drafted {
  const text = answer.trim().replace(/\s*\n+\s*/g, ' ')
  if (!text) return { text, starterAdded: false }
  const pronoun = locale === 'nl' ? 'Ik' : 'I'
  if (STARTER_VERBS[locale][form].test(text)) {
    return { text: `${pronoun} ${lowerFirst(text, keepCaseOf)}`, starterAdded: true }
  }
  // "not be unemployed": a starter would read wrongly in English; the feedback asks for a positive wording.
  if (locale === 'en' && /^(not|never|no longer)(?=$|[^\p{L}])/iu.test(text)) return { text, starterAdded: false }
  // "Daan speelt dan in de tuin", after "mijn zoon Daan": a name and a verb, the sentence has its own subject.
  const [firstWord = '', secondWord = ''] = text.toLowerCase().split(/\s+/)
  if (keepCaseOf.some((n) => n.toLowerCase() === firstWord) && NAME_VERB[locale].test(secondWord)) return { text, starterAdded: false }
  const continuation = CONTINUATION[locale].test(text)
  if (!continuation) {
    const asWritten = { text, starterAdded: false }
    if (SUBJECT[locale].test(text) || FINITE[locale].test(text)) return asWritten
    if (OTHER_SUBJECT[locale].test(text) || VERB_OBJECT[locale].test(text)) return asWritten
    if (text.split(/\s+/).length > MAX_FRAGMENT_WORDS) return asWritten
  }
  const to = locale === 'en' && form === 'i_want' && EN_WANT_VERB.test(text) ? ' to' : ''
  return { text: `${starterOf(form, locale)}${to} ${lowerFirst(text, keepCaseOf)}`, starterAdded: true }
}

/**
 * Phones capitalise the first letter on their own, so it tells nothing: lower it after a starter,
 * unless the first word is a known name, an abbreviation ("AH") or "I".
 */
function lowerFirst(text: string, keepCaseOf: readonly string[]): string {
  const firstWord = /^[\p{L}'’-]+/u.exec(text)?.[0] ?? ''
  if (!firstWord) return text
  if (firstWord === 'I' || firstWord.startsWith("I'") || firstWord.startsWith('I’')) return text
  if (firstWord.length > 1 && firstWord === firstWord.toUpperCase()) return text
  const lower = firstWord.toLowerCase()
  if (keepCaseOf.some((n) => n.toLowerCase() === lower || n.toLowerCase().startsWith(`${lower} `))) return text
  return text.charAt(0).toLowerCase() + text.slice(1)
}
