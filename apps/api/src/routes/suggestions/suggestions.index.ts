import { createRouter } from '../../lib/router'
import * as comments from '../../services/comments'
import { serialiseStatement } from '../../services/inventory'
import * as routes from './suggestions.routes'

export const suggestionsRouter = createRouter().openapi(routes.decideSuggestion, async (c) => {
  const { clientId, commentId } = c.req.valid('param')
  const result = await comments.decideSuggestion(c.get('deps'), { clientId, commentId, ...c.req.valid('json') })
  return c.json({ suggestion: result.suggestion, statement: result.statement ? serialiseStatement(result.statement) : null }, 200)
})
