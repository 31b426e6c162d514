import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse } from '../../lib/schemas'

const tags = ['Your data']

const ClientParams = z.object({ clientId: z.string().uuid() })

/** The file is long and nested; its parts are described here, each holds rows as stored. */
export const ClientExportSchema = z
  .record(z.string(), z.unknown())
  .openapi('ClientExport', {
    description:
      'Everything Kracht keeps about the client: about (what each part is, in the client\'s language), profile, workers, inventory (statements with every revision, priorities, remarks, history), comments (with replies), reviews, signatures, actionPlan, network (people with their history, resources, comments), safetyPlan, assistant (conversations with their cards, AI help, safety events, the AI record), consents (active and ended), messages, sessions (with the client\'s notes), trajectory (phases, capacity assessments, evaluations, team meetings), notificationsAboutYou, accessLog, account (sign-ins, tokens, access resets), people (names behind the staff ids), tables (which stored table each part comes from).',
  })

export const exportClientData = clientRoute({
  operationId: 'exportClientData',
  access: { self: true, scope: 'account', resource: 'export', action: 'export' },
  method: 'get',
  path: '/clients/{clientId}/export',
  tags,
  summary: 'All the client\'s data as readable JSON, for the client only (GDPR art. 15 and 20); the download is logged',
  request: { params: ClientParams },
  responses: { 200: jsonResponse(ClientExportSchema, 'The whole file (sent as a download)'), ...commonProblems },
})

export const EraseAccountBody = z
  .object({ password: z.string().min(1, 'required').max(1024) })
  .openapi('EraseAccountBody', { example: { password: '…' } })

export const eraseClientAccount = clientRoute({
  operationId: 'eraseClientAccount',
  access: { self: true, scope: 'account', resource: 'account', action: 'delete' },
  method: 'delete',
  path: '/clients/{clientId}',
  tags,
  summary:
    "Delete the client's account (GDPR art. 17), the client only, with their passphrase: all content erased at once, sessions and shares ended; the access log is kept",
  request: { params: ClientParams, body: jsonBody(EraseAccountBody) },
  responses: {
    204: { description: 'Erased; the session cookie is cleared' },
    ...commonProblems,
    403: problemResponse('Not allowed, or account_password_wrong: the passphrase is not right (nothing changed)'),
    429: problemResponse('too_many_attempts: too many wrong passphrases'),
  },
})

export const endClientAccount = clientRoute({
  operationId: 'endClientAccount',
  access: { organisation: true, roles: ['admin'] },
  method: 'post',
  path: '/clients/{clientId}/end',
  tags: ['Organisation'],
  summary:
    "End a client's account when their care ended (coordinator): they can no longer sign in; their data is erased when the organisation's retention period has passed",
  request: { params: ClientParams },
  responses: {
    200: jsonResponse(z.object({ endedAt: z.string().datetime() }).openapi('EndedAccount'), 'Ended (or ended before: the first moment stays)'),
    ...commonProblems,
    404: problemResponse('No such client in your organisation'),
  },
})
