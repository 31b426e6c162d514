import { z } from '@hono/zod-openapi'
import { teamMeetingSteps, type TeamMeetingStep } from '@kracht/trajectory'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'
import { CommentSchema } from '../comments/comments.routes'
import { StatementSchema } from '../inventory/inventory.routes'
import { ClientParams } from './trajectory.routes'

const tags = ['Team meeting']

const MeetingParams = ClientParams.extend({ meetingId: z.string().uuid() })
const meetingResource = (p: Record<string, string>) => `team_meeting:${p.meetingId ?? ''}`
const Note = TextSchema.trim().max(2000, 'too_long')

export const TeamMeetingSchema = z
  .object({
    id: z.string().uuid(),
    meetingAt: z.string().datetime(),
    createdAt: z.string().datetime(),
    version: z.number().int().openapi({ description: 'Send it back when you change the notes or the question' }),
    clientQuestion: z.string().nullable().openapi({ description: "The client's question to the team, in their own words" }),
    notes: z.array(z.object({ step: z.enum(teamMeetingSteps), text: z.string() })).openapi({ description: "The worker's notes per step, in the method's order" }),
    shareEndsAt: z.string().datetime().nullable().openapi({ description: 'When the team share this meeting was prepared from ends' }),
    shared: z
      .object({ statements: z.array(StatementSchema), priorities: z.array(z.object({ domain: z.string(), wish: z.string().nullable() })) })
      .nullable()
      .openapi({ description: 'What the client shared for the meeting; null for the worker once the share has ended' }),
    ideas: z.array(CommentSchema).openapi({ description: "The team's ideas: suggestions the client accepts or declines (POST …/suggestions/{commentId}/decision)" }),
  })
  .openapi('TeamMeeting')

const TeamMeetingListSchema = z
  .object({
    canPrepare: z.boolean().openapi({ description: 'A team share covers you now: a meeting can be prepared (always false for the client)' }),
    shareEndsAt: z.string().datetime().nullable(),
    meetings: z.array(z.object({ id: z.string().uuid(), meetingAt: z.string().datetime(), createdAt: z.string().datetime(), hasQuestion: z.boolean() })),
  })
  .openapi('TeamMeetingList')

export const listTeamMeetings = clientRoute({
  operationId: 'listTeamMeetings',
  access: { linked: true, scope: 'team_meeting', action: 'read' },
  method: 'get',
  path: '/clients/{clientId}/team-meetings',
  tags,
  summary: "The client's team strengths meetings, newest first, and whether one can be prepared now",
  request: { params: ClientParams },
  responses: { 200: jsonResponse(TeamMeetingListSchema, 'Newest first'), ...commonProblems },
})

export const prepareTeamMeeting = clientRoute({
  operationId: 'prepareTeamMeeting',
  access: { linked: true, scope: 'team_meeting', action: 'create', only: 'worker' },
  method: 'post',
  path: '/clients/{clientId}/team-meetings',
  tags,
  summary: "Linked worker: prepare a meeting's sheet from what the client shared with the team for it",
  request: {
    params: ClientParams,
    body: jsonBody(z.object({ meetingAt: z.string().datetime({ offset: true, message: 'invalid' }) }).strict().openapi('PrepareTeamMeeting')),
  },
  responses: {
    201: jsonResponse(TeamMeetingSchema, 'Prepared'),
    ...commonProblems,
    409: problemResponse('no_team_share: the client shares nothing with the team for a meeting now; nothing changed'),
  },
})

export const getTeamMeeting = clientRoute({
  operationId: 'getTeamMeeting',
  access: { linked: true, scope: 'team_meeting', action: 'read', resource: meetingResource },
  method: 'get',
  path: '/clients/{clientId}/team-meetings/{meetingId}',
  tags,
  summary: "The sheet: the eight steps with the worker's notes, the client's question, what was shared and the team's ideas",
  request: { params: MeetingParams },
  responses: { 200: jsonResponse(TeamMeetingSchema, 'The sheet'), ...commonProblems, 404: problemResponse('No such meeting') },
})

// One optional note per step, spelled out so the contract names each step (and none other).
const notesShape = {
  successes: Note.optional(),
  introduce: Note.optional(),
  goals_and_question: Note.optional(),
  situation_and_tried: Note.optional(),
  clarifying_questions: Note.optional(),
  brainstorm: Note.optional(),
  worker_questions: Note.optional(),
  what_worker_does: Note.optional(),
} satisfies Record<TeamMeetingStep, unknown>

export const saveNotes = clientRoute({
  operationId: 'saveTeamMeetingNotes',
  access: { linked: true, scope: 'team_meeting', action: 'update', resource: meetingResource, only: 'worker' },
  method: 'put',
  path: '/clients/{clientId}/team-meetings/{meetingId}/notes',
  tags,
  summary: "Linked worker: notes per step (steps left out keep theirs); screened, nothing blocked",
  request: {
    params: MeetingParams,
    body: jsonBody(z.object({ version: z.number().int().min(1), notes: z.object(notesShape).strict() }).strict().openapi('TeamMeetingNotes')),
  },
  responses: {
    200: jsonResponse(z.object({ meeting: TeamMeetingSchema, safety: SafetyScreenSchema }), 'Saved'),
    ...commonProblems,
    404: problemResponse('No such meeting'),
    409: problemResponse('version_conflict: the sheet changed elsewhere; nothing was overwritten'),
  },
})

export const saveQuestion = clientRoute({
  operationId: 'saveTeamMeetingQuestion',
  access: { linked: true, scope: 'team_meeting', action: 'update', resource: meetingResource, only: 'client' },
  method: 'put',
  path: '/clients/{clientId}/team-meetings/{meetingId}/question',
  tags,
  summary: 'The client: their question to the team, in their own words (empty: none); screened, nothing blocked',
  request: {
    params: MeetingParams,
    body: jsonBody(z.object({ version: z.number().int().min(1), question: TextSchema.trim().max(1000, 'too_long') }).strict().openapi('TeamMeetingQuestion')),
  },
  responses: {
    200: jsonResponse(z.object({ meeting: TeamMeetingSchema, safety: SafetyScreenSchema }), 'Saved'),
    ...commonProblems,
    404: problemResponse('No such meeting'),
    409: problemResponse('version_conflict: the sheet changed elsewhere; nothing was overwritten'),
  },
})

export const addIdea = clientRoute({
  operationId: 'addTeamIdea',
  access: { linked: true, scope: 'team_meeting', action: 'create', resource: meetingResource, only: 'worker' },
  method: 'post',
  path: '/clients/{clientId}/team-meetings/{meetingId}/ideas',
  tags,
  summary: "Linked worker: record one idea of the team, as a suggestion the client accepts or declines; screened",
  request: {
    params: MeetingParams,
    body: jsonBody(z.object({ text: TextSchema.trim().min(1, 'required').max(1000, 'too_long') }).strict().openapi('TeamIdea')),
  },
  responses: {
    201: jsonResponse(z.object({ idea: CommentSchema, safety: SafetyScreenSchema }), 'Recorded'),
    ...commonProblems,
    404: problemResponse('No such meeting'),
  },
})
