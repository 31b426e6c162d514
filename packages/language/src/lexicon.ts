// Loads the reviewable word lists in data/<locale>/ and compiles them once per locale into the
// structures the rules use. The data files are checked here, so that a slip by whoever edits
// them fails loudly in the tests instead of quietly weakening the analysis.

import { strengthForms, type Locale, type StrengthForm } from './types'
import { compileSpelling, type Normaliser } from './tokenize'
import { compilePerson, type PersonRules } from './person'
import { compileNegation, type NegationRules } from './negation'
import { compileForms, type FormData, type FormRules } from './form'
import { compileDomains, isDomainWord, type DomainData, type DomainRules } from './domains'
import { compileCrisis, type CrisisRules } from './crisis'
import { compileDeficit, type DeficitRules } from './deficit'
import type { SuggestionTexts } from './suggestions'

import nlSpelling from '../data/nl/spelling.json'
import nlPerson from '../data/nl/person.json'
import nlNegations from '../data/nl/negations.json'
import nlForms from '../data/nl/forms.json'
import nlDomains from '../data/nl/domains.json'
import nlCrisis from '../data/nl/crisis.json'
import nlDeficit from '../data/nl/deficit-terms.json'
import nlSuggestions from '../data/nl/suggestions.json'
import enSpelling from '../data/en/spelling.json'
import enPerson from '../data/en/person.json'
import enNegations from '../data/en/negations.json'
import enForms from '../data/en/forms.json'
import enDomains from '../data/en/domains.json'
import enCrisis from '../data/en/crisis.json'
import enDeficit from '../data/en/deficit-terms.json'
import enSuggestions from '../data/en/suggestions.json'

export interface Lexicon {
  normaliser: Normaliser
  person: PersonRules
  negation: NegationRules
  forms: FormRules
  domains: DomainRules
  crisis: CrisisRules
  deficit: DeficitRules
  suggestions: SuggestionTexts
}

type RawForms = Omit<FormData, 'verbs' | 'refine' | 'starters' | 'morphology'> & {
  verbs: Record<string, string[]>
  refine: { pattern: string; form: string | null }[]
  starters: { pattern: string; form: string | null; fragments?: boolean }[]
  morphology: string
}

function asForm(v: string | null, where: string): StrengthForm | null {
  if (v === null) return null
  if ((strengthForms as readonly string[]).includes(v)) return v as StrengthForm
  throw new Error(`@kracht/language: unknown form "${v}" in ${where}`)
}

function checkForms(raw: RawForms, where: string): FormData {
  const verbs = {} as Record<StrengthForm, string[]>
  for (const f of strengthForms) verbs[f] = raw.verbs[f] ?? []
  for (const k of Object.keys(raw.verbs)) asForm(k, `${where} verbs`)
  if (raw.morphology !== 'nl' && raw.morphology !== 'en') throw new Error(`@kracht/language: morphology must be nl or en in ${where}`)
  return {
    ...raw,
    morphology: raw.morphology,
    verbs,
    refine: raw.refine.map((r) => ({ pattern: r.pattern, form: asForm(r.form, `${where} refine`) })),
    starters: raw.starters.map((r) => ({ pattern: r.pattern, form: asForm(r.form, `${where} starters`), fragments: r.fragments === true })),
  }
}

/** Literal words used anywhere in the data; the tokeniser uses them to undo elongations. */
function vocabulary(...sources: unknown[]): Set<string> {
  const out = new Set<string>()
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const part of v.toLowerCase().split(/[\s|(),{}/]+/)) {
        const w = part.replace(/^[=*]+|\*+$/g, '')
        if (w.length > 1 && !w.includes('*') && !w.startsWith('$')) out.add(w)
      }
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x)
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!k.startsWith('$')) visit(k)
        visit(x)
      }
    }
  }
  for (const s of sources) visit(s)
  return out
}

function build(locale: Locale): Lexicon {
  const d =
    locale === 'nl'
      ? { spelling: nlSpelling, person: nlPerson, negations: nlNegations, forms: nlForms, domains: nlDomains, crisis: nlCrisis, deficit: nlDeficit, suggestions: nlSuggestions }
      : { spelling: enSpelling, person: enPerson, negations: enNegations, forms: enForms, domains: enDomains, crisis: enCrisis, deficit: enDeficit, suggestions: enSuggestions }
  const known = vocabulary(d.person, d.negations, d.forms, d.domains, d.crisis, d.deficit)
  const domains = compileDomains(d.domains as unknown as DomainData, locale)
  const person = compilePerson(d.person, known)
  person.isWord = (w) => isDomainWord(w, domains)
  return {
    normaliser: compileSpelling(d.spelling, known),
    person,
    negation: compileNegation(d.negations),
    forms: compileForms(checkForms(d.forms as RawForms, `data/${locale}/forms.json`)),
    domains,
    crisis: compileCrisis(d.crisis),
    deficit: compileDeficit(d.deficit),
    suggestions: d.suggestions,
  }
}

const cache = new Map<Locale, Lexicon>()

export function lexicon(locale: Locale): Lexicon {
  let lex = cache.get(locale)
  if (!lex) {
    lex = build(locale)
    cache.set(locale, lex)
  }
  return lex
}
