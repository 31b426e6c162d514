// The one entry point: reads a statement the way a worker trained in the method would, and
// says what it found. Pure and synchronous, no network and no model, so it can run on every
// keystroke in the portal and inside the offline assistant.

import { locales, type Analysis, type AnalyzeOptions, type Locale } from './types'
import { lexicon } from './lexicon'
import { tokenize } from './tokenize'
import { detectPerson } from './person'
import { findNegations } from './negation'
import { detectForm } from './form'
import { scoreDomains } from './domains'
import { screenCrisis } from './crisis'
import { screenCrisisText } from './screen'
import { findDeficitTerms } from './deficit'
import { buildSuggestions } from './suggestions'

/**
 * A statement is a sentence or a few. Longer input is analysed up to here so that feedback stays
 * fast, but the crisis screen always reads the whole text: a signal at the end must not be lost.
 */
export const MAX_INPUT_CHARS = 5000

function resolveLocale(locale: unknown): Locale {
  return (locales as readonly unknown[]).includes(locale) ? (locale as Locale) : 'nl'
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const locale = resolveLocale(options.locale)
  const full = typeof text === 'string' ? text : ''
  const input = full.length > MAX_INPUT_CHARS ? full.slice(0, MAX_INPUT_CHARS) : full
  const lex = lexicon(locale)
  const tokens = tokenize(input, lex.normaliser)
  const wordCount = tokens.length === 0 ? 0 : (tokens[tokens.length - 1]?.src ?? 0) + 1
  const person = detectPerson(tokens, lex.person)
  const negations = findNegations(tokens, lex.negation)
  const form = detectForm(tokens, lex.forms, person, lex.person)
  const screen = full === input ? screenCrisis(input, tokens, lex.crisis) : screenCrisis(full, tokenize(full, lex.normaliser), lex.crisis)
  // The phrase lists place the statement in a life domain; the whole screen (composed rules in
  // both languages and the classifier beside them) decides whether and how to show help.
  const crisis = screenCrisisText(full, screen.result)
  const domains = scoreDomains(tokens, lex.domains, { known: lex.normaliser.known, crisisKind: screen.topicKind, crisisFirst: screen.first, crisisLast: screen.last })
  const deficitTerms = findDeficitTerms(tokens, lex.deficit)
  const suggestions = buildSuggestions(
    { text: input, person, negations, form, deficitTerms, crisis: crisis.detected, wordCount },
    lex.suggestions,
  )
  return {
    locale,
    person,
    negative: negations.length > 0,
    negations,
    form,
    domains,
    crisis,
    deficitTerms,
    suggestions,
    wordCount,
  }
}
