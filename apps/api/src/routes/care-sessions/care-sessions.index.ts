import { createRouter } from '../../lib/router'
import { requireRole, requireUser } from '../../lib/guards'
import * as sessions from '../../services/care-sessions'
import { screenText } from '../../services/safety-screen'
import * as routes from './care-sessions.routes'

export const careSessionsRouter = createRouter()
  .openapi(routes.listMySessions, async (c) => c.json(await sessions.mySessions(c.get('deps'), requireUser(c)), 200))
  .openapi(routes.planSession, async (c) => {
    const worker = requireRole(c, 'worker')
    const row = await sessions.planSession(c.get('deps'), { worker, session: c.req.valid('json') })
    return c.json({ id: row.id }, 201)
  })
  .openapi(routes.writeNote, async (c) => {
    const { clientId, sessionId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const { text } = c.req.valid('json')
    const note = await sessions.writeNote(c.get('deps'), { clientId, sessionId, text })
    return c.json({ ...note, safety: screenText(text, access.actor.locale) }, 200)
  })
  .openapi(routes.listNotes, async (c) => {
    const { clientId } = c.req.valid('param')
    // Notes are free text that may speak of any domain: with a domain left out, they stay private
    // (as the inventory's remarks do).
    if (c.get('clientAccess').excludeDomains.length > 0) return c.json([], 200)
    return c.json(await sessions.clientNotes(c.get('deps'), clientId), 200)
  })
