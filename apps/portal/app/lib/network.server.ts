import { layoutNetworkMap } from './network-map'
import type { AppLoadContext } from '@remix-run/node'
import { api, readProblem } from './api.server'

/** The network map through the API (the gate decides and logs); null when it is not shared with the caller. */
export async function loadNetwork(request: Request, context: AppLoadContext, clientId: string) {
  const network = api(context, request).clients[':clientId'].network
  const [people, resources, comments] = await Promise.all([
    network.persons.$get({ param: { clientId } }),
    network.resources.$get({ param: { clientId } }),
    network.comments.$get({ param: { clientId }, query: {} }),
  ])
  if (!people.ok || !resources.ok || !comments.ok) return null
  const persons = await people.json()
  // The map's geometry is worked out here: the page only draws it (issue 19, page weight).
  return { people: persons, map: layoutNetworkMap(persons), resources: await resources.json(), comments: await comments.json() }
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

export function linkOf(link: string): { domain: string | null; personId: string | null } {
  if (link.startsWith('domain:')) return { domain: link.slice(7), personId: null }
  if (link.startsWith('person:')) return { domain: null, personId: link.slice(7) }
  return { domain: null, personId: null }
}
