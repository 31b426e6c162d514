import { createRouter } from '../../lib/router'
import { requireUser } from '../../lib/guards'
import { clientIp } from '../../lib/client-ip'
import { getCookie } from 'hono/cookie'
import { AppError } from '../../lib/app-error'
import { endAllSessions, endSession, lookupSession, sessionCookie, startSession, toPublicUser } from '../../auth/sessions'
import { changeOwnPassphrase, signIn } from '../../services/accounts'
import { listResetNotices } from '../../services/invitations'
import { checkSecondFactor, needsSecondFactor } from '../../services/totp'
import * as routes from './auth.routes'

export const authRouter = createRouter()
  .openapi(routes.login, async (c) => {
    const { username, password } = c.req.valid('json')
    const deps = c.get('deps')
    const user = await signIn(deps, { username, password, ip: clientIp(c) })
    if (needsSecondFactor(user)) {
      await startSession(c, user.id, { secondFactorPending: true })
      return c.json({ next: 'totp' as const }, 202)
    }
    await startSession(c, user.id)
    // The portal shows "was that you?" before anything else when a new code was given for this account.
    if ((await listResetNotices(deps, user.id)).length > 0) c.header('X-Kracht-Notice', 'access-reset')
    return c.json(toPublicUser(user), 200)
  })
  .openapi(routes.signInTotp, async (c) => {
    const deps = c.get('deps')
    const found = await lookupSession(deps, getCookie(c, sessionCookie(deps.config).name))
    if (found.status !== 'second_factor') throw new AppError('second_factor_expired', 'Sign in with your passphrase again.')
    await checkSecondFactor(deps, { userId: found.userId, code: c.req.valid('json').code })
    // A fresh session id (startSession drops the waiting one), as at every sign-in.
    await startSession(c, found.userId)
    return c.json(found.user, 200)
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
