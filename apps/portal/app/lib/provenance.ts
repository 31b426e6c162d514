import { hasKey, type Translator } from '@kracht/i18n'
import type { SuggestedBy } from './inventory'

/*
 * Apart from lib/inventory.ts (issue 19, page weight): the many pages that only name a life domain
 * do not carry these labels' texts.
 */

/** Spelled in parts: a module that names a section in full carries its texts (apps/portal/texts). */
type ProvenanceSection = `${'inventory'}.${'provenance' | 'provenanceWorker'}`

/**
 * Where a statement's words came from, in a section of labels: the client's (inventory.provenance:
 * "suggested by Noor, chosen by you") or the worker's who reads it (inventory.provenanceWorker). The
 * caller names its section, so a page carries only the labels it shows. The name only where a named
 * person suggested it.
 */
export function provenanceLabel(t: Translator, section: ProvenanceSection, provenance: string, suggestedBy?: SuggestedBy | null): string {
  if (provenance === 'client_accepted_worker' && suggestedBy?.name) return t(`${section}.client_accepted_worker_named`, { name: suggestedBy.name })
  const key = `${section}.${provenance}`
  return hasKey(key) ? t(key) : ''
}
