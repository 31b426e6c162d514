import type { Context } from 'hono'
import { createRouter } from '../../lib/router'
import { requireRole, requireUser } from '../../lib/guards'
import { clientIp } from '../../lib/client-ip'
import { AppError } from '../../lib/app-error'
import type { AppEnv } from '../../lib/env'
import { startSession } from '../../auth/sessions'
import { assertNotLocked, recordFailure } from '../../auth/throttle'
import * as invitations from '../../services/invitations'
import * as routes from './invitations.routes'

const serialise = (issued: invitations.IssuedInvitation) => ({ ...issued, expiresAt: issued.expiresAt.toISOString() })

/** Short codes can be guessed, so unknown codes count against the caller's address. */
async function guarded<T>(c: Context<AppEnv>, run: () => Promise<T>): Promise<T> {
  const deps = c.get('deps')
  const key = { key: `invite-ip:${clientIp(c)}`, maxFailures: deps.config.LOGIN_MAX_FAILURES_PER_IP }
  await assertNotLocked(deps, [key])
  try {
    return await run()
  } catch (error) {
    if (error instanceof AppError && error.code === 'invitation_invalid') await recordFailure(deps, [key])
    throw error
  }
}

export const invitationsRouter = createRouter()
  .openapi(routes.createInvitation, async (c) => {
    const inviter = requireRole(c, 'worker', 'admin')
    const body = c.req.valid('json')
    const issued = await invitations.createInvitation(c.get('deps'), { inviter, ...body })
    return c.json(serialise(issued), 201)
  })
  .openapi(routes.listInvitations, async (c) => {
    const actor = requireRole(c, 'worker', 'admin')
    const rows = await invitations.listInvitations(c.get('deps'), actor)
    return c.json(
      rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() })),
      200,
    )
  })
  .openapi(routes.withdrawInvitation, async (c) => {
    const actor = requireRole(c, 'worker', 'admin')
    await invitations.withdrawInvitation(c.get('deps'), { actor, invitationId: c.req.valid('param').invitationId })
    return c.body(null, 204)
  })
  .openapi(routes.lookupInvitation, async (c) => {
    const secret = c.req.valid('json')
    const preview = await guarded(c, () => invitations.lookupInvitation(c.get('deps'), secret))
    return c.json({ ...preview, expiresAt: preview.expiresAt.toISOString() }, 200)
  })
  .openapi(routes.acceptInvitation, async (c) => {
    const body = c.req.valid('json')
    const user = await guarded(c, () => invitations.acceptInvitation(c.get('deps'), body))
    await startSession(c, user.id)
    return c.json(user, 201)
  })
  .openapi(routes.resetAccess, async (c) => {
    const actor = requireUser(c)
    const issued = await invitations.resetClientAccess(c.get('deps'), { actor, clientId: c.req.valid('param').clientId })
    return c.json(serialise(issued), 201)
  })
