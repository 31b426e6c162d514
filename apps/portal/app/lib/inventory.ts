import { hasKey, type Translator } from '@kracht/i18n'

// Shared by the inventory pages (browser and server): labels for values that come from the API.
export const times = ['past', 'present', 'future'] as const
export const forms = ['i_am', 'i_can', 'i_have', 'i_want', 'i_know'] as const
export type Time = (typeof times)[number]
export type Form = (typeof forms)[number]

export function domainLabel(t: Translator, id: string): string {
  const key = `inventory.domains.${id}`
  return hasKey(key) ? t(key) : id
}

export function formLabel(t: Translator, form: string | null): string {
  const key = `inventory.forms.${form ?? ''}`
  return form && hasKey(key) ? t(key) : ''
}

export function provenanceLabel(t: Translator, provenance: string): string {
  const key = `inventory.provenance.${provenance}`
  return hasKey(key) ? t(key) : ''
}

export interface StatementView {
  id: string
  domain: string
  time: Time
  form: Form | null
  text: string
  provenance: string
  version: number
  createdAt: string
  updatedAt: string
}

export interface FeedbackView {
  suggestions: { kind: string; message: string }[]
  suggestedForm: Form | null
  suggestedDomain: string | null
  crisis: boolean
}
