import { createRouter } from '../../lib/router'
import { AppError } from '../../lib/app-error'
import { requireRole } from '../../lib/guards'
import * as agreement from '../../services/agreement'
import { caseload } from '../../services/caseload'
import * as comments from '../../services/comments'
import { serialiseStatement } from '../../services/inventory'
import { screenText } from '../../services/safety-screen'
import * as routes from './sharing.routes'

export const sharingRouter = createRouter()
  .openapi(routes.getCaseload, async (c) => {
    requireRole(c, 'worker', 'peer')
    const actor = c.get('actor')
    if (!actor) throw new AppError('unauthenticated', 'Sign in first.')
    return c.json(await caseload(c.get('deps'), actor), 200)
  })
  .openapi(routes.listComments, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const query = c.req.valid('query')
    return c.json(await comments.listComments(c.get('deps'), { clientId, statementId: query.statementId, openOnly: query.open === 'true', excludeDomains: access.excludeDomains }), 200)
  })
  .openapi(routes.addComment, async (c) => {
    const { clientId, statementId } = c.req.valid('param')
    // The gate found the domain the statement lives in now, so a left-out domain was refused there.
    const access = c.get('clientAccess')
    if (access.isSelf) throw new AppError('forbidden', 'Change your own words on the statement itself.')
    const body = c.req.valid('json')
    const comment = await comments.addComment(c.get('deps'), { clientId, authorId: access.actor.id, statementId, ...body })
    // A comment may quote the client: the worker who wrote it sees the help lines too.
    return c.json({ ...comment, safety: screenText(body.body, access.actor.locale) }, 201)
  })
  .openapi(routes.decideSuggestion, async (c) => {
    const { clientId, commentId } = c.req.valid('param')
    const result = await comments.decideSuggestion(c.get('deps'), { clientId, commentId, ...c.req.valid('json') })
    return c.json({ suggestion: result.suggestion, statement: result.statement ? serialiseStatement(result.statement) : null }, 200)
  })
  .openapi(routes.markReviewed, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    return c.json(await agreement.markReviewed(c.get('deps'), { clientId, reviewerId: access.actor.id, filter: access }), 201)
  })
  .openapi(routes.getAgreement, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    return c.json(await agreement.agreementStatus(c.get('deps'), { clientId, viewer: access }), 200)
  })
  .openapi(routes.signAgreement, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const role = access.isSelf ? 'client' : 'worker'
    const signed = await agreement.signInventory(c.get('deps'), { clientId, signerId: access.actor.id, signerRole: role, filter: access, expectedHash: c.req.valid('json').contentHash })
    return c.json(signed, 201)
  })
