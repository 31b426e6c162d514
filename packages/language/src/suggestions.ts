// Gentle prompts that help the client rephrase in their own words. They ask and offer sentence
// starters; they never write the client's statement for them. No prompts at all when the crisis
// screen fired: then the caller shows the help card and nothing else should compete with it.

import type { DeficitTerm, Negation, Person, StrengthForm, Suggestion } from './types'

export interface SuggestionTexts {
  negation: string
  negationMore: string
  personOther: string
  personNone: string
  deficitWithAlternative: string
  deficitWithout: string
  labelWithAlternative: string
  labelWithout: string
  detail: string
  form: string
}

export interface SuggestionInput {
  text: string
  person: Person
  negations: Negation[]
  form: StrengthForm | null
  deficitTerms: DeficitTerm[]
  crisis: boolean
  wordCount: number
}

/** Fewer words than this is "one word, not specific" in the quality check. */
export const SHORT_STATEMENT_WORDS = 4

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}

export function buildSuggestions(input: SuggestionInput, t: SuggestionTexts): Suggestion[] {
  if (input.crisis || input.wordCount === 0) return []
  const out: Suggestion[] = []
  const firstNeg = input.negations[0]
  if (firstNeg) {
    const word = firstNeg.word
    const message =
      input.negations.length > 1
        ? fill(t.negationMore, { word, count: String(input.negations.length - 1) })
        : fill(t.negation, { word })
    out.push({ kind: 'negation', message })
  }
  if (input.person === 'other') out.push({ kind: 'person', message: t.personOther })
  else if (input.person === 'none' && input.wordCount >= 2) out.push({ kind: 'person', message: t.personNone })
  const seen = new Set<string>()
  for (const d of input.deficitTerms) {
    if (seen.has(d.term)) continue
    seen.add(d.term)
    const term = input.text.slice(d.start, d.end)
    const jargon = d.kind !== 'label'
    const message = d.alternative
      ? fill(jargon ? t.deficitWithAlternative : t.labelWithAlternative, { term, alternative: d.alternative })
      : fill(jargon ? t.deficitWithout : t.labelWithout, { term })
    out.push({ kind: 'deficit', message })
  }
  if (input.wordCount < SHORT_STATEMENT_WORDS) out.push({ kind: 'detail', message: t.detail })
  if (input.form === null) out.push({ kind: 'form', message: t.form })
  return out
}
