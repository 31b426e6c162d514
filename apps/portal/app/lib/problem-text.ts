import { hasKey, type Translator } from '@kracht/i18n'

// The key is made from a group and a code the API sends, so no string names it. A form's answer
// carries the texts of its codes (forms/reply-texts.ts), so a page ships none of the groups; a page
// that shows a code from elsewhere (a loader's problem) names the group it needs in its own
// `route-texts:` comment. A code without its text here shows the general sentence, never itself.

/** Message for an API problem or field code, falling back to a general sentence. */
export function problemText(t: Translator, group: 'errors' | 'fields', code: string | undefined): string {
  const key = `${group}.${code ?? ''}`
  if (code && hasKey(key)) return t(key)
  return group === 'errors' ? t('errors.generic') : t('fields.invalid')
}
