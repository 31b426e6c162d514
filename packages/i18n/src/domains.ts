import { hasKey, type Translator } from './translate'

/**
 * A life domain's label: the one name each domain has everywhere (every portal page, the sharing
 * page, print, the assistant's choices). Krachtwerk's ten and ICM's nine share one list
 * (`inventory.domains`); an unknown id shows itself, so it is noticed.
 */
export function domainLabel(t: Translator, id: string): string {
  const key = `inventory.domains.${id}`
  return hasKey(key) ? t(key) : id
}
