import type { reply } from './submission.server'

/** A posted form with these fields, in this order (repeated names allowed). For tests. */
export const form = (entries: [string, string][]) => {
  const data = new FormData()
  for (const [name, value] of entries) data.append(name, value)
  return data
}

/** The first error code of each field, as the page shows it beside the field. */
export const errorsOf = (result: ReturnType<typeof reply>) =>
  Object.fromEntries(Object.entries(result.error ?? {}).flatMap(([name, codes]) => (codes?.[0] ? [[name, codes[0]]] : [])))
