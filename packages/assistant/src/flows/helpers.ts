import { domainInSet, domainSets, lifeDomains, type DomainSetId, type LifeDomain } from '@kracht/method'
import { peopleIn, type Analysis, type StrengthForm } from '@kracht/language'
import { domainLabel as labelOf, translator } from '@kracht/i18n'
import type { StatementProposal, Time } from '../types'
import { draftText, normalise, splitSentences } from '../wording'
import type { FlowEnv, ParsedAnswer } from './types'

/** The organisation's domain set for this conversation (Krachtwerk's ten unless it chose ICM's nine). */
export function domainSetOf(env: FlowEnv): DomainSetId {
  return env.context.domainSet ?? 'krachtwerk'
}

/**
 * A life domain's label: the one the portal shows on every page (the inventory, sharing, print), so
 * the assistant never names a domain differently from the rest of Kracht.
 */
export function domainLabel(id: LifeDomain, env: Pick<FlowEnv, 'locale'>): string {
  return labelOf(translator(env.locale), id)
}

/** Options for the organisation's life domains, with their labels. */
export function domainOptions(env: FlowEnv): Array<{ id: LifeDomain; label: string }> {
  return domainSets[domainSetOf(env)].map((id) => ({ id, label: domainLabel(id, env) }))
}

/** The domain as it reads inside a sentence ("wonen en het dagelijks leven"). */
export function domainInSentence(id: LifeDomain, env: FlowEnv): string {
  return env.texts.t(`domain.${id}.short`)
}

export function isDomainId(value: string): value is LifeDomain {
  return lifeDomains.some((id) => id === value)
}

/** A domain (of any set: the analysis', a caller's) in the organisation's set, or null when none fits. */
export function inSet(id: LifeDomain, env: FlowEnv): LifeDomain | null {
  return domainInSet(domainSetOf(env), id)
}

/**
 * Which options an answer picks: option ids sent as `choices`, or typed text that is an option's
 * id, its label, its number (1-based), or matches one of its synonyms.
 */
export function matchOptions<T extends string>(
  answer: Extract<ParsedAnswer, { kind: 'text' }>,
  options: ReadonlyArray<{ id: T; label: string }>,
  synonyms: Partial<Record<T, RegExp>> = {},
): T[] {
  const found = new Set<T>()
  for (const choice of answer.choices) {
    const option = options.find((o) => o.id === choice)
    if (option) found.add(option.id)
  }
  const text = normalise(answer.text)
  if (text) {
    for (const part of [text, ...listParts(answer.text)]) {
      const option = exactOption(part, options)
      if (option) found.add(option.id)
    }
    for (const o of options) {
      const re = synonyms[o.id]
      if (re && re.test(text)) found.add(o.id)
    }
  }
  return options.map((o) => o.id).filter((id) => found.has(id))
}

/** "1, 3", "advies en gezelschap", "family / friends" → the separate picks, normalised. */
function listParts(raw: string): string[] {
  if (/^[\d\s,;.&+]+$/.test(raw)) return raw.split(/\D+/).filter(Boolean)
  return raw
    .toLowerCase()
    .split(/[,;/&+]|\s(?:en|and|of|or)\s/)
    .map(normalise)
    .filter(Boolean)
}

function exactOption<T extends string>(part: string, options: ReadonlyArray<{ id: T; label: string }>): { id: T } | undefined {
  return options.find((o, i) => part === o.id || part === normalise(o.label) || part === String(i + 1))
}

/** True when a typed text is nothing but option ids, labels or numbers ("1, 3", "Advies"). */
export function isOnlyOptions(text: string, options: ReadonlyArray<{ id: string; label: string }>): boolean {
  const normalised = normalise(text)
  if (!normalised) return false
  if (exactOption(normalised, options)) return true
  const parts = listParts(text)
  return parts.length > 0 && parts.every((part) => exactOption(part, options) !== undefined)
}

/** Life domains named in a text: by option, else what the language analysis finds (in the organisation's set). */
export function domainsFromAnswer(answer: Extract<ParsedAnswer, { kind: 'text' }>, env: FlowEnv, max: number): LifeDomain[] {
  const picked = matchOptions(answer, domainOptions(env))
  if (picked.length > 0) return picked.slice(0, 10)
  if (!answer.text.trim()) return []
  const found = env
    .analyze(answer.text)
    .domains.filter((d) => d.score > 0)
    .flatMap((d) => inSet(d.id, env) ?? [])
  return [...new Set(found)].slice(0, max)
}

