import { hasKey, type Translator } from '@kracht/i18n'
import type { SuggestedBy } from './inventory'

/*
 * Apart from lib/inventory.ts (issue 19, page weight): the many pages that only name a life domain
 * do not carry these labels' texts.
 */

/**
 * Where a statement's words came from: for the client ("suggested by Noor, chosen by you") or, with
 * `forWorker`, for the worker who reads it. The name only where a named person suggested it.
 */
export function provenanceLabel(t: Translator, provenance: string, suggestedBy?: SuggestedBy | null, forWorker = false): string {
  const section = forWorker ? 'inventory.provenanceWorker' : 'inventory.provenance'
  if (provenance === 'client_accepted_worker' && suggestedBy?.name) return t(`${section}.client_accepted_worker_named`, { name: suggestedBy.name })
  const key = `${section}.${provenance}`
  return hasKey(key) ? t(key) : ''
}
