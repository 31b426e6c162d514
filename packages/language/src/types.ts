// The public contract of @kracht/language. The portal, the API and the assistant depend on it:
// change it only by adding fields.

export const locales = ['nl', 'en'] as const
export type Locale = (typeof locales)[number]

import { krachtwerkDomains, strengthForms, type KrachtwerkDomain, type StrengthForm } from '@kracht/method'

/** The ten life domains (leefgebieden) of Krachtwerk that the analysis knows, see docs/method.md. */
export const domainIds = krachtwerkDomains
export type DomainId = KrachtwerkDomain

/** Forms of strength (vormen van kracht): ik ben / ik kan / ik heb / ik wil / ik weet. */
export { strengthForms, type StrengthForm }

/**
 * Kinds of crisis signal, most urgent help first: suicide, self-harm, overdose risk (addiction
 * care), violence against the writer, the writer's fear or intent of harming someone else, and
 * the safety of a child (abuse or neglect).
 */
export const crisisKinds = ['suicide', 'self_harm', 'violence', 'overdose', 'harm_to_others', 'child_safety'] as const
export type CrisisKind = (typeof crisisKinds)[number]

/**
 * 'alarm': a clear signal, show help at once. 'check_in': the screen is not sure, so it asks
 * gently ("Hoe gaat het echt met je?") with the help lines beside the question. Both count as
 * detected: recall comes first.
 */
export const crisisLevels = ['alarm', 'check_in'] as const
export type CrisisLevel = (typeof crisisLevels)[number]

export type Person = 'first' | 'other' | 'none'

/** A character span in the original text: start inclusive, end exclusive (UTF-16 indices). */
export interface Span {
  start: number
  end: number
}

export interface Negation extends Span {
  word: string
}

export interface DeficitTerm extends Span {
  term: string
  /** A friendlier word, when there is one. */
  alternative: string | null
  /** 'jargon': a word professionals use about people; 'label': a word that puts a person down. */
  kind?: 'jargon' | 'label'
}

export interface DomainScore {
  id: DomainId
  score: number
}

export type SuggestionKind = 'negation' | 'person' | 'deficit' | 'detail' | 'form'

export interface Suggestion {
  kind: SuggestionKind
  /** Short, warm prompt in the analysed locale that helps the client rephrase it themselves. */
  message: string
}

export interface Analysis {
  locale: Locale
  person: Person
  negative: boolean
  negations: Negation[]
  form: StrengthForm | null
  /** Ranked, best first; empty when no domain fits. */
  domains: DomainScore[]
  crisis: {
    detected: boolean
    kind: CrisisKind | null
    /** The words that set the screen off, for the worker view and tests; never quote them back as feedback. */
    evidence?: Span & { text: string }
    /** 'alarm' or 'check_in' when detected, else null. */
    level: CrisisLevel | null
    /** Every kind seen, most urgent first (kind is the first). */
    kinds: CrisisKind[]
  }
  deficitTerms: DeficitTerm[]
  suggestions: Suggestion[]
  /** Number of words, used by the quality check ("specific, not one word"). */
  wordCount: number
}

export interface AnalyzeOptions {
  locale?: Locale
}
