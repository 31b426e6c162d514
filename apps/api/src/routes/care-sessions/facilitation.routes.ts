import { createRoute, z } from '@hono/zod-openapi'
import { commonProblems, jsonBody, jsonResponse, problemResponse, LineSchema, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import { CareSessionSchema } from './care-sessions.routes'

/** What the two facilitators of a session do with it (services/session-facilitation.ts). */
const tags = ['Sessions']
const SessionParams = z.object({ sessionId: z.string().uuid() })
const notFound = { 404: problemResponse('No such session, or not one you facilitate') }
const notYet = { 409: problemResponse('session_not_started (before the start), session_cancelled') }

const PersonSchema = z.object({ id: z.string().uuid(), displayName: z.string() })

// The session as its facilitator sees it: the list's fields, with the people and both texts in full.
export const FacilitatedSessionSchema = CareSessionSchema.omit({ attendeeCount: true, myNote: true })
  .extend({
    attendees: z.array(PersonSchema),
    myNote: z.object({ text: z.string(), updatedAt: z.string().datetime() }).nullable(),
    reflection: z.object({ text: z.string(), authorName: z.string().nullable(), updatedAt: z.string().datetime() }).nullable(),
  })
  .openapi('FacilitatedSession')

const TextBody = z.object({ text: TextSchema.trim().min(1, 'required').max(2000, 'too_long') })

export const getSession = createRoute({
  operationId: 'getSession',
  method: 'get',
  path: '/sessions/{sessionId}',
  tags,
  summary: 'A session I facilitate: who comes, my own note, the shared reflection',
  request: { params: SessionParams },
  responses: { 200: jsonResponse(FacilitatedSessionSchema, 'The session'), ...commonProblems, ...notFound },
})

export const changeSession = createRoute({
  operationId: 'changeSession',
  method: 'patch',
  path: '/sessions/{sessionId}',
  tags,
  summary: 'Change the title, date, place or agenda (either facilitator)',
  request: {
    params: SessionParams,
    body: jsonBody(
      z
        .object({
          version: z.number().int().min(1),
          title: LineSchema.trim().min(1, 'required').max(120, 'too_long').optional(),
          startsAt: z.string().datetime({ offset: true }).optional(),
          place: LineSchema.trim().max(120, 'too_long').optional(),
          agenda: TextSchema.trim().max(1000, 'too_long').optional(),
        })
        .strict()
        .openapi('ChangeSessionBody'),
    ),
  },
  responses: {
    200: jsonResponse(z.object({ id: z.string().uuid(), version: z.number().int() }), 'Changed'),
    ...commonProblems,
    ...notFound,
    409: problemResponse('version_conflict (changed by the other facilitator) or session_cancelled'),
  },
})

export const cancelSession = createRoute({
  operationId: 'cancelSession',
  method: 'post',
  path: '/sessions/{sessionId}/cancel',
  tags,
  summary: 'Cancel a session (either facilitator); the clients no longer see it',
  request: { params: SessionParams },
  responses: { 204: { description: 'Cancelled' }, ...commonProblems, ...notFound, 409: problemResponse('session_cancelled: already cancelled') },
})

export const writeMyNote = createRoute({
  operationId: 'writeMyNote',
  method: 'put',
  path: '/sessions/{sessionId}/my-note',
  tags,
  summary: "A facilitator's own note about the session (only its author reads it), once it started",
  request: { params: SessionParams, body: jsonBody(TextBody.openapi('FacilitatorNoteBody')) },
  responses: {
    200: jsonResponse(z.object({ text: z.string(), updatedAt: z.string().datetime(), safety: SafetyScreenSchema }), 'Saved'),
    ...commonProblems,
    ...notFound,
    ...notYet,
  },
})

export const writeReflection = createRoute({
  operationId: 'writeReflection',
  method: 'put',
  path: '/sessions/{sessionId}/reflection',
  tags,
  summary: 'The short reflection after the session, which both facilitators read (and either may rewrite)',
  request: { params: SessionParams, body: jsonBody(TextBody.openapi('ReflectionBody')) },
  responses: {
    200: jsonResponse(z.object({ text: z.string(), authorName: z.string().nullable(), updatedAt: z.string().datetime(), safety: SafetyScreenSchema }), 'Saved'),
    ...commonProblems,
    ...notFound,
    ...notYet,
  },
})
