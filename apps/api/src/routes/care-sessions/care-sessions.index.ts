import { createRouter } from '../../lib/router'
import { requireRole, requireUser } from '../../lib/guards'
import * as sessions from '../../services/care-sessions'
import * as facilitation from '../../services/session-facilitation'
import { screenText } from '../../services/safety-screen'
import * as routes from './care-sessions.routes'
import * as staff from './facilitation.routes'

export const careSessionsRouter = createRouter()
  .openapi(routes.listMySessions, async (c) => c.json(await sessions.mySessions(c.get('deps'), requireUser(c)), 200))
  .openapi(routes.planSession, async (c) => {
    const planner = requireRole(c, 'worker', 'peer')
    const row = await sessions.planSession(c.get('deps'), { planner, session: c.req.valid('json') })
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
  .openapi(staff.getSession, async (c) => {
    const user = requireRole(c, 'worker', 'peer')
    return c.json(await facilitation.sessionForFacilitator(c.get('deps'), user, c.req.valid('param').sessionId), 200)
  })
  .openapi(staff.changeSession, async (c) => {
    const user = requireRole(c, 'worker', 'peer')
    const row = await facilitation.changeSession(c.get('deps'), { user, sessionId: c.req.valid('param').sessionId, changes: c.req.valid('json') })
    return c.json({ id: row.id, version: row.version }, 200)
  })
  .openapi(staff.cancelSession, async (c) => {
    const user = requireRole(c, 'worker', 'peer')
    await facilitation.cancelSession(c.get('deps'), { user, sessionId: c.req.valid('param').sessionId })
    return c.body(null, 204)
  })
  .openapi(staff.writeMyNote, async (c) => {
    const user = requireRole(c, 'worker', 'peer')
    const { text } = c.req.valid('json')
    const saved = await facilitation.writeFacilitatorNote(c.get('deps'), { user, sessionId: c.req.valid('param').sessionId, text })
    return c.json({ ...saved, safety: screenText(text, user.locale) }, 200)
  })
  .openapi(staff.writeReflection, async (c) => {
    const user = requireRole(c, 'worker', 'peer')
    const { text } = c.req.valid('json')
    const saved = await facilitation.writeReflection(c.get('deps'), { user, sessionId: c.req.valid('param').sessionId, text })
    return c.json({ ...saved, safety: screenText(text, user.locale) }, 200)
  })
