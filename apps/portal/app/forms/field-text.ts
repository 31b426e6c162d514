import { hasKey, type Translator } from '@kracht/i18n'
import { problemText } from '../lib/problem-text'
import type { OwnGroup } from './submission.server'

/**
 * An error code in the reader's language. Field codes: the form's own codes (`own`: the sharing
 * pages' one_client, ends_in_past …; the network's unknown_area …) first, then the general field
 * codes ("required", "too_long" …). Form codes: the API's problem codes (`errors.*`). In the browser
 * these texts come with the action's answer (forms/reply-texts.ts), so the page need not carry the
 * default group this names.
 */
// route-texts: -sharing.fields
export function fieldText(t: Translator, code: string, group: 'fields' | 'errors' = 'fields', own: OwnGroup = 'sharing.fields'): string {
  if (group === 'errors') return problemText(t, 'errors', code)
  const key = `${own}.${code}`
  return hasKey(key) ? t(key) : problemText(t, 'fields', code)
}
