import { createRouter } from '../../lib/router'
import { AppError } from '../../lib/app-error'
import * as comments from '../../services/comments'
import { screenText, screenTexts } from '../../services/safety-screen'
import { changeComment, findComment } from '../../services/comment-changes'
import { onlyTheAuthor } from '../../access/gate'
import * as routes from './comments.routes'

export const commentsRouter = createRouter()
  .openapi(routes.listComments, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const query = c.req.valid('query')
    return c.json(
      await comments.listComments(c.get('deps'), {
        clientId,
        statementId: query.statementId,
        openOnly: query.open === 'true',
        excludeDomains: access.excludeDomains,
        ...comments.commentsSeenBy(access),
      }),
      200,
    )
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
  .openapi(routes.editComment, async (c) => {
    const { clientId, statementId, commentId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const deps = c.get('deps')
    const { body, suggestedText, version } = c.req.valid('json')
    const place = { clientId, commentId, targetKind: 'statement', targetId: statementId } as const
    const found = await findComment(deps, place)
    if (found.authorId !== access.actor.id) await onlyTheAuthor(c, clientId, { scope: 'inventory', resource: `comment:${commentId}`, action: 'update' })
    const saved = await changeComment(deps, { ...place, authorId: access.actor.id, version, change: { body, suggestedText } })
    // Saved as written; the one who wrote it sees the help lines when the words call for them.
    return c.json({ ...saved, safety: screenTexts([saved.body, saved.suggestedText], access.actor.locale) }, 200)
  })
  .openapi(routes.removeComment, async (c) => {
    const { clientId, statementId, commentId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const deps = c.get('deps')
    const place = { clientId, commentId, targetKind: 'statement', targetId: statementId } as const
    const found = await findComment(deps, place)
    if (found.authorId !== access.actor.id) await onlyTheAuthor(c, clientId, { scope: 'inventory', resource: `comment:${commentId}`, action: 'delete' })
    await changeComment(deps, { ...place, authorId: access.actor.id, version: c.req.valid('query').version, change: 'remove' })
    return c.body(null, 204)
  })
