import type { Role } from '@kracht/db'
import { AppError } from './app-error'
import type { Actor, PublicUser } from './env'

/**
 * Any context that knows who is asking: a plain route's, or a client route's (whose env adds the
 * gate's `clientAccess`, and so is not assignable to Context<AppEnv>).
 */
export interface ActorContext {
  get(key: 'actor'): Actor | null
}

/** The signed-in user, or a 401 problem. First line of every handler that needs one. */
export function requireUser(c: ActorContext): PublicUser {
  const actor = c.get('actor')
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.')
  return actor.user
}

export function requireRole(c: ActorContext, ...roles: Role[]): PublicUser {
  const user = requireUser(c)
  if (!roles.includes(user.role)) throw new AppError('forbidden', 'Your role does not allow this.')
  return user
}
