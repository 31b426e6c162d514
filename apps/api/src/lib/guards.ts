import type { Context } from 'hono'
import type { Role } from '@kracht/db'
import { AppError } from './app-error'
import type { AppEnv, PublicUser } from './env'

/** The signed-in user, or a 401 problem. First line of every handler that needs one. */
export function requireUser(c: Context<AppEnv>): PublicUser {
  const actor = c.get('actor')
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.')
  return actor.user
}

export function requireRole(c: Context<AppEnv>, ...roles: Role[]): PublicUser {
  const user = requireUser(c)
  if (!roles.includes(user.role)) throw new AppError('forbidden', 'Your role does not allow this.')
  return user
}
