import { createRouter } from '../../lib/router'
import { requireUser } from '../../lib/guards'
import { clientIp } from '../../lib/client-ip'
import { endAllSessions, endSession, startSession } from '../../auth/sessions'
import { changeOwnPassphrase, signIn } from '../../services/accounts'
import * as routes from './auth.routes'

export const authRouter = createRouter()
  .openapi(routes.login, async (c) => {
    const { username, password } = c.req.valid('json')
    const user = await signIn(c.get('deps'), { username, password, ip: clientIp(c) })
    await startSession(c, user.id)
    return c.json(user, 200)
  })
  .openapi(routes.logout, async (c) => {
    await endSession(c)
    return c.body(null, 204)
  })
  .openapi(routes.logoutEverywhere, async (c) => {
    const user = requireUser(c)
    await endAllSessions(c.get('deps'), user.id)
    await endSession(c)
    return c.body(null, 204)
  })
  .openapi(routes.changePassword, async (c) => {
    const user = requireUser(c)
    const body = c.req.valid('json')
    await changeOwnPassphrase(c.get('deps'), { user, ...body })
    // Every other device is signed out; this one gets a fresh session.
    await endAllSessions(c.get('deps'), user.id)
    await startSession(c, user.id)
    return c.body(null, 204)
  })
  .openapi(routes.me, (c) => c.json(requireUser(c), 200))
