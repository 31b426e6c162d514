import { createRoute, z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import {
  commonProblems,
  DisplayNameSchema,
  jsonBody,
  jsonResponse,
  LineSchema,
  problemResponse,
  RoleSchema,
  UserSchema,
  UsernameSchema,
} from '../../lib/schemas'

const tags = ['Invitations']

export const IssuedInvitationSchema = z
  .object({
    id: z.string().uuid(),
    role: RoleSchema,
    displayName: z.string(),
    expiresAt: z.string().datetime(),
    code: z.string().openapi({ example: 'K7M-4PQ-2XA', description: 'Shown once; only a hash is stored' }),
    link: z.string().url(),
    qrSvg: z.string().openapi({ description: 'The link as a QR code, inline SVG' }),
    needsApproval: z.boolean().openapi({ description: 'An access reset under the two-person rule: works once a second staff member approved it' }),
  })
  .openapi('IssuedInvitation')

export const InvitationSummarySchema = z
  .object({
    id: z.string().uuid(),
    role: RoleSchema,
    displayName: z.string(),
    createdAt: z.string().datetime(),
    expiresAt: z.string().datetime(),
    status: z.enum(['open', 'accepted', 'expired', 'withdrawn']),
    isAccessReset: z.boolean(),
    awaitingApproval: z.boolean(),
    invitedByMe: z.boolean(),
  })
  .openapi('InvitationSummary')

export const CreateInvitationBody = z
  .object({
    role: RoleSchema,
    displayName: DisplayNameSchema.openapi({ description: 'How the person is called in the portal' }),
    teamId: z.string().uuid().nullish(),
    workerId: z.string().uuid().nullish().openapi({ description: 'A coordinator inviting a client: the worker the client is linked to on accepting' }),
  })
  .openapi('CreateInvitationBody')

export const createInvitation = createRoute({
  operationId: 'createInvitation',
  method: 'post',
  path: '/invitations',
  tags,
  summary: 'Invite someone: a worker invites a client, a coordinator invites clients (linked to a worker they name) and staff',
  request: { body: jsonBody(CreateInvitationBody) },
  responses: {
    201: jsonResponse(IssuedInvitationSchema, 'The invitation, with its one-time link, code and QR code'),
    ...commonProblems,
    404: problemResponse('No such team in your organisation'),
  },
})

export const listInvitations = createRoute({
  operationId: 'listInvitations',
  method: 'get',
  path: '/invitations',
  tags,
  summary: 'Invitations I made (a coordinator sees the whole organisation)',
  responses: { 200: jsonResponse(z.array(InvitationSummarySchema), 'Newest first'), 401: commonProblems[401] },
})

export const withdrawInvitation = createRoute({
  operationId: 'withdrawInvitation',
  method: 'delete',
  path: '/invitations/{invitationId}',
  tags,
  summary: 'Withdraw an open invitation',
  request: { params: z.object({ invitationId: z.string().uuid() }) },
  responses: {
    204: { description: 'Withdrawn' },
    ...commonProblems,
    404: problemResponse('No such invitation'),
    410: problemResponse('The invitation is no longer open'),
  },
})

const SecretSchema = z.union([
  z.object({ token: LineSchema.min(10).max(100) }),
  z.object({ code: LineSchema.trim().min(1, 'required').max(30, 'too_long') }),
])

export const LookupInvitationBody = SecretSchema.openapi('InvitationSecret')

export const InvitationPreviewSchema = z
  .object({
    role: RoleSchema,
    displayName: z.string(),
    organisationName: z.string(),
    expiresAt: z.string().datetime(),
    existingUsername: z.string().nullable(),
  })
  .openapi('InvitationPreview')

export const lookupInvitation = createRoute({
  operationId: 'lookupInvitation',
  method: 'post',
  path: '/invitations/lookup',
  tags,
  summary: 'Check an invitation link or code before accepting it',
  request: { body: jsonBody(LookupInvitationBody) },
  responses: {
    200: jsonResponse(InvitationPreviewSchema, 'The invitation is open'),
    400: commonProblems[400],
    409: problemResponse('reset_awaiting_approval: an access reset that a second staff member has not approved yet'),
    410: problemResponse('Unknown, used, withdrawn or expired'),
    429: problemResponse('Too many unknown codes from this address, or from everyone together'),
  },
})

export const AcceptInvitationBody = z
  .intersection(
    SecretSchema,
    z.object({
      username: UsernameSchema.optional(),
      password: z.string().min(1, 'required').max(1000, 'too_long'),
    }),
  )
  .openapi('AcceptInvitationBody')

export const acceptInvitation = createRoute({
  operationId: 'acceptInvitation',
  method: 'post',
  path: '/invitations/accept',
  tags,
  summary: 'Accept an invitation: choose a username and a passphrase, and be signed in',
  request: { body: jsonBody(AcceptInvitationBody) },
  responses: {
    201: jsonResponse(UserSchema, 'Account ready and signed in'),
    400: commonProblems[400],
    409: problemResponse('Username taken, or reset_awaiting_approval'),
    410: problemResponse('Unknown, used, withdrawn or expired'),
    429: problemResponse('Too many unknown codes from this address, or from everyone together'),
  },
})

export const resetAccess = clientRoute({
  operationId: 'resetAccess',
  access: { organisation: true, roles: ['worker', 'admin'] },
  method: 'post',
  path: '/clients/{clientId}/access-reset',
  tags,
  summary: "Give a client a new invitation code to choose a new passphrase (nobody sees or sets the passphrase)",
  request: { params: z.object({ clientId: z.string().uuid() }) },
  responses: {
    201: jsonResponse(IssuedInvitationSchema, 'A new code for the same account, working for at most 30 minutes'),
    ...commonProblems,
    404: problemResponse('No such client'),
  },
})

export const approveReset = createRoute({
  operationId: 'approveReset',
  method: 'post',
  path: '/invitations/{invitationId}/approve',
  tags,
  summary: "Approve a colleague's access reset (the organisation's two-person rule); never your own",
  request: { params: z.object({ invitationId: z.string().uuid() }) },
  responses: {
    204: { description: 'Approved: the code works now' },
    ...commonProblems,
    404: problemResponse('No such access reset'),
    409: problemResponse('reset_not_awaiting_approval'),
    410: problemResponse('The reset is no longer open'),
  },
})

export const ResetNoticeSchema = z
  .object({
    id: z.string().uuid(),
    byName: z.string().openapi({ description: 'The staff member who asked for the new code' }),
    createdAt: z.string().datetime(),
    usedAt: z.string().datetime().nullable(),
  })
  .openapi('AccessResetNotice')

export const listResetNotices = createRoute({
  operationId: 'listResetNotices',
  method: 'get',
  path: '/me/access-resets',
  tags,
  summary: 'New codes given for my account that I have not answered "was that you?" for',
  responses: { 200: jsonResponse(z.array(ResetNoticeSchema), 'Newest first'), 401: commonProblems[401] },
})

export const markResetNoticeSeen = createRoute({
  operationId: 'markResetNoticeSeen',
  method: 'post',
  path: '/me/access-resets/{invitationId}/seen',
  tags,
  summary: 'I have seen the notice about this reset',
  request: { params: z.object({ invitationId: z.string().uuid() }) },
  responses: { 204: { description: 'Noted' }, 401: commonProblems[401], 404: problemResponse('No such notice') },
})
