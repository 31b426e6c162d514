import { analyze } from '@kracht/language'
import type { CrisisKind, Locale } from '@kracht/language'
import type { TextCatalogue } from './prompts'
import type { HelpLine, HelpNumber, Safety } from './types'

/** The numbers are fixed here, not in the text files, so a wording change cannot break them. */
export const HELP_NUMBERS = {
  emergency: [{ display: '112', tel: 'tel:112' }],
  suicide_prevention: [
    { display: '113', tel: 'tel:113' },
    { display: '0800-0113', tel: 'tel:08000113' },
  ],
  veilig_thuis: [{ display: '0800-2000', tel: 'tel:08002000' }],
} as const satisfies Record<HelpLine['id'], readonly HelpNumber[]>

export const SUICIDE_PREVENTION_CHAT = { display: '113.nl', url: 'https://www.113.nl' } as const

/** Most fitting line first; all three are always there (never zero resources). */
const ORDER: Record<CrisisKind, HelpLine['id'][]> = {
  suicide: ['suicide_prevention', 'emergency', 'veilig_thuis'],
  self_harm: ['suicide_prevention', 'emergency', 'veilig_thuis'],
  violence: ['emergency', 'veilig_thuis', 'suicide_prevention'],
  // An overdose is a medical emergency first.
  overdose: ['emergency', 'suicide_prevention', 'veilig_thuis'],
  // Veilig Thuis also advises people who fear they may hurt someone at home, a child included.
  harm_to_others: ['veilig_thuis', 'emergency', 'suicide_prevention'],
  child_safety: ['veilig_thuis', 'emergency', 'suicide_prevention'],
}

/** A kind the screen learns later falls back to 113 first (with 112 and Veilig Thuis still there). */
const order = (kind: string): HelpLine['id'][] => ORDER[kind as CrisisKind] ?? ORDER.suicide

export function helpLines(kind: CrisisKind, texts: TextCatalogue): HelpLine[] {
  return order(kind).map((id) => ({
    id,
    name: texts.t(`safety.line.${id}.name`),
    description: texts.t(`safety.line.${id}.description`),
    numbers: HELP_NUMBERS[id].map((n) => ({ display: n.display, tel: n.tel })),
    chat: id === 'suicide_prevention' ? { ...SUICIDE_PREVENTION_CHAT } : null,
  }))
}

export function buildSafety(kind: CrisisKind, current: boolean, texts: TextCatalogue): Safety {
  return {
    kind,
    current,
    // A kind without its own message yet gets the general one (the suicide text names 113 and 112).
    message: current ? texts.t(texts.has(`safety.message.${kind}`) ? `safety.message.${kind}` : 'safety.message.suicide') : texts.t('safety.still_here'),
    helpLines: helpLines(kind, texts),
    offerWorkerContact: true,
    workerQuestion: texts.t('safety.worker.question'),
    workerNote: texts.t('safety.worker.note'),
  }
}

/** Screened at most this much of a text (a longer answer is rejected anyway, but screened first). */
const SCREEN_LIMIT = 20_000

/** Words of a jump or a fall: with them near, a place name is never taken out of the screen. */
const MEANS_NEAR = /spring|sprong|jump|spring|val\b|vallen|gooi|laat me|af\b|eraf|eraf|over de rand|leap|fall|off\b|dood|suïc|suic|zelfmoord|kill/iu

/**
 * The organisation's own name ("De Brug", "Stichting De Brug"), written as a name (with its
 * capitals), stands for the organisation, not for a bridge: it is read as "de organisatie" by the
 * screen. Never when the text also holds words of a jump or a fall: recall comes first.
 */
export function withoutOrganisationNames(text: string, organisations: readonly string[]): string {
  if (organisations.length === 0 || MEANS_NEAR.test(text)) return text
  let out = text
  for (const name of organisations.flatMap((n) => [n, n.replace(/^(?:stichting|vereniging)\s+/i, '')])) {
    const clean = name.trim()
    if (clean.length < 3 || !/\p{Lu}/u.test(clean)) continue
    const escaped = clean.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'), 'de organisatie')
  }
  return out
}

/**
 * The local crisis screen. Recall first: the text is screened with the conversation's locale
 * and, when that finds nothing, with the other locale too (clients mix languages). The
 * organisation's own name does not trip it (see `withoutOrganisationNames`).
 */
export function screen(text: string, locale: Locale, organisations: readonly string[] = []): CrisisKind | null {
  const cut = text.length > SCREEN_LIMIT ? text.slice(0, SCREEN_LIMIT) : text
  const sample = withoutOrganisationNames(cut, organisations)
  if (!sample.trim()) return null
  const first = analyze(sample, { locale }).crisis
  if (first.detected) return first.kind ?? 'suicide'
  const other: Locale = locale === 'nl' ? 'en' : 'nl'
  const second = analyze(sample, { locale: other }).crisis
  if (second.detected) return second.kind ?? 'suicide'
  return null
}

const CLARIFY_PATTERNS = [
  /verkeerd\s+begrepen/,
  /begrijp\w*\s+(me|mij)\s+verkeerd/,
  /(zo|dat)\s+bedoel\w*\s+(ik\s+)?(het\s+)?niet/,
  /niet\s+zo\s+bedoeld/,
  /bedoelde\s+(ik\s+)?(het\s+)?(helemaal\s+)?niet/,
  /\bgrapje\b/,
  /was\s+(maar\s+)?een\s+grap/,
  /misunderst/,
  /(did\s*n['’]?o?t|didnt|did not)\s+mean/,
  /not\s+what\s+i\s+meant/,
  /\bjust\s+(kidding|joking)\b/,
  /\b(i\s*['’]?m|i\s+am|was)\s+(just\s+)?joking\b/,
]

/** "You misunderstood me": help stays, the message is not turned into a draft. */
export function isClarification(text: string): boolean {
  const t = text.toLowerCase()
  return CLARIFY_PATTERNS.some((re) => re.test(t))
}
