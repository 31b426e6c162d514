import { catalogueChunks } from 'virtual:catalogue-chunks'
import type { Locale } from '@kracht/i18n'

/** The page's catalogue chunk, for a modulepreload link; null in development. */
export function catalogueChunk(locale: Locale): string | null {
  return catalogueChunks[locale] ?? null
}
