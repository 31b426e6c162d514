import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import {
  ClientParams,
  HistoryQuery,
  HistorySchema,
  EditNetworkCommentBody,
  NetworkCommentBody,
  NetworkCommentSchema,
  NetworkDecisionBody,
  PersonBody,
  PersonParams,
  PersonPatch,
  PersonSchema,
  ResourceBody,
  ResourceParams,
  ResourcePatch,
  ResourceSchema,
  VersionQuery,
} from './network.schemas'

const tags = ['Network']

/**
 * The network map (VIP card) and resources. Everything is under the `network` scope: a worker or
 * peer expert sees it only on a consent with that scope, comments and suggests only with comment
 * access; only the client changes the map.
 */

const read = (resource: string | ((p: Record<string, string>) => string)) => ({ scope: 'network', action: 'read', resource }) as const
const write = (resource: string | ((p: Record<string, string>) => string), logAction: 'create' | 'update' | 'delete') =>
  ({ scope: 'network', action: 'write', resource, logAction }) as const
const person = (p: Record<string, string>) => `network_person:${p.personId}`
const resource = (p: Record<string, string>) => `resource:${p.resourceId}`
const conflict = { 409: problemResponse('version_conflict: changed elsewhere; nothing was overwritten') }
const gone = (what: string) => ({ 404: problemResponse(`No such ${what} (of this client)`) })

export const listPersons = clientRoute({
  operationId: 'listPersons',
  access: read('network'),
  method: 'get',
  path: '/clients/{clientId}/network/persons',
  tags,
  summary: 'The people on the network map (VIP card), closest first',
  request: { params: ClientParams },
  responses: { 200: jsonResponse(z.array(PersonSchema), 'The people'), ...commonProblems },
})

export const createPerson = clientRoute({
  operationId: 'createPerson',
  access: write('network', 'create'),
  method: 'post',
  path: '/clients/{clientId}/network/persons',
  tags,
  summary: 'The client puts a person on the map; the note is screened, nothing is blocked',
  request: { params: ClientParams, body: jsonBody(PersonBody) },
  responses: { 201: jsonResponse(z.object({ person: PersonSchema, safety: SafetyScreenSchema }).openapi('SavedNetworkPerson'), 'Added'), ...commonProblems },
})

export const getPerson = clientRoute({
  operationId: 'getPerson',
  access: read(person),
  method: 'get',
  path: '/clients/{clientId}/network/persons/{personId}',
  tags,
  summary: 'One person on the map',
  request: { params: PersonParams },
  responses: { 200: jsonResponse(PersonSchema, 'The person'), ...commonProblems, ...gone('person') },
})

export const updatePerson = clientRoute({
  operationId: 'updatePerson',
  access: write(person, 'update'),
  method: 'patch',
  path: '/clients/{clientId}/network/persons/{personId}',
  tags,
  summary: 'The client changes a person, on the version last read',
  request: { params: PersonParams, body: jsonBody(PersonPatch) },
  responses: {
    200: jsonResponse(z.object({ person: PersonSchema, safety: SafetyScreenSchema }).openapi('ChangedNetworkPerson'), 'Changed'),
    ...commonProblems,
    ...gone('person'),
    ...conflict,
  },
})

export const deletePerson = clientRoute({
  operationId: 'deletePerson',
  access: write(person, 'delete'),
  method: 'delete',
  path: '/clients/{clientId}/network/persons/{personId}',
  tags,
  summary: 'The client takes a person off the map (past maps still show them)',
  request: { params: PersonParams, query: VersionQuery },
  responses: { 204: { description: 'Removed' }, ...commonProblems, ...gone('person'), ...conflict },
})

export const getHistory = clientRoute({
  operationId: 'getNetworkHistory',
  access: read('network_history'),
  method: 'get',
  path: '/clients/{clientId}/network/history',
  tags,
  summary: 'The map of a past day beside today\'s, and who came, left, came closer or moved further away',
  request: { params: ClientParams, query: HistoryQuery },
  responses: { 200: jsonResponse(HistorySchema, 'Then and now'), ...commonProblems },
})

export const listResources = clientRoute({
  operationId: 'listResources',
  access: read('resources'),
  method: 'get',
  path: '/clients/{clientId}/network/resources',
  tags,
  summary: 'Resources (hulpbronnen) in the four kinds; those of left-out life domains are not shown',
  request: { params: ClientParams },
  responses: { 200: jsonResponse(z.array(ResourceSchema), 'Oldest first'), ...commonProblems },
})

export const createResource = clientRoute({
  operationId: 'createResource',
  access: write('resources', 'create'),
  method: 'post',
  path: '/clients/{clientId}/network/resources',
  tags,
  summary: 'The client names a resource, linked to a life domain or a person; screened, nothing is blocked',
  request: { params: ClientParams, body: jsonBody(ResourceBody) },
  responses: { 201: jsonResponse(z.object({ resource: ResourceSchema, safety: SafetyScreenSchema }).openapi('SavedResource'), 'Added'), ...commonProblems },
})

