// The client decides on a suggested rewording: accept (the words become theirs), edit or decline.
import { z } from '@hono/zod-openapi'
import { clientRoute } from '../../access/client-route'
import { commonProblems, jsonBody, jsonResponse, problemResponse } from '../../lib/schemas'
import { CommentSchema } from '../comments/comments.routes'
import { StatementSchema, StatementText } from '../inventory/inventory.routes'

const tags = ['Sharing']

const ClientParams = z.object({ clientId: z.string().uuid() })

export const decideSuggestion = clientRoute({
  operationId: 'decideSuggestion',
  access: { self: true, scope: 'inventory', resource: (p) => `suggestion:${p.commentId}`, action: 'update' },
  method: 'post',
  path: '/clients/{clientId}/suggestions/{commentId}/decision',
  tags,
  summary: 'The client accepts (words become theirs), edits, or declines a suggestion',
  request: {
    params: ClientParams.extend({ commentId: z.string().uuid() }),
    body: jsonBody(
      z
        .object({
          decision: z.enum(['accept', 'edit', 'decline']),
          text: StatementText.optional(),
          version: z.number().int().min(1),
          suggestionVersion: z
            .number()
            .int()
            .min(1)
            .optional()
            .openapi({ description: "The suggestion's version the client saw: its author may have changed the words since (409 version_conflict, nothing decided)" }),
        })
        .openapi('SuggestionDecision'),
    ),
  },
  responses: {
    200: jsonResponse(z.object({ suggestion: CommentSchema, statement: StatementSchema.nullable() }), 'Decided'),
    ...commonProblems,
    404: problemResponse('No such suggestion'),
    409: problemResponse('suggestion_decided or version_conflict'),
  },
})
