import { strengthForms, type StrengthForm } from '@kracht/language'
import { careSettings, type CareSetting, type LifeDomain } from '@kracht/method'

/**
 * Which questions the strengths flow asks in a life domain. Not every form fits every domain for
 * every client: a client in a women's shelter is not asked "Hoe ben jij?" about their ex-partner
 * unless they chose that domain themselves. The rules are data, so a trainer can read and change
 * them here without touching the flow.
 */

export { careSettings, type CareSetting }

/** The questions of one domain: the five forms of strength, then "what went well before". */
export const questionKinds = [...strengthForms, 'past'] as const
export type QuestionKind = StrengthForm | 'past'

export interface QuestionRule {
  setting: CareSetting
  domain: LifeDomain
  /** Questions left out of this domain in this setting. */
  leaveOut: readonly QuestionKind[]
  /** True: the questions are still asked when the client chose the domain themselves. */
  unlessChosen: boolean
}

export const questionRules: readonly QuestionRule[] = [
  // In a women's shelter the (ex-)partner is often the person the client fled from: no questions
  // about them that the client did not ask for. When she picks the domain herself, she leads.
  { setting: 'womens_shelter', domain: 'partner', leaveOut: questionKinds, unlessChosen: true },
]

/**
 * The questions asked in `domain`, in order. `chosen`: the client picked the domain themselves
 * (in the flow, or when they started it); domains set by someone else follow the rules strictly.
 */
export function questionsFor(domain: LifeDomain | null, setting: CareSetting, chosen: boolean): QuestionKind[] {
  if (domain === null) return [...questionKinds]
  const left = new Set<QuestionKind>()
  for (const rule of questionRules) {
    if (rule.setting !== setting || rule.domain !== domain) continue
    if (rule.unlessChosen && chosen) continue
    for (const kind of rule.leaveOut) left.add(kind)
  }
  return questionKinds.filter((kind) => !left.has(kind))
}
