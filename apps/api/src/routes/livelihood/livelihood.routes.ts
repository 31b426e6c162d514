import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import { BridgeSchema, ClientParams, MoneyBody, MoneySchema, PlacementBody, PlacementParams, PlacementPatch, PlacementSchema, VersionQuery } from './livelihood.schemas'

const tags = ['Bridge and money']

/**
 * Mobility Mentoring: the bridge (five pillars the client places themselves on, over time) and the
 * money page. Both are the client's own view of making a living, under one scope, `livelihood`: a
 * worker or peer expert reads them only on a consent with that scope; only the client writes.
 */
const read = (resource: string) => ({ scope: 'livelihood', action: 'read', resource }) as const
const write = (resource: string | ((p: Record<string, string>) => string), logAction: 'create' | 'update' | 'delete') =>
  ({ scope: 'livelihood', action: 'write', resource, logAction }) as const
const placement = (p: Record<string, string>) => `bridge_placement:${p.placementId}`
const conflict = { 409: problemResponse('version_conflict: changed elsewhere; nothing was overwritten') }
const gone = { 404: problemResponse('No such placement (of this client)') }
const Saved = z.object({ placement: PlacementSchema, safety: SafetyScreenSchema }).openapi('SavedBridgePlacement')

export const getBridge = clientRoute({
  operationId: 'getBridge',
  access: read('bridge'),
  method: 'get',
  path: '/clients/{clientId}/bridge',
  tags,
  summary: "The client's bridge: the five pillars, where the client stands on each now and every earlier placement",
  request: { params: ClientParams },
  responses: { 200: jsonResponse(BridgeSchema, 'The bridge (pillars without placements have current null)'), ...commonProblems },
})

export const addPlacement = clientRoute({
  operationId: 'addBridgePlacement',
  access: write('bridge', 'create'),
  method: 'post',
  path: '/clients/{clientId}/bridge/placements',
  tags,
  summary: 'The client places themselves on one pillar (a new version; earlier ones stay); the note is screened, nothing is blocked',
  request: { params: ClientParams, body: jsonBody(PlacementBody) },
  responses: { 201: jsonResponse(Saved, 'Placed'), ...commonProblems, ...conflict },
})

export const updatePlacement = clientRoute({
  operationId: 'updateBridgePlacement',
  access: write(placement, 'update'),
  method: 'patch',
  path: '/clients/{clientId}/bridge/placements/{placementId}',
  tags,
  summary: 'The client changes one placement, on the version they saw',
  request: { params: PlacementParams, body: jsonBody(PlacementPatch) },
  responses: { 200: jsonResponse(Saved, 'Changed'), ...commonProblems, ...gone, ...conflict },
})

export const removePlacement = clientRoute({
  operationId: 'removeBridgePlacement',
  access: write(placement, 'delete'),
  method: 'delete',
  path: '/clients/{clientId}/bridge/placements/{placementId}',
  tags,
  summary: 'The client removes one placement for good; the pillar then shows the one before it',
  request: { params: PlacementParams, query: VersionQuery },
  responses: { 204: { description: 'Removed' }, ...commonProblems, ...gone, ...conflict },
})

export const getMoney = clientRoute({
  operationId: 'getMoneyPage',
  access: read('money'),
  method: 'get',
  path: '/clients/{clientId}/money',
  tags,
  summary: "The client's money page: income, fixed costs, debts and who helps, in the client's words",
  request: { params: ClientParams },
  responses: { 200: jsonResponse(MoneySchema, 'The page (empty, version 0, before the first save)'), ...commonProblems },
})

export const putMoney = clientRoute({
  operationId: 'putMoneyPage',
  access: write('money', 'update'),
  method: 'put',
  path: '/clients/{clientId}/money',
  tags,
  summary: 'Save the whole money page (the client only), on the version last read; every text is screened, nothing is blocked',
  request: { params: ClientParams, body: jsonBody(MoneyBody) },
  responses: { 200: jsonResponse(z.object({ money: MoneySchema, safety: SafetyScreenSchema }).openapi('SavedMoneyPage'), 'Saved'), ...commonProblems, ...conflict },
})
