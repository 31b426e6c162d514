import { createRouter } from '../../lib/router'
import * as replies from '../../services/comment-replies'
import { screenText } from '../../services/safety-screen'
import * as routes from './comment-replies.routes'

export const commentRepliesRouter = createRouter()
  .openapi(routes.markCommentRead, async (c) => {
    const { clientId, commentId } = c.req.valid('param')
    const access = c.get('clientAccess')
    return c.json(await replies.markCommentRead(c.get('deps'), { clientId, commentId, readerId: access.actor.id }), 200)
  })
  .openapi(routes.replyToComment, async (c) => {
    const { clientId, commentId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const { body } = c.req.valid('json')
    const reply = await replies.addCommentReply(c.get('deps'), { clientId, commentId, authorId: access.actor.id, body })
    // Saved as written; a crisis signal answers with the help lines, nothing is blocked.
    return c.json({ ...reply, safety: screenText(body, access.actor.locale) }, 201)
  })
  .openapi(routes.editCommentReply, async (c) => {
    const { clientId, commentId, replyId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const { body, version } = c.req.valid('json')
    const reply = await replies.changeCommentReply(c.get('deps'), { clientId, commentId, replyId, authorId: access.actor.id, version, change: { body } })
    return c.json({ ...reply, safety: screenText(body, access.actor.locale) }, 200)
  })
  .openapi(routes.removeCommentReply, async (c) => {
    const { clientId, commentId, replyId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const { version } = c.req.valid('query')
    await replies.changeCommentReply(c.get('deps'), { clientId, commentId, replyId, authorId: access.actor.id, version, change: 'remove' })
    return c.body(null, 204)
  })
