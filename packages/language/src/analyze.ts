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
import { findDeficitTerms } from './deficit'
import { buildSuggestions } from './suggestions'

/** Longer input is cut here: a statement is a sentence or a few, and the screen must stay fast. */
export const MAX_INPUT_CHARS = 5000

function resolveLocale(locale: unknown): Locale {
  return (locales as readonly unknown[]).includes(locale) ? (locale as Locale) : 'nl'
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const locale = resolveLocale(options.locale)
  const input = typeof text === 'string' ? text.slice(0, MAX_INPUT_CHARS) : ''
  const lex = lexicon(locale)
  const tokens = tokenize(input, lex.normaliser)
  const wordCount = tokens.length === 0 ? 0 : (tokens[tokens.length - 1]?.src ?? 0) + 1
  const person = detectPerson(tokens, lex.person)
  const negations = findNegations(tokens, lex.negation)
  const form = detectForm(tokens, lex.forms, person, lex.person)
  const screen = screenCrisis(input, tokens, lex.crisis)
  const crisis = screen.result
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
