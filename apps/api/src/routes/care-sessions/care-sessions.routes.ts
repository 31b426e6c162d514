import { createRoute, z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse, LineSchema, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'

const tags = ['Sessions']

export const CareSessionSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(['one_to_one', 'group']),
    title: z.string(),
    agenda: z.string(),
    place: z.string(),
    version: z.number().int(),
    startsAt: z.string().datetime(),
    workerId: z.string().uuid(),
    workerName: z.string().nullable(),
    peerId: z.string().uuid().nullable(),
    peerName: z.string().nullable(),
    attendeeCount: z.number().int(),
    cancelledAt: z.string().datetime().nullable(),
    happened: z.boolean().openapi({ description: 'The session has started: notes can be written' }),
    myNote: z.string().nullable(),
  })
  .openapi('CareSession')

const NoteSchema = z.object({ sessionId: z.string().uuid(), title: z.string().optional(), startsAt: z.string().optional(), text: z.string(), updatedAt: z.string().datetime() }).openapi('SessionNote')

export const listMySessions = createRoute({
  operationId: 'listMySessions',
  method: 'get',
  path: '/me/sessions',
  tags,
  summary: 'Sessions I attend (client) or facilitate (worker, peer expert), in date order',
  responses: { 200: jsonResponse(z.array(CareSessionSchema), 'Sessions'), ...commonProblems },
})

export const planSession = createRoute({
  operationId: 'planSession',
  method: 'post',
  path: '/sessions',
  tags,
  summary: 'Worker or peer expert: plan a 1:1 or group session, the other one co-facilitating',
  description: 'A worker names the peer expert (`peerId`, optional) and picks from their linked clients; a peer expert names the worker (`workerId`) and picks clients who share something with them.',
  request: {
    body: jsonBody(
      z
        .object({
          kind: z.enum(['one_to_one', 'group']),
          title: LineSchema.trim().min(1, 'required').max(120, 'too_long'),
          agenda: TextSchema.trim().max(1000, 'too_long').default(''),
          place: LineSchema.trim().max(120, 'too_long').default(''),
          startsAt: z.string().datetime({ offset: true }),
          peerId: z.string().uuid().nullish(),
          workerId: z.string().uuid().nullish(),
          clientIds: z.array(z.string().uuid()).min(1).max(30),
        })
        .openapi('PlanSessionBody'),
    ),
  },
  responses: { 201: jsonResponse(z.object({ id: z.string().uuid() }), 'Planned'), ...commonProblems },
})

export const writeNote = clientRoute({
  operationId: 'writeNote',
  access: { scope: 'sessions', action: 'write', resource: (p) => `session:${p.sessionId}` },
  method: 'put',
  path: '/clients/{clientId}/sessions/{sessionId}/note',
  tags,
  summary: 'The client writes their own note about a session they attended',
  request: {
    params: z.object({ clientId: z.string().uuid(), sessionId: z.string().uuid() }),
    body: jsonBody(z.object({ text: TextSchema.trim().min(1, 'required').max(4000, 'too_long') }).openapi('SessionNoteBody')),
  },
  responses: {
    200: jsonResponse(NoteSchema.extend({ safety: SafetyScreenSchema }), 'Saved'),
    ...commonProblems,
    404: problemResponse('No such session'),
    409: problemResponse('session_not_started (before the start) or session_cancelled'),
  },
})

export const listNotes = clientRoute({
  operationId: 'listNotes',
  access: { scope: 'sessions', action: 'read', resource: 'session_notes' },
  method: 'get',
  path: '/clients/{clientId}/sessions/notes',
  tags,
  summary: "The client's session notes (the client, or on consent with scope sessions)",
  request: { params: z.object({ clientId: z.string().uuid() }) },
  responses: { 200: jsonResponse(z.array(NoteSchema), 'Notes'), ...commonProblems },
})
