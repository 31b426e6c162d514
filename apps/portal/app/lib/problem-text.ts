import { hasKey, type Translator } from '@kracht/i18n'

// The key is made from a group and a code the API sends, so no string names it: the page's texts
// (apps/portal/texts) take both groups whole for every page that imports this.
// route-texts: errors fields

/** Message for an API problem or field code, falling back to a general sentence. */
export function problemText(t: Translator, group: 'errors' | 'fields', code: string | undefined): string {
  const key = `${group}.${code ?? ''}`
  if (code && hasKey(key)) return t(key)
  return group === 'errors' ? t('errors.generic') : t('fields.invalid')
}
