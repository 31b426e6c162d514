/*
 * The method's vocabulary, defined once: life domains, forms of strength, times, consent scopes,
 * roles, the VIP card's areas. Every package and app imports these lists from here instead of
 * writing them out again. What each term means is in docs/method.md.
 */

/** Krachtwerk's ten life domains (leefgebieden), the default set (docs/method.md#life-domains). */
export const krachtwerkDomains = [
  'safety',
  'housing',
  'finances',
  'children',
  'partner',
  'relationships',
  'work',
  'leisure',
  'health',
  'meaning',
] as const

/** Intensive Case Management's nine life domains, a set an organisation may choose instead. */
export const icmDomains = ['family', 'housing', 'education', 'work', 'finances', 'health', 'social', 'leisure', 'justice'] as const

/** The domain sets an organisation can work with; `krachtwerk` unless the coordinator chose ICM. */
export const domainSets = { krachtwerk: krachtwerkDomains, icm: icmDomains } as const
export type DomainSetId = keyof typeof domainSets
export const domainSetIds = ['krachtwerk', 'icm'] as const satisfies readonly DomainSetId[]
export const defaultDomainSet: DomainSetId = 'krachtwerk'
export type KrachtwerkDomain = (typeof krachtwerkDomains)[number]
export type LifeDomain = (typeof domainSets)[DomainSetId][number]

/** Every life domain of every set, each once (Krachtwerk's first): what a stored draft may carry. */
export const lifeDomains = ['safety', 'housing', 'finances', 'children', 'partner', 'relationships', 'work', 'leisure', 'health', 'meaning', 'family', 'education', 'social', 'justice'] as const satisfies readonly LifeDomain[]

// How a domain of one set lands in the other: the language analysis knows Krachtwerk's ten, an ICM
// organisation stores its nine. Null: no domain of that set fits (the client picks one).
const krachtwerkToIcm: Record<KrachtwerkDomain, LifeDomain | null> & Partial<Record<LifeDomain, LifeDomain | null>> = {
  safety: null,
  housing: 'housing',
  finances: 'finances',
  children: 'family',
  partner: 'family',
  relationships: 'social',
  work: 'work',
  leisure: 'leisure',
  health: 'health',
  meaning: null,
}
const icmToKrachtwerk: Record<(typeof icmDomains)[number], LifeDomain | null> & Partial<Record<LifeDomain, LifeDomain | null>> = {
  family: null,
  housing: 'housing',
  education: 'work',
  work: 'work',
  finances: 'finances',
  health: 'health',
  social: 'relationships',
  leisure: 'leisure',
  justice: null,
}

/** `id` (of any set) as a domain of `set`, or null when that set has none that fits. */
export function domainInSet(set: DomainSetId, id: LifeDomain): LifeDomain | null {
  if (isDomainOf(set, id)) return id
  return (set === 'icm' ? krachtwerkToIcm[id] : icmToKrachtwerk[id]) ?? null
}

/**
 * The kind of care an organisation gives (its setting). Some questions are left out in some settings,
 * e.g. no questions about the ex-partner in a women's shelter unless the client asks for them.
 */
export const careSettings = ['general', 'shelter', 'womens_shelter', 'addiction_care', 'refugee_work', 'youth'] as const
export type CareSetting = (typeof careSettings)[number]

/** Forms of strength (vormen van kracht): ik ben / ik kan / ik heb / ik wil / ik weet. */
export const strengthForms = ['i_am', 'i_can', 'i_have', 'i_want', 'i_know'] as const
export type StrengthForm = (typeof strengthForms)[number]

/** The three times of the inventory: past (verleden), present (heden), future (toekomst). */
export const times = ['past', 'present', 'future'] as const
export type Time = (typeof times)[number]

/** What a client can share, one scope at a time (docs/method.md#consent). */
export const consentScopes = ['inventory', 'action_plan', 'network', 'sessions', 'safety_plan', 'messages', 'livelihood'] as const
export type ConsentScope = (typeof consentScopes)[number]

/** Read only, or read and comment/suggest. Nobody but the client ever writes the client's text. */
export const consentAccess = ['read', 'comment'] as const
export type ConsentAccessLevel = (typeof consentAccess)[number]

/** Who uses Kracht (docs/method.md#roles). */
export const roles = ['client', 'worker', 'peer', 'admin'] as const
export type Role = (typeof roles)[number]
/** Staff: everyone but the client. */
export const staffRoles = ['worker', 'peer', 'admin'] as const satisfies readonly Role[]

/** The VIP card's four areas and three rings (1 closest). */
export const vipAreas = ['family', 'friends', 'school_work_club', 'professionals'] as const
export type VipArea = (typeof vipAreas)[number]
export const vipRings = [1, 2, 3] as const

/** True when `id` is one of the set's life domains. */
export function isDomainOf(set: DomainSetId, id: string): id is LifeDomain {
  return (domainSets[set] as readonly string[]).includes(id)
}

/**
 * Mobility Mentoring's bridge (docs/method.md#mobility-mentoring): five pillars, each a ladder of
 * five steps the client places themselves on, in their own view. Step 1 is a starting point, never a
 * failure; nobody grades the client. The words of each step are in the message catalogues.
 */
export const bridgePillars = ['family', 'wellbeing', 'money', 'education', 'work'] as const
export type BridgePillar = (typeof bridgePillars)[number]
export const bridgeSteps = [1, 2, 3, 4, 5] as const
export type BridgeStep = (typeof bridgeSteps)[number]

export const isBridgePillar = (value: string): value is BridgePillar => (bridgePillars as readonly string[]).includes(value)

/**
 * The life domain a goal that starts from a pillar lands in, per domain set. Family stability is
 * about a steady home and daily life (EMPath's pillar holds housing and care for the family), so it
 * goes to housing in Krachtwerk and to family in ICM; Krachtwerk has no domain of its own for
 * learning, its `work` domain is "work, learning and day activities".
 */
export const pillarDomains: Record<DomainSetId, Record<BridgePillar, LifeDomain>> = {
  krachtwerk: { family: 'housing', wellbeing: 'health', money: 'finances', education: 'work', work: 'work' },
  icm: { family: 'family', wellbeing: 'health', money: 'finances', education: 'education', work: 'work' },
}

/** Who helps the client with money: the kinds the money page offers, besides the client's own words. */
export const moneyHelperKinds = ['budget_coach', 'debt_help', 'administrator', 'network', 'other'] as const
export type MoneyHelperKind = (typeof moneyHelperKinds)[number]

/** One line of income: where it comes from, and the amount per month in cents if the client wants to write it. */
export interface IncomeLine {
  source: string
  amountCents: number | null
}
/** One fixed cost: what it is for, and the amount per month in cents if the client wants to write it. */
export interface CostLine {
  what: string
  amountCents: number | null
}
/** One debt: to whom, how much if the client wants to say, and what was arranged (own words). */
export interface DebtLine {
  toWhom: string
  amountCents: number | null
  arrangement: string | null
}
/** Someone who helps with money: a kind, and a name or the client's own words. */
export interface MoneyHelper {
  kind: MoneyHelperKind
  name: string | null
}
/** What the money page holds, in the client's words: the API keeps it and the portal shows it. */
export interface MoneyContent {
  income: IncomeLine[]
  fixedCosts: CostLine[]
  debts: DebtLine[]
  helpers: MoneyHelper[]
  note: string
}

/** At most this many lines per list on the money page: a page that stays calm and fits on a phone. */
export const MONEY_MAX_LINES = 20