export const updateResource = clientRoute({
  operationId: 'updateResource',
  access: write(resource, 'update'),
  method: 'patch',
  path: '/clients/{clientId}/network/resources/{resourceId}',
  tags,
  summary: 'The client changes a resource, on the version last read',
  request: { params: ResourceParams, body: jsonBody(ResourcePatch) },
  responses: {
    200: jsonResponse(z.object({ resource: ResourceSchema, safety: SafetyScreenSchema }).openapi('ChangedResource'), 'Changed'),
    ...commonProblems,
    ...gone('resource'),
    ...conflict,
  },
})

export const deleteResource = clientRoute({
  operationId: 'deleteResource',
  access: write(resource, 'delete'),
  method: 'delete',
  path: '/clients/{clientId}/network/resources/{resourceId}',
  tags,
  summary: 'The client removes a resource',
  request: { params: ResourceParams, query: VersionQuery },
  responses: { 204: { description: 'Removed' }, ...commonProblems, ...gone('resource'), ...conflict },
})

export const listNetworkComments = clientRoute({
  operationId: 'listNetworkComments',
  access: read('network_comments'),
  method: 'get',
  path: '/clients/{clientId}/network/comments',
  tags,
  summary: 'Comments and suggestions on the map, oldest first',
  request: { params: ClientParams, query: z.object({ personId: z.string().uuid().optional() }) },
  responses: { 200: jsonResponse(z.array(NetworkCommentSchema), 'Oldest first'), ...commonProblems },
})

export const addNetworkComment = clientRoute({
  operationId: 'addNetworkComment',
  access: { scope: 'network', action: 'comment', resource: 'network_comments', logAction: 'create' },
  method: 'post',
  path: '/clients/{clientId}/network/comments',
  tags,
  summary: 'Comment on the map or a person, or suggest a person or a change (needs comment access); never changes the map',
  request: { params: ClientParams, body: jsonBody(NetworkCommentBody) },
  responses: {
    201: jsonResponse(NetworkCommentSchema.extend({ safety: SafetyScreenSchema }).openapi('SavedNetworkComment'), 'Added'),
    ...commonProblems,
    ...gone('person'),
  },
})

const ownRemark = (logAction: 'update' | 'delete') =>
  ({ scope: 'network', action: 'comment', resource: (p: Record<string, string>) => `network_comment:${p.commentId}`, logAction }) as const
const ownWordsProblems = {
  ...commonProblems,
  ...gone('comment'),
  409: problemResponse('version_conflict: changed elsewhere, nothing was overwritten; suggestion_decided: the client decided on it, its words stay'),
}
const OwnRemarkParams = ClientParams.extend({ commentId: z.string().uuid() })

export const editNetworkComment = clientRoute({
  operationId: 'editNetworkComment',
  access: ownRemark('update'),
  method: 'patch',
  path: '/clients/{clientId}/network/comments/{commentId}',
  tags,
  summary: 'The author changes the words of her own remark on the map; carries the version it changes (screened)',
  description: 'Only the one who wrote it (403 forbidden for anyone else, logged as only_the_author). A suggestion the client decided on cannot be changed (409 suggestion_decided).',
  request: { params: OwnRemarkParams, body: jsonBody(EditNetworkCommentBody) },
  responses: { 200: jsonResponse(NetworkCommentSchema.extend({ safety: SafetyScreenSchema }).openapi('ChangedNetworkComment'), 'Changed'), ...ownWordsProblems },
})

export const removeNetworkComment = clientRoute({
  operationId: 'removeNetworkComment',
  access: ownRemark('delete'),
  method: 'delete',
  path: '/clients/{clientId}/network/comments/{commentId}',
  tags,
  summary: 'The author removes her own remark or suggestion on the map; carries the version it removes',
  description: 'The words (and a suggested person) are erased at once; the place stays. An open suggestion is withdrawn.',
  request: { params: OwnRemarkParams, query: VersionQuery },
  responses: { 204: { description: 'Removed' }, ...ownWordsProblems },
})

export const decideNetworkSuggestion = clientRoute({
  operationId: 'decideNetworkSuggestion',
  access: { self: true, scope: 'network', resource: (p) => `network_suggestion:${p.commentId}`, action: 'update' },
  method: 'post',
  path: '/clients/{clientId}/network/suggestions/{commentId}/decision',
  tags,
  summary: 'The client accepts (the person is added or changed as proposed) or declines a suggestion',
  request: { params: ClientParams.extend({ commentId: z.string().uuid() }), body: jsonBody(NetworkDecisionBody) },
  responses: {
    200: jsonResponse(z.object({ suggestion: NetworkCommentSchema, person: PersonSchema.nullable() }).openapi('DecidedNetworkSuggestion'), 'Decided'),
    ...commonProblems,
    ...gone('suggestion'),
    409: problemResponse('suggestion_decided or version_conflict'),
  },
})
