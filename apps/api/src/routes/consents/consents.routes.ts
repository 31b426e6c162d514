import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse, LineSchema } from '../../lib/schemas'
import { consentScopes } from '@kracht/db'
import { roles } from '@kracht/method'

const tags = ['Sharing']

export const ClientParams = z.object({ clientId: z.string().uuid() })
export const ConsentParams = ClientParams.extend({ consentId: z.string().uuid() })

// Scopes and domains are checked in the service (against the organisation's domain set), so the
// answer carries the specific codes unknown_scope and unknown_life_domain.
export const ConsentBody = z
  .object({
    granteeId: z.string().uuid('unknown_grantee').nullish(),
    teamId: z.string().uuid().nullish().openapi({ description: 'Instead of granteeId: share with the worker\'s team for one team strengths meeting (needs endsAt)' }),
    scopes: z.array(LineSchema.max(40)).min(1, 'unknown_scope').max(consentScopes.length),
    excludeDomains: z.array(LineSchema.max(40)).max(10).default([]),
    access: z.enum(['read', 'comment']).default('read'),
    endsAt: z.string().datetime({ offset: true }).nullable().default(null),
    replaces: z
      .string()
      .uuid()
      .nullish()
      .openapi({
        description:
          'The share with this person that the client saw and means to replace (its id), or null for "I saw none". When the person\'s share in force is another one, nothing changes: 409 share_changed. Left out: any share in force is replaced',
      }),
  })
  .openapi('ConsentBody', {
    example: { granteeId: '00000000-0000-4000-8000-000000000000', scopes: ['inventory'], excludeDomains: ['partner'], access: 'read', endsAt: null },
  })

const PersonSchema = z.object({ id: z.string().uuid(), displayName: z.string() }).openapi('ConsentPerson')

export const ConsentSchema = z
  .object({
    id: z.string().uuid(),
    clientId: z.string().uuid(),
    granteeId: z.string().uuid().nullable(),
    granteeName: z.string().nullable(),
    teamId: z.string().uuid().nullable(),
    teamName: z.string().nullable(),
    scopes: z.array(z.string()),
    excludeDomains: z.array(z.string()),
    access: z.enum(['read', 'comment']),
    endsAt: z.string().datetime().nullable(),
    createdAt: z.string().datetime(),
    revokedAt: z.string().datetime().nullable(),
    active: z.boolean(),
    members: z.array(PersonSchema).openapi({ description: 'A team share: the people it covers, named when the client granted it' }),
    notCovered: z
      .array(PersonSchema)
      .openapi({ description: 'A team share: people in the team now who were not named (joined later); they see nothing' }),
  })
  .openapi('Consent')

export const GrantedConsentSchema = ConsentSchema.extend({
  replacedIds: z.array(z.string().uuid()).openapi({
    description:
      'The shares this one replaced: the same person\'s active shares, ended (revokedAt) at the moment this one starts. Empty for a first share and for a team share',
  }),
}).openapi('GrantedConsent')

export const AccessLogEntrySchema = z
  .object({
    id: z.string().uuid(),
    at: z.string().datetime(),
    actorId: z.string().uuid().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    onBehalfOf: z.string().uuid().nullable(),
    action: z.enum(['read', 'create', 'update', 'delete', 'export', 'share']),
    scope: z.string(),
    resource: z.string(),
    outcome: z.enum(['allowed', 'denied']),
    basis: z.string(),
    via: z.enum(['session', 'token']).nullable(),
  })
  .openapi('AccessLogEntry')

export const listConsents = clientRoute({
  operationId: 'listConsents',
  access: { self: true, scope: 'consents', resource: 'consents', action: 'read' },
  method: 'get',
  path: '/clients/{clientId}/consents',
  tags,
  summary: 'Who may see what (the client only); add all=true for stopped and ended consents too',
  request: { params: ClientParams, query: z.object({ all: z.enum(['true', 'false']).optional() }) },
  responses: { 200: jsonResponse(z.array(ConsentSchema), 'Consents, newest first'), ...commonProblems },
})

