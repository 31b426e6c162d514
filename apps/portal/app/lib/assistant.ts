import { hasKey, type Translator } from '@kracht/i18n'
import { problemText } from './problem-text'

// Shared by the assistant pages (browser and server): labels for API values. The conversation page's
// form schemas are in conversation-forms.ts, the first page's in assistant-forms.server.ts.
export const flows = ['miracle', 'strengths', 'vip', 'goal', 'safety_plan'] as const
export const areas = ['family', 'friends', 'school_work_club', 'professionals'] as const
export const supports = ['practical', 'emotional', 'advice', 'company'] as const
export type Flow = (typeof flows)[number]
/** The guided flows a facilitator can start or plan together with a client (the safety plan is the client's own). */
export const togetherFlows = ['miracle', 'strengths', 'vip', 'goal'] as const satisfies readonly Flow[]

export function label(t: Translator, key: string, fallback = ''): string {
  return hasKey(key) ? t(key) : fallback
}

/**
 * A problem code of the API as a sentence: the assistant's own first, then the general ones. Those
 * come with a form's answer (forms/reply-texts.ts); a page that shows a code from elsewhere names the
 * `errors` group in a `route-texts:` comment (problem-text.ts).
 */
export function problemMessage(t: Translator, code: string | undefined | null): string {
  const own = `assistant.errors.${code ?? ''}`
  if (code && hasKey(own)) return t(own)
  return problemText(t, 'errors', code ?? undefined)
}
