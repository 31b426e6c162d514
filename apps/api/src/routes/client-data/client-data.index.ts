import { deleteCookie } from 'hono/cookie'
import { createRouter } from '../../lib/router'
import { AppError } from '../../lib/app-error'
import { writeAccessLog } from '../../access/gate'
import { confirmPassphrase } from '../../services/accounts'
import { sessionCookie } from '../../auth/sessions'
import { exportClientData } from '../../services/client-data/export'
import { eraseClient } from '../../services/client-data/erase'
import { endClientAccount } from '../../services/client-data/end-account'
import * as routes from './client-data.routes'

export const clientDataRouter = createRouter()
  .openapi(routes.exportClientData, async (c) => {
    const { clientId } = c.req.valid('param')
    const deps = c.get('deps')
    const file = await exportClientData(deps, clientId)
    // The file holds the access log; reading the log is itself logged (after the read, as the log page does).
    await writeAccessLog(deps, { actor: c.get('actor'), clientId, action: 'export', scope: 'account', resource: 'export', outcome: 'allowed', basis: 'self' })
    const day = deps.now().toISOString().slice(0, 10)
    c.header('Content-Disposition', `attachment; filename="kracht-mijn-gegevens-${day}.json"`)
    return c.json(JSON.parse(JSON.stringify(file)) as Record<string, unknown>, 200)
  })
  .openapi(routes.eraseClientAccount, async (c) => {
    const { clientId } = c.req.valid('param')
    const { password } = c.req.valid('json')
    const deps = c.get('deps')
    try {
      await confirmPassphrase(deps, { userId: clientId, password, field: 'password' })
    } catch (error) {
      // A stable code of its own (403, not the 400 of a form's wrong passphrase): nothing was changed.
      if (error instanceof AppError && error.code === 'password_wrong') {
        throw new AppError('account_password_wrong', 'Your passphrase is not right. Nothing was deleted.', { password: 'password_wrong' })
      }
      throw error
    }
    await eraseClient(deps, { clientId, reason: 'own_request', actor: c.get('actor') })
    const cookie = sessionCookie(deps.config)
    deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure })
    return c.body(null, 204)
  })
  .openapi(routes.endClientAccount, async (c) => {
    const { clientId } = c.req.valid('param')
    const actor = c.get('actor')
    if (!actor) throw new AppError('unauthenticated', 'Sign in first.')
    const { endedAt } = await endClientAccount(c.get('deps'), { actor, clientId })
    return c.json({ endedAt: endedAt.toISOString() }, 200)
  })