export const grantConsent = clientRoute({
  operationId: 'grantConsent',
  access: { self: true, scope: 'consents', resource: 'consents', action: 'share' },
  method: 'post',
  path: '/clients/{clientId}/consents',
  tags,
  summary: 'Share scopes with a linked worker, a peer expert of the organisation, or a team for one meeting',
  description: [
    'One share per person. When the grantee (granteeId) already has an active share, this replaces it:',
    'in one transaction the old consent is ended (revokedAt set to now, its terms unchanged) and a new',
    'consent with the new scopes, left-out domains, access level and end date starts at the same moment.',
    'The answer is the new consent, with replacedIds naming the consents it ended. Consents are never',
    'edited in place, so access log rows keep pointing (basis consent:<id>) at the terms that allowed them.',
    'Ended or stopped shares are not touched. A team share (teamId) is for one team strengths meeting and',
    'replaces nothing: a share for another meeting stands beside it.',
    'Send replaces (the id of the share the client saw, or null for none) so that a share the client did',
    'not see is never replaced: when the share in force is another one, nothing changes (409 share_changed).',
  ].join(' '),
  request: { params: ClientParams, body: jsonBody(ConsentBody) },
  responses: {
    201: jsonResponse(GrantedConsentSchema, 'Shared (a new consent; replacedIds names any share with the same person it ended)'),
    ...commonProblems,
    404: problemResponse('No such client'),
    409: problemResponse('share_changed: the share in force with this person is not the one named in replaces'),
  },
})

export const revokeConsent = clientRoute({
  operationId: 'revokeConsent',
  access: { self: true, scope: 'consents', resource: (p) => `consent:${p.consentId}`, action: 'share' },
  method: 'delete',
  path: '/clients/{clientId}/consents/{consentId}',
  tags,
  summary: 'Stop sharing; takes effect on the very next request',
  request: { params: ConsentParams },
  responses: {
    200: jsonResponse(ConsentSchema, 'Stopped'),
    ...commonProblems,
    404: problemResponse('No such consent'),
    409: problemResponse('consent_already_revoked'),
  },
})

export const readAccessLog = clientRoute({
  operationId: 'readAccessLog',
  access: { self: true, scope: 'access_log', resource: 'access_log', action: 'read' },
  method: 'get',
  path: '/clients/{clientId}/access-log',
  tags,
  summary: 'Who looked at the client\'s data, newest first (the client only; reading it is logged too)',
  request: {
    params: ClientParams,
    query: z.object({
      from: z.string().datetime({ offset: true }).optional(),
      to: z.string().datetime({ offset: true }).optional(),
      includeOwn: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(200),
    }),
  },
  responses: { 200: jsonResponse(z.array(AccessLogEntrySchema), 'Log entries, newest first'), ...commonProblems },
})

export const listGrantees = clientRoute({
  operationId: 'listGrantees',
  access: { self: true, scope: 'consents', resource: 'grantees', action: 'read' },
  method: 'get',
  path: '/clients/{clientId}/grantees',
  tags,
  summary: 'Whom the client can share with: linked workers and peer experts of the organisation, with their team (the client only)',
  request: { params: ClientParams },
  responses: {
    200: jsonResponse(z.array(z.object({ id: z.string().uuid(), displayName: z.string(), role: z.enum(roles), teamId: z.string().uuid().nullable(), teamName: z.string().nullable() })), 'People (a linked worker\'s team can be shared with for one team strengths meeting)'),
    ...commonProblems,
  },
})

export const listGranteeTeams = clientRoute({
  operationId: 'listGranteeTeams',
  access: { self: true, scope: 'consents', resource: 'grantees', action: 'read' },
  method: 'get',
  path: '/clients/{clientId}/grantee-teams',
  tags,
  summary: 'The teams of the client\'s workers, with the people a team share would cover now (the client only)',
  request: { params: ClientParams },
  responses: {
    200: jsonResponse(z.array(z.object({ id: z.string().uuid(), name: z.string(), members: z.array(PersonSchema) }).openapi('GranteeTeam')), 'Teams'),
    ...commonProblems,
  },
})
