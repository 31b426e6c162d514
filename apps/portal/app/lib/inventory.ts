import { strengthForms, times, type StrengthForm, type Time } from '@kracht/method'

// One label per life domain, shared with the assistant (packages/i18n/src/domains.ts).
export { domainLabel } from '@kracht/i18n'

// Shared by the inventory pages (browser and server): labels for values that come from the API.
export { times, type Time }
export const forms = strengthForms
export type Form = StrengthForm

export interface SuggestedBy {
  id: string
  name: string | null
}

/**
 * What a statement list needs of a statement. Not a copy of the API's type: the inventory's and the
 * history's statements (typed by the API client) both fit it as they are, so no cast is needed.
 */
export interface StatementView {
  id: string
  time: string
  text: string
  provenance: string
  suggestedBy?: SuggestedBy | null | undefined
}

export interface FeedbackView {
  suggestions: { kind: string; message: string }[]
  suggestedForm: Form | null
  suggestedDomain: string | null
  crisis: boolean
}
