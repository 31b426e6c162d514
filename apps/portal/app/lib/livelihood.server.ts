import type { AppLoadContext } from '@remix-run/node'
import { api } from './api.server'
import { keyedWrite } from './idempotency.server'
import type { BridgePillar, MoneyContent } from './livelihood'

/** The client's bridge through the API (the gate decides); null when it is not shared with the caller. */
export async function loadBridge(request: Request, context: AppLoadContext, clientId: string) {
  const response = await api(context, request).clients[':clientId'].bridge.$get({ param: { clientId } })
  if (!response.ok) return null
  return response.json()
}
export type BridgeData = NonNullable<Awaited<ReturnType<typeof loadBridge>>>
export type PlacementData = NonNullable<BridgeData['pillars'][number]['current']>

export function addPlacement(
  request: Request,
  context: AppLoadContext,
  formData: FormData,
  clientId: string,
  json: { pillar: BridgePillar; step: number; nextStep: number | null; note: string | null; after: string | null },
) {
  return keyedWrite(formData, (options) => api(context, request).clients[':clientId'].bridge.placements.$post({ param: { clientId }, json }, options))
}

export function updatePlacement(
  request: Request,
  context: AppLoadContext,
  clientId: string,
  placementId: string,
  json: { version: number; step: number; nextStep: number | null; note: string | null },
) {
  return api(context, request).clients[':clientId'].bridge.placements[':placementId'].$patch({ param: { clientId, placementId }, json })
}

export function removePlacement(request: Request, context: AppLoadContext, clientId: string, placementId: string, version: number) {
  return api(context, request).clients[':clientId'].bridge.placements[':placementId'].$delete({ param: { clientId, placementId }, query: { version: String(version) } })
}

/** The money page through the API; null when it is not shared with the caller. */
export async function loadMoney(request: Request, context: AppLoadContext, clientId: string) {
  const response = await api(context, request).clients[':clientId'].money.$get({ param: { clientId } })
  if (!response.ok) return null
  return response.json()
}

export function saveMoney(request: Request, context: AppLoadContext, clientId: string, version: number, content: MoneyContent) {
  return api(context, request).clients[':clientId'].money.$put({ param: { clientId }, json: { version, ...content } })
}
