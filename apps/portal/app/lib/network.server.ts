import type { AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import { api, readProblem } from './api.server'
import { resourceKinds } from './network'

/** The network map through the API (the gate decides and logs); null when it is not shared with the caller. */
export async function loadNetwork(request: Request, context: AppLoadContext, clientId: string) {
  const network = api(context, request).clients[':clientId'].network
  const [people, resources, comments] = await Promise.all([
    network.persons.$get({ param: { clientId } }),
    network.resources.$get({ param: { clientId } }),
    network.comments.$get({ param: { clientId }, query: {} }),
  ])
  if (!people.ok || !resources.ok || !comments.ok) return null
  return { people: await people.json(), resources: await resources.json(), comments: await comments.json() }
}

export type NetworkData = NonNullable<Awaited<ReturnType<typeof loadNetwork>>>
export type PersonData = NetworkData['people'][number]

export async function loadPerson(request: Request, context: AppLoadContext, clientId: string, personId: string) {
  const response = await api(context, request).clients[':clientId'].network.persons[':personId'].$get({ param: { clientId, personId } })
  return response.ok ? response.json() : null
}

export async function loadHistory(request: Request, context: AppLoadContext, clientId: string, at: string) {
  const response = await api(context, request).clients[':clientId'].network.history.$get({ param: { clientId }, query: { at } })
  if (response.ok) return { ok: true as const, history: await response.json() }
  return { ok: false as const, problem: await readProblem(response) }
}

// One zod schema per form. Messages are field codes of the catalogue (network.errors.*), so the
// page shows each beside its field; the API checks the same again and has the last word.
export const ResourceForm = z.object({
  kind: z.enum(resourceKinds, { message: 'unknown_kind' }),
  text: z.string().trim().min(1, 'required').max(500, 'too_long'),
  /** `domain:housing`, `person:<id>` or empty. */
  link: z.string().max(80).default(''),
})

export function linkOf(link: string): { domain: string | null; personId: string | null } {
  if (link.startsWith('domain:')) return { domain: link.slice(7), personId: null }
  if (link.startsWith('person:')) return { domain: null, personId: link.slice(7) }
  return { domain: null, personId: null }
}

export const VersionField = z.coerce.number().int().min(1)
