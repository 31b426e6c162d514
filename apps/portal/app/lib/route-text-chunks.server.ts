import { routeTextChunks } from 'virtual:route-text-chunks'
import type { Locale } from '@kracht/i18n'

/** The texts chunks of the page's routes in its language, for modulepreload links; none in development. */
export function textChunksFor(routeIds: readonly string[], locale: Locale): string[] {
  return routeIds.flatMap((id) => {
    const chunk = routeTextChunks[id]?.[locale]
    return chunk ? [chunk] : []
  })
}
