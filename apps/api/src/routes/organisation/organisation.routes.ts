import { careSettings, domainSetIds } from '@kracht/method'
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '@kracht/db'
import { createRoute, z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse, RoleSchema, LineSchema } from '../../lib/schemas'

const tags = ['Organisation']

export const OrganisationSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    domainSet: z.enum(domainSetIds),
    careSetting: z.enum(careSettings).openapi({ description: "The kind of care: the assistant leaves some questions out in some settings (no questions about the ex-partner in a women's shelter unless the client picks that domain)" }),
    priorityLimit: z.number().int(),
    retentionDays: z.number().int().openapi({ description: "Days an ended client's data stays before it is erased" }),
  })
  .openapi('Organisation')

export const TeamSchema = z
  .object({ id: z.string().uuid(), name: z.string(), memberCount: z.number().int() })
  .openapi('Team')

export const PersonSchema = z
  .object({
    id: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    teamId: z.string().uuid().nullable(),
    active: z.boolean().openapi({ description: 'False once a coordinator turned the account off' }),
  })
  .openapi('Person')

export const LinkedClientSchema = z
  .object({ id: z.string().uuid(), username: z.string(), displayName: z.string(), linkedAt: z.string().datetime() })
  .openapi('LinkedClient')

export const getOrganisation = createRoute({
  operationId: 'getOrganisation',
  method: 'get',
  path: '/organisation',
  tags,
  summary: 'My organisation',
  responses: { 200: jsonResponse(OrganisationSchema, 'The organisation'), 401: commonProblems[401] },
})

export const updateOrganisation = createRoute({
  operationId: 'updateOrganisation',
  method: 'put',
  path: '/organisation',
  tags,
  summary: 'Change the domain set, the number of priorities and the kind of care (coordinator)',
  request: {
    body: jsonBody(
      z
        .object({
          domainSet: z.enum(domainSetIds, { message: 'invalid' }),
          priorityLimit: z.number().int().min(1, 'invalid').max(4, 'invalid'),
          careSetting: z.enum(careSettings, { message: 'invalid' }).optional().openapi({ description: 'Unchanged when left out' }),
        })
        .openapi('UpdateOrganisationBody'),
    ),
  },
  responses: {
    200: jsonResponse(OrganisationSchema, 'Saved'),
    ...commonProblems,
    409: problemResponse('domain_set_in_use: clients already wrote in the current domains'),
  },
})

export const setRetention = createRoute({
  operationId: 'setRetention',
  method: 'put',
  path: '/organisation/retention',
  tags,
  summary: "How long an ended client's data stays before the daily job erases it, in days (coordinator)",
  request: {
    body: jsonBody(
      z
        .object({ retentionDays: z.number().int('invalid').min(RETENTION_DAYS_MIN, 'too_short').max(RETENTION_DAYS_MAX, 'too_long') })
        .openapi('SetRetentionBody', { example: { retentionDays: 365 } }),
    ),
  },
  responses: { 200: jsonResponse(OrganisationSchema, 'Saved'), ...commonProblems },
})

export const listTeams = createRoute({
  operationId: 'listTeams',
  method: 'get',
  path: '/teams',
  tags,
  summary: "The organisation's teams",
  responses: { 200: jsonResponse(z.array(TeamSchema), 'Teams by name'), 401: commonProblems[401] },
})

export const createTeam = createRoute({
  operationId: 'createTeam',
  method: 'post',
  path: '/teams',
  tags,
  summary: 'Add a team (coordinator)',
  request: { body: jsonBody(z.object({ name: LineSchema.trim().min(1, 'required').max(80, 'too_long') }).openapi('CreateTeamBody')) },
  responses: { 201: jsonResponse(TeamSchema, 'The new team'), ...commonProblems },
})

export const listPeople = createRoute({
  operationId: 'listPeople',
  method: 'get',
  path: '/people',
  tags,
  summary: 'People of the organisation by role (coordinators see everyone by name; workers see staff)',
  request: {
    query: z.object({
      role: z
        .union([RoleSchema, z.array(RoleSchema)])
        .optional()
        .transform((value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value])),
    }),
  },
  responses: { 200: jsonResponse(z.array(PersonSchema), 'People by name'), ...commonProblems },
})

export const setTeam = createRoute({
  operationId: 'setTeam',
  method: 'put',
  path: '/people/{userId}/team',
  tags,
  summary: 'Put a staff member in a team (coordinator)',
  request: {
    params: z.object({ userId: z.string().uuid() }),
    body: jsonBody(z.object({ teamId: z.string().uuid().nullable() }).openapi('SetTeamBody')),
  },
  responses: { 204: { description: 'Saved' }, ...commonProblems, 404: problemResponse('No such person or team') },
})

export const deactivatePerson = createRoute({
  operationId: 'deactivatePerson',
  method: 'post',
  path: '/people/{userId}/deactivate',
  tags,
  summary: "Turn a staff account off (coordinator): it cannot sign in, its sessions and API tokens end at once, the clients' data stays",
  request: { params: z.object({ userId: z.string().uuid() }) },
  responses: { 204: { description: 'Turned off' }, ...commonProblems, 404: problemResponse('No such staff member in your organisation') },
})

export const myClients = createRoute({
  operationId: 'myClients',
  method: 'get',
  path: '/my-clients',
  tags,
  summary: 'Clients linked to me (worker); names only, content comes by consent',
  responses: { 200: jsonResponse(z.array(LinkedClientSchema), 'By name'), ...commonProblems },
})

const ClientWorkerParams = z.object({ clientId: z.string().uuid(), workerId: z.string().uuid() })

export const listClientWorkers = clientRoute({
  operationId: 'listClientWorkers',
  access: { organisation: true, roles: ['admin'], self: true },
  method: 'get',
  path: '/clients/{clientId}/workers',
  tags,
  summary: "A client's linked workers (the client themself, or a coordinator)",
  request: { params: z.object({ clientId: z.string().uuid() }) },
  responses: {
    200: jsonResponse(z.array(z.object({ id: z.string().uuid(), displayName: z.string(), role: RoleSchema })), 'Linked workers'),
    ...commonProblems,
  },
})

export const linkWorker = clientRoute({
  operationId: 'linkWorker',
  access: { organisation: true, roles: ['admin'] },
  method: 'put',
  path: '/clients/{clientId}/workers/{workerId}',
  tags,
  summary: 'Link a worker to a client (coordinator). The link alone shares nothing.',
  request: { params: ClientWorkerParams },
  responses: { 204: { description: 'Linked' }, ...commonProblems, 404: problemResponse('No such client or worker') },
})

export const unlinkWorker = clientRoute({
  operationId: 'unlinkWorker',
  access: { organisation: true, roles: ['admin'] },
  method: 'delete',
  path: '/clients/{clientId}/workers/{workerId}',
  tags,
  summary: 'Unlink a worker from a client (coordinator)',
  request: { params: ClientWorkerParams },
  responses: { 204: { description: 'Unlinked' }, ...commonProblems, 404: problemResponse('No such client') },
})
