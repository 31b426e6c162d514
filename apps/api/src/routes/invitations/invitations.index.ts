import type { Context } from 'hono'
import { createRouter } from '../../lib/router'
import { requireRole, requireUser } from '../../lib/guards'
import { clientIp } from '../../lib/client-ip'
import { AppError } from '../../lib/app-error'
import { writeAccessLog } from '../../lib/access-log'
import type { AppEnv } from '../../lib/env'
import { startSession } from '../../auth/sessions'
import { giveBack, takeAttempt } from '../../auth/throttle'
import * as invitations from '../../services/invitations'
import * as routes from './invitations.routes'

const serialise = (issued: invitations.IssuedInvitation) => ({ ...issued, expiresAt: issued.expiresAt.toISOString() })

/**
 * Short codes can be guessed, so every try counts, per address and for everyone together (an attack
 * from many addresses still meets the overall limit), before the code is looked up. Tries that did
 * not guess wrong are given back.
 */
async function guarded<T>(c: Context<AppEnv>, run: () => Promise<T>): Promise<T> {
  const deps = c.get('deps')
  const keys = [
    { key: `invite-ip:${clientIp(c)}`, maxFailures: deps.config.LOGIN_MAX_FAILURES_PER_IP },
    { key: 'invite-all', maxFailures: deps.config.INVITATION_MAX_FAILURES_GLOBAL },
  ]
  await takeAttempt(deps, keys)
  try {
    const result = await run()
    await giveBack(deps, keys.map(({ key }) => key))
    return result
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'invitation_invalid')) await giveBack(deps, keys.map(({ key }) => key))
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
    const deps = c.get('deps')
    const { user, resetId } = await guarded(c, () => invitations.acceptInvitation(deps, body))
    const sessionId = await startSession(c, user.id)
    // Whoever redeemed a reset code now acts as the client: the client's log says so, with this session.
    if (resetId) {
      await writeAccessLog(deps, {
        actor: { kind: 'session', user, sessionId },
        clientId: user.id,
        action: 'update',
        scope: 'account',
        resource: `access_reset:${resetId}`,
        outcome: 'allowed',
        basis: 'first_sign_in_after_reset',
      })
    }
    return c.json(user, 201)
  })
  .openapi(routes.resetAccess, async (c) => {
    requireRole(c, 'worker', 'admin')
    const actor = c.get('actor')
    if (actor?.kind !== 'session') throw new AppError('token_read_only', 'API tokens can only read.')
    const issued = await invitations.resetClientAccess(c.get('deps'), { actor, clientId: c.req.valid('param').clientId })
    return c.json(serialise(issued), 201)
  })
  .openapi(routes.approveReset, async (c) => {
    requireRole(c, 'worker', 'admin')
    const actor = c.get('actor')
    if (actor?.kind !== 'session') throw new AppError('token_read_only', 'API tokens can only read.')
    await invitations.approveAccessReset(c.get('deps'), { actor, invitationId: c.req.valid('param').invitationId })
    return c.body(null, 204)
  })
  .openapi(routes.listResetNotices, async (c) => {
    const user = requireUser(c)
    return c.json(await invitations.listResetNotices(c.get('deps'), user.id), 200)
  })
  .openapi(routes.markResetNoticeSeen, async (c) => {
    const user = requireUser(c)
    await invitations.markResetNoticeSeen(c.get('deps'), { userId: user.id, invitationId: c.req.valid('param').invitationId })
    return c.body(null, 204)
  })
