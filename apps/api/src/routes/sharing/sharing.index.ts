import { createRouter } from '../../lib/router'
import { AppError } from '../../lib/app-error'
import type { Context } from 'hono'
import { eq } from 'drizzle-orm'
import { users } from '@kracht/db'
import { requireClientAccess, requireClientSelf, writeAccessLog } from '../../lib/client-access'
import type { AppEnv } from '../../lib/env'
import { requireRole, requireUser } from '../../lib/guards'
import * as agreement from '../../services/agreement'
import { caseload } from '../../services/caseload'
import * as comments from '../../services/comments'
import { serialiseStatement } from '../../services/inventory'
import { screenText } from '../../services/safety-screen'
import * as routes from './sharing.routes'

/**
 * Reviews and worker signatures are a worker's acts, in person (not by token). Anyone else is
 * refused before the gate, and the refusal is logged like any other.
 */
async function refuseUnlessWorker(c: Context<AppEnv>, clientId: string, resource: string) {
  const actor = c.get('actor')
  if (actor?.kind === 'session' && actor.user.role === 'worker') return
  const [client] = await c.get('deps').db.select({ role: users.role }).from(users).where(eq(users.id, clientId))
  if (client?.role === 'client' && actor?.user.id !== clientId) {
    await writeAccessLog(c.get('deps'), { actor, clientId, action: 'create', scope: 'inventory', resource, outcome: 'denied', basis: 'only_workers' })
  }
  requireUser(c)
  throw new AppError('forbidden', 'Only a worker can do this.')
}

export const sharingRouter = createRouter()
  .openapi(routes.getCaseload, async (c) => {
    requireRole(c, 'worker', 'peer')
    const actor = c.get('actor')
    if (!actor) throw new AppError('unauthenticated', 'Sign in first.')
    return c.json(await caseload(c.get('deps'), actor), 200)
  })
  .openapi(routes.listComments, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = await requireClientAccess(c, clientId, { scope: 'inventory', action: 'read', resource: 'comments' })
    const query = c.req.valid('query')
    return c.json(await comments.listComments(c.get('deps'), { clientId, statementId: query.statementId, openOnly: query.open === 'true', excludeDomains: access.excludeDomains }), 200)
  })
  .openapi(routes.addComment, async (c) => {
    const { clientId, statementId } = c.req.valid('param')
    const deps = c.get('deps')
    // The statement's domain goes to the gate, so a left-out domain cannot be commented on (or probed).
    const statement = await comments.statementForComment(deps, clientId, statementId).catch(() => null)
    const access = await requireClientAccess(c, clientId, {
      scope: 'inventory',
      action: 'comment',
      domain: statement?.domain ?? '-',
      resource: `statement:${statementId}`,
      logAction: 'create',
    })
    if (!statement) throw new AppError('not_found', 'No such statement.')
    if (access.isSelf) throw new AppError('forbidden', 'Change your own words on the statement itself.')
    const body = c.req.valid('json')
    const comment = await comments.addComment(deps, { clientId, authorId: access.actor.id, statementId, ...body })
    // A comment may quote the client: the worker who wrote it sees the help lines too.
    return c.json({ ...comment, safety: screenText(body.body, access.actor.locale) }, 201)
  })
  .openapi(routes.decideSuggestion, async (c) => {
    const { clientId, commentId } = c.req.valid('param')
    await requireClientSelf(c, clientId, { scope: 'inventory', resource: `suggestion:${commentId}`, action: 'update' })
    const result = await comments.decideSuggestion(c.get('deps'), { clientId, commentId, ...c.req.valid('json') })
    return c.json({ suggestion: result.suggestion, statement: result.statement ? serialiseStatement(result.statement) : null }, 200)
  })
  .openapi(routes.markReviewed, async (c) => {
    const { clientId } = c.req.valid('param')
    await refuseUnlessWorker(c, clientId, 'review')
    const access = await requireClientAccess(c, clientId, { scope: 'inventory', action: 'read', resource: 'review', logAction: 'create' })
    return c.json(await agreement.markReviewed(c.get('deps'), { clientId, reviewerId: access.actor.id, filter: access }), 201)
  })
  .openapi(routes.getAgreement, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = await requireClientAccess(c, clientId, { scope: 'inventory', action: 'read', resource: 'agreement' })
    return c.json(await agreement.agreementStatus(c.get('deps'), { clientId, viewerFilter: access }), 200)
  })
  .openapi(routes.signAgreement, async (c) => {
    const { clientId } = c.req.valid('param')
    const self = c.get('actor')?.user.id === clientId
    if (!self) await refuseUnlessWorker(c, clientId, 'signature')
    const access = await requireClientAccess(c, clientId, { scope: 'inventory', action: 'read', resource: 'signature', logAction: 'create' })
    const role = access.isSelf ? 'client' : 'worker'
    const signed = await agreement.signInventory(c.get('deps'), { clientId, signerId: access.actor.id, signerRole: role, filter: access, expectedHash: c.req.valid('json').contentHash })
    return c.json(signed, 201)
  })