export interface StatementOptions {
  form: StrengthForm
  time: Time
  /** The domain the question was about; null: take the best one from the analysis. */
  domain: LifeDomain | null
  /** When the analysis finds no domain. */
  fallbackDomain?: LifeDomain | null
  /** May a sentence starter be added to a fragment? */
  starter: boolean
  /** Take the form the analysis reads in each sentence ("ik kon" → i_can), `form` when it reads none. */
  formFromText?: boolean
}

export interface Statements {
  proposals: StatementProposal[]
  analyses: Analysis[]
  starterAdded: boolean
}

/** Statement drafts from an answer: one per sentence, in the client's own words. */
export function statementsFrom(text: string, options: StatementOptions, env: FlowEnv): Statements {
  const proposals: StatementProposal[] = []
  const analyses: Analysis[] = []
  let starterAdded = false
  const before: string[] = []
  // Names the client gave in this answer ("mijn zoon Daan") are names too: kept as written.
  const names = [...env.knownNames, ...peopleIn(text, env.locale).flatMap((p) => (p.name ? [p.name] : []))]
  for (const part of splitSentences(text)) {
    const analysis = env.analyze(part)
    // Only a domain the organisation uses: the best suggestion that lands in its set.
    const suggested = options.domain ? null : env.suggestDomains(part, before).map((d) => inSet(d.id, env)).find((d) => d !== null)
    before.push(part)
    analyses.push(analysis)
    const drafted = options.starter
      ? draftText(part, options.form, env.locale, names)
      : { text: part.trim(), starterAdded: false }
    starterAdded ||= drafted.starterAdded
    proposals.push({
      kind: 'statement',
      id: env.newId(),
      domain: options.domain ?? suggested ?? options.fallbackDomain ?? null,
      time: options.time,
      form: options.formFromText ? analysis.form ?? options.form : options.form,
      text: drafted.text,
      source: 'assistant',
      alternativeTo: null,
    })
  }
  return { proposals, analyses, starterAdded }
}

/** The step already sets the form of strength, so the analysis' "form" suggestion never applies. */
const SUGGESTION_ORDER = ['negation', 'deficit', 'detail', 'person'] as const

/**
 * A thank-you, plus at most one of the analysis' own gentle suggestions (e.g. "Kun je zeggen wat
 * je wél wilt?"). After a starter was added, the suggestion about "ik" is left out.
 */
export function textFeedback(
  env: FlowEnv,
  ackKey: string,
  analyses: readonly Analysis[],
  starterAdded: boolean,
  options: { leaveOut?: readonly (typeof SUGGESTION_ORDER)[number][] } = {},
): string[] {
  const feedback = [env.texts.pick(ackKey, env.turn)]
  const suggestions = analyses.flatMap((a) => a.suggestions)
  for (const kind of SUGGESTION_ORDER) {
    if (starterAdded && kind === 'person') continue
    if (options.leaveOut?.includes(kind)) continue
    const suggestion = suggestions.find((s) => s.kind === kind)
    if (suggestion) {
      feedback.push(suggestion.message)
      break
    }
  }
  return feedback
}

/** Feedback for a skipped or "I don't know" answer, with an optional flow-specific text. */
export function passFeedback(env: FlowEnv, answer: ParsedAnswer, specificKey?: string): string[] {
  if (specificKey && env.texts.has(specificKey)) return [env.texts.t(specificKey)]
  return [env.texts.pick(answer.kind === 'skip' ? 'skip' : 'dont_know', env.turn)]
}

/** The first line of a text, trimmed and at most `max` characters: for short fields (names). */
export function shortField(text: string, max: number): string {
  const line = text.trim().split(/\n/)[0]?.trim() ?? ''
  return [...line].slice(0, max).join('')
}

/** Yes/no answers for "anyone else?" steps. */
export function yesNo(answer: Extract<ParsedAnswer, { kind: 'text' }>, env: FlowEnv): 'yes' | 'no' | null {
  const picked = matchOptions(answer, yesNoOptions(env), {
    yes: /^(ja|jaa+|jep|jup|ja hoor|graag|zeker|ok|oke|oké|okay|yes|yeah|yep|sure|please)\b/,
    no: /^(nee|neen|nope|no|nah|klaar|stop|genoeg|niet nu|dat was het|done|enough|not now|that's it|thats it)\b/,
  })
  if (picked.length !== 1) return null
  return picked[0] ?? null
}

export function yesNoOptions(env: FlowEnv): Array<{ id: 'yes' | 'no'; label: string }> {
  return [
    { id: 'yes', label: env.texts.t('choice.yes') },
    { id: 'no', label: env.texts.t('choice.no') },
  ]
}
