/**
 * The kinds of personal data the pseudonymiser replaces, each with the label of its placeholder
 * ("[NAAM_1]", "[GEZONDHEID_1]"). Special-category data (health, addiction, debts, justice,
 * sexuality, religion) is masked by category: the model learns that the client wrote about their
 * health, never what (see the README, "AI help and privacy").
 */
export const piiKinds = [
  'name',
  'phone',
  'email',
  'street',
  'postcode',
  'bsn',
  'date',
  'iban',
  'place',
  'organisation',
  'licence_plate',
  'v_number',
  'passport',
  'bank_card',
  'case_number',
  'handle',
  'health',
  'addiction',
  'debts',
  'justice',
  'sexuality',
  'religion',
] as const
export type PiiKind = (typeof piiKinds)[number]

export const specialCategories = ['health', 'addiction', 'debts', 'justice', 'sexuality', 'religion'] as const satisfies readonly PiiKind[]

export const LABELS: Record<PiiKind, string> = {
  name: 'NAAM',
  phone: 'TELEFOON',
  email: 'EMAIL',
  street: 'ADRES',
  postcode: 'POSTCODE',
  bsn: 'BSN',
  date: 'DATUM',
  iban: 'IBAN',
  place: 'PLAATS',
  organisation: 'ORGANISATIE',
  licence_plate: 'KENTEKEN',
  v_number: 'VNUMMER',
  passport: 'PASPOORT',
  bank_card: 'BANKPAS',
  case_number: 'NUMMER',
  handle: 'ACCOUNT',
  health: 'GEZONDHEID',
  addiction: 'VERSLAVING',
  debts: 'SCHULDEN',
  justice: 'JUSTITIE',
  sexuality: 'SEKSUALITEIT',
  religion: 'GELOOF',
}

export const LABEL_TO_KIND = new Map<string, PiiKind>(Object.entries(LABELS).map(([k, v]) => [v, k as PiiKind]))

/** Exactly a placeholder as handed out: "[NAAM_1]". Only this form is ever restored. */
export const EXACT_TOKEN_RE = new RegExp(`\\[(${Object.values(LABELS).join('|')})_([1-9]\\d{0,5})\\]`, 'g')

const LABEL_WORDS = `(?:${Object.values(LABELS).join('|')}|NAME|PHONE|ADDRESS|PLACE|CITY|PERSON|DATE|NUMBER|ORGANI[SZ]ATION|PLACEHOLDER|EMAIL|STREET)`

/**
 * A placeholder in another form: "[NAAM 1]", "NAAM1", "[NAME_1]", "naam_1", "[ADRES]". In a
 * client's own text it is masked (so it can never be confused with a real one).
 */
export const NEAR_TOKEN_RE = new RegExp(
  [
    `\\[\\s*${LABEL_WORDS}(?:[\\s_-]?\\d{1,6})?\\s*\\]`,
    `(?<![\\p{L}\\p{N}])${LABEL_WORDS}_\\d{1,6}(?![\\p{L}\\p{N}])`,
  ].join('|'),
  'giu',
)

/** "NAAM1", "NAAM 1" in capitals (case-sensitive, so "nummer 1234" in a sentence is not one). */
export const NEAR_UPPER_RE = new RegExp(`(?<![\\p{L}\\p{N}])${LABEL_WORDS}[\\s-]?\\d{1,6}(?![\\p{L}\\p{N}])`, 'gu')

/** In a model's answer, once the exact placeholders are taken out: anything placeholder-like. */
const LEFTOVER_RES = [
  NEAR_TOKEN_RE,
  NEAR_UPPER_RE,
  /[[\]{}<>]/u,
  // A label word in capitals on its own ("Bel NAAM"), case-sensitive so "naam" in a sentence is fine.
  new RegExp(`(?<![\\p{L}\\p{N}])${LABEL_WORDS}(?![\\p{L}\\p{N}])`, 'u'),
]

export function hasPlaceholderLike(textWithoutExactTokens: string): boolean {
  return LEFTOVER_RES.some((re) => {
    re.lastIndex = 0
    return re.test(textWithoutExactTokens)
  })
}
